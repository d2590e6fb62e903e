/** The wire cube around a 3-D scene, with round ticks and axis titles on three visible edges. */
import { scaleLinear } from "d3-scale";
import { textWidth } from "../chart/text.ts";
import { fmtStep } from "../format.ts";
import { PALETTE } from "../palette.ts";
import type { Mark } from "../scene.ts";
import type { Camera, Vec3 } from "./camera.ts";

export interface CubeLabels {
  x: string;
  y: string;
  z: string;
}

/** A screen rectangle taken by a label (for collision checks). */
interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: LabelBox, b: LabelBox, margin = 2): boolean => a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 + margin && b.y0 < a.y1 + margin;

/** Half the extent of a w × h box along the unit direction (nx, ny). */
const halfExtent = (nx: number, ny: number, w: number, h: number): number => (Math.abs(nx) * w + Math.abs(ny) * h) / 2;

/** About `count` round values inside [lo, hi] (1, 2 or 5 × 10^k steps), as d3's ticks. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  return scaleLinear().domain([lo, hi]).ticks(count).filter((t) => t >= lo - 1e-12 * (hi - lo) && t <= hi + 1e-12 * (hi - lo));
}

/**
 * The bounding cube: edges on the far side (drawn first) and near side (drawn last), and for
 * three visible edges (x and y along the bottom, z up the left) round tick values with small
 * tick marks, the labels pushed out from the cube so that no two overlap (a label that would
 * overlap an earlier one is left out), and each axis's title beyond its tick labels.
 */
export function cube(cam: Camera, labels: CubeLabels): { back: Mark[]; front: Mark[] } {
  const b = cam.bounds;
  const corner = (i: number, j: number, k: number): Vec3 => [b[0][i], b[1][j], b[2][k]];
  const edges: [Vec3, Vec3][] = [];
  for (const j of [0, 1]) for (const k of [0, 1]) edges.push([corner(0, j, k), corner(1, j, k)]);
  for (const i of [0, 1]) for (const k of [0, 1]) edges.push([corner(i, 0, k), corner(i, 1, k)]);
  for (const i of [0, 1]) for (const j of [0, 1]) edges.push([corner(i, j, 0), corner(i, j, 1)]);
  const mid: Vec3 = [(b[0][0] + b[0][1]) / 2, (b[1][0] + b[1][1]) / 2, (b[2][0] + b[2][1]) / 2];
  const centre = cam.project(mid);
  const back: Mark[] = [];
  const front: Mark[] = [];
  for (const [p, q] of edges) {
    const P = cam.project(p);
    const Q = cam.project(q);
    const far = (P.depth + Q.depth) / 2 > centre.depth + 1e-9;
    (far ? back : front).push({ type: "line", x1: P.x, y1: P.y, x2: Q.x, y2: Q.y, stroke: far ? "#a0a0a0" : "#707070", strokeWidth: 1, role: "cube" });
  }
  // The edge each axis is labelled on: x and y along the bottom, lowest on screen; z the leftmost upright.
  const pickEdge = (axis: 0 | 1 | 2): [Vec3, Vec3] => {
    const cands = edges.filter(([p, q]) => p[axis] !== q[axis] && (axis === 2 || (p[2] === b[2][0] && q[2] === b[2][0])));
    const score = ([p, q]: [Vec3, Vec3]): number => {
      const P = cam.project(p);
      const Q = cam.project(q);
      return axis === 2 ? (P.x + Q.x) / 2 : -(P.y + Q.y) / 2;
    };
    return cands.sort((e1, e2) => score(e1) - score(e2))[0];
  };
  const placed: LabelBox[] = [];
  const TICK = 11;
  const TITLE = 13;
  const axesInfo = ([2, 0, 1] as const).map((axis) => {
    const edge = pickEdge(axis);
    const P = cam.project(edge[0]);
    const Q = cam.project(edge[1]);
    const len = Math.hypot(Q.x - P.x, Q.y - P.y) || 1;
    const ex = (Q.x - P.x) / len;
    const ey = (Q.y - P.y) / len;
    // Outward: perpendicular to the edge on screen, away from the cube's centre.
    let nx = -ey;
    let ny = ex;
    if (nx * ((P.x + Q.x) / 2 - centre.x) + ny * ((P.y + Q.y) / 2 - centre.y) < 0) [nx, ny] = [-nx, -ny];
    return { axis, edge, P, Q, len, nx, ny, reach: 6 };
  });
  const marks: Mark[] = [];
  for (const a of axesInfo) {
    const [lo, hi] = [a.edge[0][a.axis], a.edge[1][a.axis]];
    const ticks = niceTicks(Math.min(lo, hi), Math.max(lo, hi), Math.max(2, Math.min(6, Math.round(a.len / 70))));
    const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(hi - lo);
    for (const t of ticks) {
      const u = (t - lo) / (hi - lo || 1);
      const x = a.P.x + (a.Q.x - a.P.x) * u;
      const y = a.P.y + (a.Q.y - a.P.y) * u;
      marks.push({ type: "line", x1: x, y1: y, x2: x + a.nx * 5, y2: y + a.ny * 5, stroke: "#707070", strokeWidth: 1, role: "cube tick-mark" });
      const text = fmtStep(t, step);
      const w = textWidth(text, TICK);
      const h = TICK * 1.15;
      const off = 8 + halfExtent(a.nx, a.ny, w, h);
      const cx = x + a.nx * off;
      const cy = y + a.ny * off;
      const box = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
      if (placed.some((q) => overlaps(q, box))) continue;
      placed.push(box);
      a.reach = Math.max(a.reach, off + halfExtent(a.nx, a.ny, w, h));
      marks.push({ type: "text", x: cx, y: cy, text, size: TICK, anchor: "middle", baseline: "middle", fill: PALETTE.muted, role: "tick" });
    }
  }
  // Titles after every tick label, each beyond its own axis's labels and clear of the others.
  for (const a of axesInfo) {
    const text = a.axis === 0 ? labels.x : a.axis === 1 ? labels.y : labels.z;
    const upright = a.axis === 2; // written up the vertical edge
    const w = textWidth(text, TITLE);
    const h = TITLE * 1.2;
    const [bw, bh] = upright ? [h, w] : [w, h];
    const mx = (a.P.x + a.Q.x) / 2;
    const my = (a.P.y + a.Q.y) / 2;
    let off = a.reach + 8 + halfExtent(a.nx, a.ny, bw, bh);
    let box = (): LabelBox => ({ x0: mx + a.nx * off - bw / 2, y0: my + a.ny * off - bh / 2, x1: mx + a.nx * off + bw / 2, y1: my + a.ny * off + bh / 2 });
    for (let k = 0; k < 12 && placed.some((q) => overlaps(q, box())); k++) off += 6;
    placed.push(box());
    marks.push({ type: "text", x: mx + a.nx * off, y: my + a.ny * off, text, size: TITLE, anchor: "middle", baseline: "middle", fill: PALETTE.ink, role: "axis-label", ...(upright ? { rotate: -90 } : {}) });
  }
  front.push({ type: "group", marks, role: "cube-axes" });
  return { back, front };
}
