/**
 * The cost landscape: the training loss as one parameter (cost-slice) or two parameters
 * (cost-surface: heatmap with contour lines, or a shaded 3-D mesh) vary, every other parameter
 * fixed at its current value; the current point and the descent path marked.
 */
import type { Model } from "../../nn/model.ts";
import { sayer, type PictureLanguage } from "../words/index.ts";
import { createNetwork, type Network } from "../../nn/network.ts";
import { createWorkspace, forward, lossTotal, reportedLoss } from "../../nn/propagation.ts";
import { lossData, modelFor, snapshotParams, type LossData } from "../model-data.ts";
import { PALETTE, viridis } from "../palette.ts";
import { paramNames, parseParam, type ParamRef } from "../params.ts";
import { linspace } from "../../data/linspace.ts";
import { axes } from "../chart/axes.ts";
import { bandPaths, contourPath, type GridToScreen } from "../chart/bands.ts";
import { colorBar } from "../chart/color-bar.ts";
import { extentOf, nonNegative } from "../chart/extent.ts";
import { fmt } from "../format.ts";
import { camera, DEFAULT_ANGLE } from "../3d/camera.ts";
import { cube } from "../3d/cube.ts";
import { occluded, paintersOrder, type DepthItem } from "../3d/depth.ts";
import { COLOR_BANDS, surfaceMesh } from "../3d/mesh.ts";
import type { Mark, Scene } from "../scene.ts";
import type { Angle, ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";

/** A function of the parameter vector: the reported training loss (no L2 term). */
function lossFunction(model: Network, data: LossData): { net: Network; at: () => number } {
  const net = createNetwork(model.inputSize, model.layers, model.loss, model.params.slice());
  const ws = createWorkspace(net, data.n);
  return {
    net,
    at: () => {
      forward(net, data.X, ws);
      return reportedLoss(net, lossTotal(net, data.Y, ws), data.n, 0);
    },
  };
}

/** Points per axis a default grid can afford: about 1e9 multiply-adds in all (a second or two), at least 15. */
function affordable(model: Network, data: LossData, dims: 1 | 2): number {
  const perLoss = Math.max(1, data.n * model.params.length);
  const points = 1e9 / perLoss;
  return Math.max(15, Math.floor(dims === 1 ? points : Math.sqrt(points)));
}

/** A slice or grid needs both ends of its range: at least 2 points per side. */
function checkResolution(resolution: number): void {
  if (!(resolution >= 2)) throw new RangeError(`the cost's resolution must be at least 2 points per side, got ${resolution}`);
}

/** The loss at the model's parameters, or at `params` when given. */
export function lossAt(model: Network, data: LossData, params?: Float64Array): number {
  const f = lossFunction(model, data);
  if (params) f.net.params.set(params);
  return f.at();
}

function lossLabel(model: Network): string {
  return model.loss === "sse" ? `loss (sse, summed over samples)` : `loss (${model.loss}, mean over samples)`;
}

export interface CostSlice {
  param: ParamRef;
  xs: number[];
  losses: number[];
  current: number;
  currentLoss: number;
}

export function costSlice(model: Network, data: LossData, param: string | ParamRef, range: [number, number], resolution = 401): CostSlice {
  const ref = typeof param === "string" ? parseParam(model, param) : param;
  checkResolution(resolution);
  const f = lossFunction(model, data);
  const current = model.params[ref.index];
  const xs = linspace(range[0], range[1], resolution);
  const losses = xs.map((x) => {
    f.net.params[ref.index] = x;
    return f.at();
  });
  f.net.params[ref.index] = current;
  return { param: ref, xs, losses, current, currentLoss: f.at() };
}

export function costSliceView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const ref = parseParam(model, o.param ?? paramNames(model)[0]);
  const cur = model.params[ref.index];
  const range = o.range ?? [cur - 10, cur + 10];
  const data = lossData({ ...input, model });
  const s = costSlice(model, data, ref, range, Math.max(20, o.resolution ?? Math.min(401, affordable(model, data, 1))));
  let best = 0;
  s.losses.forEach((v, i) => {
    if (v < s.losses[best]) best = i;
  });
  const p = page(o, o.title ?? `The cost as ${ref.name} varies`, "every other parameter fixed at its current value", [
    { label: "loss", color: PALETTE.ink, shape: "line" },
    { label: `current ${ref.name} = ${fmt(s.current, 4)}`, color: PALETTE.highlight, shape: "dot" },
    { label: `lowest on this slice: ${ref.name} = ${fmt(s.xs[best], 4)}`, color: PALETTE.classes[0], shape: "cross" },
  ], 500);
  const ax = axes(p.box, { x: range, y: nonNegative(extentOf(s.losses.filter(Number.isFinite), 0.05)), nice: true, xLabel: ref.name, yLabel: lossLabel(model) });
  const curve: Mark = { type: "polyline", points: s.xs.map((x, i) => [ax.sx(x), ax.sy(s.losses[i])]), stroke: PALETTE.ink, strokeWidth: 2.2, role: "curve loss" };
  const marks: Mark[] = [curve];
  const bx = ax.sx(s.xs[best]);
  const by = ax.sy(s.losses[best]);
  marks.push({ type: "line", x1: bx - 6, y1: by - 6, x2: bx + 6, y2: by + 6, stroke: PALETTE.classes[0], strokeWidth: 2.5, role: "minimum" }, { type: "line", x1: bx - 6, y1: by + 6, x2: bx + 6, y2: by - 6, stroke: PALETTE.classes[0], strokeWidth: 2.5, role: "minimum" });
  if (s.current >= range[0] && s.current <= range[1]) {
    const cx = ax.sx(s.current);
    marks.push({ type: "line", x1: cx, y1: ax.inner.y, x2: cx, y2: ax.inner.y + ax.inner.height, stroke: PALETTE.highlight, dash: "5 4", strokeWidth: 1.2 });
    marks.push({ type: "circle", cx, cy: ax.sy(s.currentLoss), r: 6, fill: PALETTE.highlight, stroke: "#ffffff", strokeWidth: 1.2, role: "current", tooltip: `${ref.name} = ${s.current}, loss ${s.currentLoss}` });
  }
  const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
  return { width: p.width, height: p.height, title: o.title ?? `The cost as ${ref.name} varies`, marks: [...p.marks, ...ax.back, { type: "group", clip, marks }, ...ax.front] };
}

export interface CostGrid {
  a: ParamRef;
  b: ParamRef;
  /** Swept values of a (columns) and b (rows). */
  as: number[];
  bs: number[];
  /** loss[i + j·as.length] at (as[i], bs[j]). */
  values: Float64Array;
  /** The model's own values and loss. */
  current: [number, number];
  currentLoss: number;
  lossLabel: string;
  /** A copy of the model's parameters (the fixed ones), to place a path on the surface. */
  params: Float64Array;
  model: Network;
  data: LossData;
}

/** The loss over a resolution × resolution grid of two parameters (everything else fixed). */
export function costGrid(model: Network, data: LossData, paramA: string | ParamRef, paramB: string | ParamRef, ranges: [[number, number], [number, number]], resolution = 41): CostGrid {
  const a = typeof paramA === "string" ? parseParam(model, paramA) : paramA;
  const b = typeof paramB === "string" ? parseParam(model, paramB) : paramB;
  if (a.index === b.index) throw new RangeError(`cost-surface needs two different parameters; got ${a.name} twice`);
  checkResolution(resolution);
  const f = lossFunction(model, data);
  const as = linspace(ranges[0][0], ranges[0][1], resolution);
  const bs = linspace(ranges[1][0], ranges[1][1], resolution);
  const values = new Float64Array(as.length * bs.length);
  for (let j = 0; j < bs.length; j++) {
    f.net.params[b.index] = bs[j];
    for (let i = 0; i < as.length; i++) {
      f.net.params[a.index] = as[i];
      values[i + j * as.length] = f.at();
    }
  }
  f.net.params.set(model.params);
  return { a, b, as, bs, values, current: [model.params[a.index], model.params[b.index]], currentLoss: f.at(), lossLabel: lossLabel(model), params: model.params.slice(), model, data };
}

export interface CostSurfaceOptions {
  width?: number;
  height?: number;
  title?: string;
  mode?: "heatmap" | "3d";
  angle?: Angle;
  /** A descent path in (a, b); its losses are computed with the other parameters as in `pathParams`. */
  path?: [number, number][];
  /** For each path point, the full parameter vector (snapshots); else the grid's fixed parameters. */
  pathParams?: Float64Array[];
  /** The language of its words (viz/words). */
  lang?: PictureLanguage;
}

/** Colour scale for a loss grid: log when it spans more than two decades. */
function lossScale(values: ArrayLike<number>): { lo: number; hi: number; t: (v: number) => number; log: boolean } {
  const [lo, hi] = extentOf(Array.from(values));
  const log = lo > 0 && hi / lo > 100;
  const t = log ? (v: number) => (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v: number) => (v - lo) / (hi - lo || 1);
  return { lo, hi, t, log };
}

/** Heights where the colour moves by one of COLOUR_BANDS steps (log-spaced on a log scale): where a 3-D surface's faces are cut. */
function colorLevels(sc: ReturnType<typeof lossScale>): number[] {
  const n = COLOR_BANDS;
  return Array.from({ length: n - 1 }, (_, i) => (sc.log ? sc.lo * (sc.hi / sc.lo) ** ((i + 1) / n) : sc.lo + ((i + 1) * (sc.hi - sc.lo)) / n));
}

/** Draws a CostGrid (reusable across animation frames: only the path or the angle changes). */
export function costSurfaceScene(grid: CostGrid, o: CostSurfaceOptions = {}): Scene {
  const mode = o.mode ?? "heatmap";
  const { a, b, as, bs, values } = grid;
  const nx = as.length;
  const ny = bs.length;
  const sc = lossScale(values);
  const path = o.path ?? [];
  const pathLoss = path.map(([va, vb], k) => {
    const p = (o.pathParams?.[k] ?? grid.params).slice();
    p[a.index] = va;
    p[b.index] = vb;
    return lossAt(grid.model, grid.data, p);
  });
  const say_ = sayer(o.lang);
  const items = [
    { label: say_("current ({a}, {b}), loss {loss}", { a: fmt(grid.current[0], 3), b: fmt(grid.current[1], 3), loss: fmt(grid.currentLoss, 3) }), color: PALETTE.highlight, shape: "dot" as const },
    ...(path.length ? [{ label: say_("descent path"), color: "#ffffff", shape: "line" as const }] : []),
  ];
  if (path.length) items[1].color = mode === "3d" ? PALETTE.highlight : "#222222";
  const title = o.title ?? say_("The cost over {a} and {b}", { a: a.name, b: b.name });
  const lossWord = say_(sc.log ? "loss (log)" : "loss");
  const p = page({ width: o.width, height: o.height, title }, title, say_(sc.log ? "every other parameter fixed; colour: log loss" : "every other parameter fixed; colour: loss"), items, 600);
  const marks: Mark[] = [...p.marks];
  if (mode === "3d") {
    const box = { ...p.box, width: p.box.width - 90 };
    const camBox = { x: box.x + 50, y: box.y + 30, width: box.width - 100, height: box.height - 60 };
    const bounds: [[number, number], [number, number], [number, number]] = [[as[0], as[nx - 1]], [bs[0], bs[ny - 1]], [sc.lo, sc.hi]];
    // Without an angle asked for, the view turns (in quarter turns from the default) until the
    // current point is not behind a nearer part of the surface.
    const angle = o.angle ?? costAngle([grid]);
    const cam = camera(angle, camBox, bounds);
    const c = cube(cam, { x: a.name, y: b.name, z: say_("loss") });
    const depthItems: DepthItem[] = surfaceMesh(cam, as, bs, values, (z) => viridis(sc.t(z)), 1, colorLevels(sc));
    const lifted = (va: number, vb: number, z: number) => cam.project([va, vb, z]);
    // Each step of the path follows the surface (on the surface's own slice: a few losses in
    // between), so it runs over ridges instead of cutting through them.
    const cellA = Math.abs(as[nx - 1] - as[0]) / (nx - 1) || 1;
    const cellB = Math.abs(bs[ny - 1] - bs[0]) / (ny - 1) || 1;
    let budget = 400;
    for (let k = 1; k < path.length; k++) {
      const [a0, b0] = path[k - 1];
      const [a1, b1] = path[k];
      const pieces = o.pathParams ? 1 : Math.max(1, Math.min(12, budget, Math.ceil(Math.max(Math.abs(a1 - a0) / cellA, Math.abs(b1 - b0) / cellB))));
      budget -= pieces - 1;
      let prev = lifted(a0, b0, pathLoss[k - 1]);
      for (let t = 1; t <= pieces; t++) {
        const va = a0 + ((a1 - a0) * t) / pieces;
        const vb = b0 + ((b1 - b0) * t) / pieces;
        let loss = pathLoss[k];
        if (t < pieces) {
          const q = grid.params.slice();
          q[a.index] = va;
          q[b.index] = vb;
          loss = lossAt(grid.model, grid.data, q);
        }
        const next = lifted(va, vb, loss);
        depthItems.push({ depth: Math.min(prev.ground, next.ground) - 1.5 / (Math.max(nx, ny) - 1), marks: [{ type: "line", x1: prev.x, y1: prev.y, x2: next.x, y2: next.y, stroke: PALETTE.highlight, strokeWidth: 2.5, role: "path" }] });
        prev = next;
      }
    }
    const cur = lifted(grid.current[0], grid.current[1], grid.currentLoss);
    // The current point on the surface; where a nearer part of the surface hides it, it is
    // still drawn (on top) but as a dashed ring, and a note says why.
    const hidden = occluded(depthItems, cur.x, cur.y, cur.ground - 1.5 / (Math.max(nx, ny) - 1));
    const curMark: Mark = hidden
      ? { type: "circle", cx: cur.x, cy: cur.y, r: 6, fill: "none", stroke: PALETTE.highlight, strokeWidth: 2, dash: "3 2", role: "current hidden" }
      : { type: "circle", cx: cur.x, cy: cur.y, r: 6, fill: PALETTE.highlight, stroke: "#ffffff", strokeWidth: 1.5, role: "current" };
    if (path.length) depthItems.push({ depth: lifted(path[0][0], path[0][1], pathLoss[0]).ground - 1.5 / (Math.max(nx, ny) - 1), marks: [{ type: "circle", cx: lifted(path[0][0], path[0][1], pathLoss[0]).x, cy: lifted(path[0][0], path[0][1], pathLoss[0]).y, r: 4, fill: "#ffffff", stroke: PALETTE.highlight, strokeWidth: 1.5, role: "path-start" }] });
    marks.push(...c.back, ...paintersOrder(depthItems), ...c.front, curMark);
    if (hidden) marks.push({ type: "text", x: p.box.x + 4, y: p.height - 10, text: say_("dashed ring: the current point, behind the surface from this angle"), size: 11, fill: PALETTE.muted, role: "note" });
    const bar = colorBar({ x: p.box.x + p.box.width - 70, y: box.y + 40, width: 16, height: Math.min(260, box.height - 60) }, sc.log ? [0, 1] : [sc.lo, sc.hi], viridis, lossWord);
    if (sc.log) relabelLogBar(bar, sc.lo, sc.hi);
    marks.push(...bar);
    return { width: p.width, height: p.height, title, marks };
  }
  const ax = axes({ ...p.box, width: p.box.width - 90 }, { x: [as[0], as[nx - 1]], y: [bs[0], bs[ny - 1]], xLabel: a.name, yLabel: b.name, grid: false });
  // Grid values sit at the sample points; d3-contour pixels are centred at i + 0.5.
  const toScreen: GridToScreen = (gx, gy) => [ax.sx(as[0] + ((gx - 0.5) / (nx - 1)) * (as[nx - 1] - as[0])), ax.sy(bs[0] + ((gy - 0.5) / (ny - 1)) * (bs[ny - 1] - bs[0]))];
  const tv = Array.from(values, sc.t);
  const levels = linspace(0, 1, 21).slice(1, -1);
  const under: Mark[] = [{ type: "rect", x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height, fill: viridis(0) }];
  under.push(...bandPaths(tv, nx, ny, levels, (t) => viridis(t + 0.025), toScreen));
  for (const t of linspace(0, 1, 11).slice(1, -1)) {
    const d = contourPath(tv, nx, ny, t, toScreen);
    if (d) under.push({ type: "path", d, fill: "none", stroke: "#ffffff", strokeOpacity: 0.7, strokeWidth: 0.9, role: "contour" });
  }
  if (path.length > 1) {
    under.push({ type: "polyline", points: path.map(([va, vb]) => [ax.sx(va), ax.sy(vb)]), stroke: "#ffffff", strokeWidth: 4.5, role: "path-halo" });
    under.push({ type: "polyline", points: path.map(([va, vb]) => [ax.sx(va), ax.sy(vb)]), stroke: "#222222", strokeWidth: 2, role: "path" });
    under.push({ type: "circle", cx: ax.sx(path[0][0]), cy: ax.sy(path[0][1]), r: 4, fill: "#ffffff", stroke: "#222222", strokeWidth: 1.5, role: "path-start" });
  }
  under.push({ type: "circle", cx: ax.sx(grid.current[0]), cy: ax.sy(grid.current[1]), r: 6.5, fill: PALETTE.highlight, stroke: "#ffffff", strokeWidth: 1.5, role: "current" });
  const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
  const barBox = { x: ax.inner.x + ax.inner.width + 24, y: ax.inner.y + 24, width: 16, height: Math.min(260, ax.inner.height - 30) };
  const bar = colorBar(barBox, sc.log ? [0, 1] : [sc.lo, sc.hi], viridis, lossWord);
  if (sc.log) relabelLogBar(bar, sc.lo, sc.hi);
  marks.push({ type: "group", clip, marks: under, role: "heatmap" }, ...ax.front, ...bar);
  return { width: p.width, height: p.height, title, marks };
}

// A log colour bar drawn on [0, 1]: replace its tick texts with the loss values they stand for.
function relabelLogBar(bar: Mark[], lo: number, hi: number): void {
  const g = bar[0];
  if (g.type !== "group") return;
  for (const m of g.marks) {
    if (m.type === "text" && m.role === "tick") {
      const t = Number(m.text.replace("−", "-"));
      m.text = fmt(Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))), 2);
    }
  }
}

/** The two parameters a cost-surface shows by default: two weights of the first layer when it has two. */
function defaultPair(model: Model): [string, string] {
  const names = paramNames(model);
  const first = model.layers[0];
  if (first.W.length >= 2) return [names[0], names[1]];
  return [names[0], names[first.W.length]];
}

export function costSurfaceView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const [na, nb] = o.params ?? defaultPair(model);
  const a = parseParam(model, na);
  const b = parseParam(model, nb);
  const snaps = input.run?.snapshots ?? [];
  // The path is drawn on the surface shown (other parameters fixed), as the article's figure does.
  const ca = model.params[a.index];
  const cb = model.params[b.index];
  const path: [number, number][] = o.path ?? snaps.map((s) => snapshotParams(model, s)).map((p) => [p[a.index], p[b.index]]);
  // A run that stopped between recorded epochs: the path still ends at the model's own point.
  const last = path[path.length - 1];
  if (!o.path && last && (last[0] !== ca || last[1] !== cb)) path.push([ca, cb]);
  const around = (c: number, vals: number[]): [number, number] => {
    const [lo, hi] = extentOf([c - 10, c + 10, ...vals]);
    return [lo, hi];
  };
  const ranges = o.ranges ?? [around(ca, path.map((q) => q[0])), around(cb, path.map((q) => q[1]))];
  const data = lossData({ ...input, model });
  const res = Math.max(5, o.resolution ?? Math.min(o.mode === "3d" ? 31 : 61, affordable(model, data, 2)));
  const grid = costGrid(model, data, a, b, ranges, res);
  return costSurfaceScene(grid, { width: o.width, height: o.height, title: o.title, mode: o.mode, angle: o.angle, path });
}

/** Whether the grid's current point is in sight (not behind a nearer part of its surface) from this angle. */
export function currentInSight(grid: CostGrid, angle: Angle): boolean {
  const nx = grid.as.length;
  const ny = grid.bs.length;
  const [lo, hi] = extentOf(Array.from(grid.values));
  // Occlusion does not change with the picture's size or place: any box will do.
  const cam = camera(angle, { x: 0, y: 0, width: 400, height: 400 }, [[grid.as[0], grid.as[nx - 1]], [grid.bs[0], grid.bs[ny - 1]], [lo, hi]]);
  const cur = cam.project([grid.current[0], grid.current[1], grid.currentLoss]);
  return !occluded(surfaceMesh(cam, grid.as, grid.bs, grid.values, () => "#000000"), cur.x, cur.y, cur.ground - 1.5 / (Math.max(nx, ny) - 1));
}

/**
 * The 3-D cost view's angle: the default, or the quarter turn of it from which the current point
 * is in sight in the most of these grids (an animation's frames share one angle).
 */
export function costAngle(grids: CostGrid[]): Angle {
  let best = DEFAULT_ANGLE;
  let bestCount = -1;
  for (const turn of [0, 90, -90, 180]) {
    const angle = { azimuth: DEFAULT_ANGLE.azimuth + turn, elevation: DEFAULT_ANGLE.elevation };
    const count = grids.filter((g) => currentInSight(g, angle)).length;
    if (count > bestCount) [best, bestCount] = [angle, count];
    if (count === grids.length) break;
  }
  return best;
}

/** The views this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const COST_DRAWINGS = { "cost-slice": costSliceView, "cost-surface": costSurfaceView } satisfies ViewDrawings;
