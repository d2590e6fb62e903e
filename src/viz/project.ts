/**
 * The project's own 3-D: an orthographic camera turned by azimuth (about the vertical z axis)
 * and elevation (above the x–y plane), a wire cube with labelled axes, shaded surface meshes,
 * and painter's-algorithm ordering (far items first). No WebGL, so it is plain SVG everywhere.
 */
import { scaleLinear } from "d3-scale";
import { fmt, textWidth, type Box } from "./plot.ts";
import { PALETTE, shade } from "./palette.ts";
import type { Mark } from "./scene.ts";
import type { Angle } from "./view.ts";

export const DEFAULT_ANGLE: Angle = { azimuth: -35, elevation: 30 };

export type Vec3 = [number, number, number];
export type Bounds = [[number, number], [number, number], [number, number]];

export interface Projected {
  x: number;
  y: number;
  /** Larger = farther from the viewer. */
  depth: number;
  /**
   * Distance along the view direction in the x–y plane, ignoring height (larger = farther).
   * For a height field z = f(x, y) a point can only be hidden by points with smaller ground
   * depth, so sorting a mesh by it is exact where sorting by `depth` fails on steep walls.
   */
  ground: number;
}

export interface Camera {
  /** Data coordinates → screen. */
  project(p: Vec3): Projected;
  bounds: Bounds;
  /** The unit light direction in normalised space (from the viewer's upper left). */
  light: Vec3;
  /** Data → normalised [−1, 1]³. */
  normalise(p: Vec3): Vec3;
}

/** A camera that fits the bounds' cube into `box`. */
export function camera(angle: Angle | undefined, box: Box, bounds: Bounds, zScale = 0.8): Camera {
  const a = ((angle?.azimuth ?? DEFAULT_ANGLE.azimuth) * Math.PI) / 180;
  const e = ((angle?.elevation ?? DEFAULT_ANGLE.elevation) * Math.PI) / 180;
  const [ca, sa, ce, se] = [Math.cos(a), Math.sin(a), Math.cos(e), Math.sin(e)];
  const span = (r: [number, number]): number => (r[1] - r[0] || 1);
  const normalise = (p: Vec3): Vec3 => [
    ((p[0] - bounds[0][0]) / span(bounds[0])) * 2 - 1,
    ((p[1] - bounds[1][0]) / span(bounds[1])) * 2 - 1,
    (((p[2] - bounds[2][0]) / span(bounds[2])) * 2 - 1) * zScale,
  ];
  // Screen right = rotated x; screen up = y·sin e + z·cos e; depth = y·cos e − z·sin e.
  const raw = (q: Vec3): Projected => {
    const x1 = q[0] * ca - q[1] * sa;
    const y1 = q[0] * sa + q[1] * ca;
    return { x: x1, y: y1 * se + q[2] * ce, depth: y1 * ce - q[2] * se, ground: y1 };
  };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const cx of [-1, 1]) for (const cy of [-1, 1]) for (const cz of [-zScale, zScale]) {
    const p = raw([cx, cy, cz]);
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const s = Math.min(box.width / (x1 - x0), box.height / (y1 - y0));
  const ox = box.x + box.width / 2 - (s * (x0 + x1)) / 2;
  const oy = box.y + box.height / 2 + (s * (y0 + y1)) / 2;
  // Light from the viewer's upper left, expressed in normalised data space.
  const lv: Vec3 = [-0.4, -0.5, 0.75];
  const light: Vec3 = (() => {
    const l = [lv[0] * ca + lv[1] * sa, -lv[0] * sa + lv[1] * ca, lv[2]];
    const m = Math.hypot(l[0], l[1], l[2]);
    return [l[0] / m, l[1] / m, l[2] / m];
  })();
  return {
    bounds,
    light,
    normalise,
    project(p) {
      const r = raw(normalise(p));
      return { x: ox + s * r.x, y: oy - s * r.y, depth: r.depth, ground: r.ground };
    },
  };
}

export interface DepthItem {
  depth: number;
  marks: Mark[];
}

/** Far first, so nearer items cover farther ones. */
export function paintersOrder(items: DepthItem[]): Mark[] {
  return mergeRuns(items.sort((p, q) => q.depth - p.depth).flatMap((i) => i.marks));
}

/** Whether a screen point at ground depth `ground` is covered by a face drawn after it (nearer). */
export function occluded(items: DepthItem[], x: number, y: number, ground: number): boolean {
  for (const it of items) {
    if (it.depth >= ground) continue;
    for (const m of it.marks) if (m.type === "polyline" && m.closed && m.role === "mesh" && inside(m.points, x, y)) return true;
  }
  return false;
}

function inside(pts: [number, number][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/**
 * Consecutive closed polylines with the same paint and role become one path of several
 * subpaths: painted in the same order with the same colour, the picture is unchanged, and a
 * plateau of a thousand same-coloured faces costs one element instead of a thousand.
 */
export function mergeRuns(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  const r = (v: number): number => Math.round(v * 10) / 10;
  const key = (m: Mark): string | null => (m.type === "polyline" && m.closed && !m.tooltip ? `${m.fill}|${m.stroke}|${m.strokeWidth}|${m.role}|${m.fillOpacity}|${m.opacity}` : null);
  for (let i = 0; i < marks.length; ) {
    const k = key(marks[i]);
    let j = i + 1;
    while (k !== null && j < marks.length && key(marks[j]) === k) j++;
    if (j - i < 2) {
      out.push(marks[i]);
      i = j;
      continue;
    }
    const first = marks[i];
    if (first.type !== "polyline") throw new Error("unreachable");
    let d = "";
    for (let q = i; q < j; q++) {
      const m = marks[q];
      if (m.type === "polyline") d += m.points.map(([x, y], t) => `${t ? "L" : "M"}${r(x)} ${r(y)}`).join("") + "Z";
    }
    const { points: _p, closed: _c, type: _t, ...paint } = first;
    out.push({ ...paint, type: "path", d });
    i = j;
  }
  return out;
}

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
      const text = tickText(t, step);
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

/** A tick value with as many decimals as its step needs (at most 3 significant digits beyond). */
function tickText(v: number, step: number): string {
  if (Math.abs(v) < step * 1e-9) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return fmt(v, 3);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals).replace("-", "−");
}

/** A surface's colour bands by default: this many, evenly over the z range (see surfaceMesh). */
export const COLOUR_BANDS = 24;

/** The part of a planar polygon (screen x, y and height z at each corner) with lo ≤ z ≤ hi, on screen. */
function clipBand(poly: [number, number, number][], lo: number, hi: number): [number, number][] {
  const clip = (pts: [number, number, number][], keep: (z: number) => boolean, at: number): [number, number, number][] => {
    const out: [number, number, number][] = [];
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      const q = pts[(i + 1) % pts.length];
      if (keep(p[2])) out.push(p);
      if (keep(p[2]) !== keep(q[2])) {
        const t = (at - p[2]) / (q[2] - p[2]);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), at]);
      }
    }
    return out;
  };
  const piece = clip(clip(poly, (z) => z >= lo, lo), (z) => z <= hi, hi);
  return piece.map(([x, y]) => [x, y]);
}

/**
 * A surface z[i + j·nx] over xs × ys, shaded (Lambert, the camera's light) and ordered by ground
 * depth, which is exact for a height field however steep its walls.
 *
 * `step` > 1 (a power of 2 is best) means xs × ys is a fine grid and the mesh is coarse (a face
 * every `step` points) except where the surface bends sharply inside a cell: there the cell is
 * split in four, again and again down to the fine grid, so a cliff's edges are crisp and
 * plateaus and straight slopes stay cheap. An unsplit cell's edges stray from the fine heights
 * by less than the split tolerance, so no visible crack opens beside a split one.
 * A face that is not flat is cut into two triangles along the diagonal whose corners are
 * closest in height (a cliff across the grid becomes a sloped wall, not a staircase); faces
 * take the mean of their corners' normals, so brightness changes smoothly; each is stroked
 * with its own colour (0.5 px) so anti-aliased seams between faces do not show.
 * A face crossing one of the `levels` (heights; default COLOUR_BANDS bands evenly over the z
 * range) is cut there, each piece coloured by its own heights, so a steep wall shades from its
 * foot's colour to its top's instead of showing one flat colour per sliver (a picket fence).
 * A coarse cell beside refined ones runs its edges through their corners (no T-junctions, so no
 * cracks where the background shows through).
 * `colourOf(z, corners)` gets the middle of the face's (or piece's) height range and its corners'
 * indices into z.
 */
export function surfaceMesh(cam: Camera, xs: number[], ys: number[], z: ArrayLike<number>, colourOf: (z: number, corners: number[]) => string, step = 1, levels?: readonly number[]): DepthItem[] {
  const nx = xs.length;
  const ny = ys.length;
  const P: Projected[] = [];
  const N: Vec3[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const p: Vec3 = [xs[i], ys[j], z[i + j * nx]];
    P.push(cam.project(p));
    N.push(cam.normalise(p));
  }
  // Vertex normals from central differences over `step` points (normalised space).
  const VN: Vec3[] = [];
  const normalAt = (i: number, j: number, h: number): Vec3 => {
    const [i0, i1] = [Math.max(0, i - h), Math.min(nx - 1, i + h)];
    const [j0, j1] = [Math.max(0, j - h), Math.min(ny - 1, j + h)];
    const gx = (N[i1 + j * nx][2] - N[i0 + j * nx][2]) / (N[i1 + j * nx][0] - N[i0 + j * nx][0] || 1);
    const gy = (N[i + j1 * nx][2] - N[i + j0 * nx][2]) / (N[i + j1 * nx][1] - N[i + j0 * nx][1] || 1);
    const m = Math.hypot(gx, gy, 1);
    return [-gx / m, -gy / m, 1 / m];
  };
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) VN[i + j * nx] = normalAt(i, j, 1);
  const zSpan = 2 * Math.max(1e-12, Math.abs(cam.normalise([xs[0], ys[0], cam.bounds[2][1]])[2] - cam.normalise([xs[0], ys[0], cam.bounds[2][0]])[2]) / 2);
  const items: DepthItem[] = [];
  const [zLo, zHi] = cam.bounds[2];
  const cutLevels = levels ?? Array.from({ length: COLOUR_BANDS - 1 }, (_, i) => zLo + ((i + 1) * (zHi - zLo)) / COLOUR_BANDS);
  const face = (k: number[]): void => {
    const n: Vec3 = [0, 0, 0];
    for (const q of k) for (let c = 0; c < 3; c++) n[c] += VN[q][c];
    const nm = Math.hypot(n[0], n[1], n[2]) || 1;
    const lambert = Math.max(0, (n[0] * cam.light[0] + n[1] * cam.light[1] + n[2] * cam.light[2]) / nm);
    // Brightness in 40 steps: invisible, and neighbouring faces of one colour merge into one
    // path (mergeRuns), which keeps big meshes small.
    // The face's colour is that of the middle of its height range (not the mean of its corners):
    // the two triangles of a cell on a cliff, one with two high corners and one with two low,
    // then share a colour, and the wall does not zigzag light and dark.
    let zMin = Infinity;
    let zMax = -Infinity;
    for (const q of k) {
      zMin = Math.min(zMin, z[q]);
      zMax = Math.max(zMax, z[q]);
    }
    const light = 0.6 + Math.round(lambert * 40) / 100;
    const ground = k.reduce((s, q) => s + P[q].ground, 0) / k.length;
    const points = k.map((q) => [P[q].x, P[q].y] as [number, number]);
    // A face across several colour bands (a wall) is cut at the bands' heights, each piece its
    // band's colour: a wall then shades from its foot's colour to its top's, as a surface
    // coloured by height does, instead of one flat colour per sliver (stripes like a picket fence).
    const marks: Mark[] = [];
    const cuts = cutLevels.filter((l) => l > zMin && l < zMax);
    if (!cuts.length) {
      const fill = shade(colourOf((zMin + zMax) / 2, k), light);
      marks.push({ type: "polyline", points, closed: true, fill, stroke: fill, strokeWidth: 0.5, role: "mesh" });
    } else {
      const poly = k.map((q, t): [number, number, number] => [points[t][0], points[t][1], z[q]]);
      const edges = [zMin, ...cuts, zMax];
      for (let bi = 0; bi + 1 < edges.length; bi++) {
        const piece = clipBand(poly, edges[bi], edges[bi + 1]);
        if (piece.length < 3) continue;
        const fill = shade(colourOf((edges[bi] + edges[bi + 1]) / 2, k), light);
        marks.push({ type: "polyline", points: piece, closed: true, fill, stroke: fill, strokeWidth: 0.5, role: "mesh" });
      }
    }
    items.push({ depth: ground, marks });
  };
  // Corner indices of every leaf cell (first pass), so that a coarse cell beside finer ones
  // runs its edges through their corners (no T-junction: no crack where the background shows).
  const leaves: [number, number, number, number][] = [];
  const corner = new Uint8Array(nx * ny);
  // The grid points on the edge from fine point (i0, j0) to (i1, j1), ends excluded, that are corners of some leaf.
  const along = (i0: number, j0: number, i1: number, j1: number): number[] => {
    const n = Math.max(Math.abs(i1 - i0), Math.abs(j1 - j0));
    const out: number[] = [];
    for (let t = 1; t < n; t++) {
      const q = i0 + ((i1 - i0) * t) / n + (j0 + ((j1 - j0) * t) / n) * nx;
      if (corner[q]) out.push(q);
    }
    return out;
  };
  const cell = (I: number, J: number, w: number, e: number): void => {
    const a = I + J * nx;
    const b = I + w + J * nx;
    const c = I + w + (J + e) * nx;
    const d = I + (J + e) * nx;
    const ab = w > 1 ? along(I, J, I + w, J) : [];
    const bc = e > 1 ? along(I + w, J, I + w, J + e) : [];
    const cd = w > 1 ? along(I + w, J + e, I, J + e) : [];
    const da = e > 1 ? along(I, J + e, I, J) : [];
    // A flat (planar) cell has z_a + z_c = z_b + z_d.
    const twist = Math.abs(N[a][2] + N[c][2] - N[b][2] - N[d][2]) / zSpan;
    if (twist < 0.01) face([a, ...ab, b, ...bc, c, ...cd, d, ...da]);
    else if (Math.abs(N[a][2] - N[c][2]) <= Math.abs(N[b][2] - N[d][2])) {
      face([a, ...ab, b, ...bc, c]);
      face([c, ...cd, d, ...da, a]);
    } else {
      face([b, ...bc, c, ...cd, d]);
      face([d, ...da, a, ...ab, b]);
    }
  };
  // A cell of size h (in fine points) is refined (halved) while its fine heights stray more than
  // 4% of the z range from the bilinear blend of its corners: steep but straight slopes stay
  // coarse, sharp bends (the edges of a cliff) get fine faces.
  const bilinearError = (I: number, J: number, h: number): number => {
    const za = N[I + J * nx][2];
    const zb = N[I + h + J * nx][2];
    const zc = N[I + h + (J + h) * nx][2];
    const zd = N[I + (J + h) * nx][2];
    let worst = 0;
    for (let j = J; j <= J + h; j++) for (let i = I; i <= I + h; i++) {
      const u = (i - I) / h;
      const v = (j - J) / h;
      const blend = (1 - v) * ((1 - u) * za + u * zb) + v * ((1 - u) * zd + u * zc);
      worst = Math.max(worst, Math.abs(N[i + j * nx][2] - blend));
    }
    return worst / zSpan;
  };
  const visit = (I: number, J: number, h: number): void => {
    if (h > 1 && bilinearError(I, J, h) > 0.04) {
      const g = Math.floor(h / 2);
      for (const [di, dj, w, e] of [[0, 0, g, g], [g, 0, h - g, g], [0, g, g, h - g], [g, g, h - g, h - g]]) if (w > 0 && e > 0) visitRect(I + di, J + dj, w, e);
      return;
    }
    leaves.push([I, J, h, h]);
  };
  // Sub-cells of an odd step may be rectangles; they are drawn as they are (no further split).
  const visitRect = (I: number, J: number, w: number, e: number): void => {
    if (w === e) visit(I, J, w);
    else for (let j = J; j < J + e; j++) for (let i = I; i < I + w; i++) leaves.push([i, j, 1, 1]);
  };
  const s = Math.max(1, Math.floor(step));
  for (let J = 0; J + s < ny; J += s) for (let I = 0; I + s < nx; I += s) visit(I, J, s);
  for (const [I, J, w, e] of leaves) for (const q of [I + J * nx, I + w + J * nx, I + w + (J + e) * nx, I + (J + e) * nx]) corner[q] = 1;
  for (const [I, J, w, e] of leaves) cell(I, J, w, e);
  return items;
}
