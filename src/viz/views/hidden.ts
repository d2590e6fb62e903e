/**
 * Hidden-layer space: each sample placed at its hidden activations. Two units → a plane (the unit
 * square for sigmoid), three → a cube in 3-D, more → the first two principal components (stated on
 * the picture). Where the next layer is a single sigmoid output, its boundary w·a + b = 0 is drawn.
 */
import type { DataSplit, LabeledData } from "../../data/types.ts";
import type { Model } from "../../nn/model.ts";
import { activation, type ActivationName } from "../../nn/activations.ts";
import { modelFor, runForward } from "../model-data.ts";
import { PALETTE, probabilityColor } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { axes } from "../chart/axes.ts";
import { bandPaths, contourPath, type GridToScreen } from "../chart/bands.ts";
import type { Box } from "../chart/box.ts";
import { extentOf } from "../chart/extent.ts";
import { camera, type Camera, type Vec3 } from "../3d/camera.ts";
import { cube } from "../3d/cube.ts";
import { paintersOrder, type DepthItem } from "../3d/depth.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { labelColor, page, pileLabels, sampleLegend, targetRange } from "./common.ts";
import { planeExtent } from "./grid.ts";
import type { ViewDrawings } from "../registry/index.ts";

export interface HiddenPoints {
  layer: number;
  units: number;
  activation: ActivationName;
  train: Float64Array;
  test: Float64Array | null;
}

/** The activations of hidden layer `layer` (1-based) for every train and test sample. */
export function hiddenActivations(model: Model, split: DataSplit, layer = 1): HiddenPoints {
  const hiddenCount = model.layers.length - 1;
  if (hiddenCount < 1) throw new RangeError(`"hidden" needs a hidden layer; this model has none`);
  if (!Number.isInteger(layer) || layer < 1 || layer > hiddenCount) throw new RangeError(`layer ${layer} is not a hidden layer: choose 1..${hiddenCount}`);
  const l = model.layers[layer - 1];
  const acts = (d: LabeledData): Float64Array => runForward(model, d.X.data, d.X.rows).A[layer - 1].slice(0, d.X.rows * l.units);
  return { layer, units: l.units, activation: l.activation, train: acts(split.train), test: split.test ? acts(split.test) : null };
}

/** The natural range of an activation on one axis: its registry range when bounded ([0, 1] for sigmoid, [−1, 1] for tanh), else the data's. */
function axisRange(h: HiddenPoints, j: number): [number, number] {
  const [lo, hi] = activation(h.activation).range;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return [lo, hi];
  const vals: number[] = [];
  const add = (a: Float64Array | null): void => {
    if (a) for (let i = j; i < a.length; i += h.units) vals.push(a[i]);
  };
  add(h.train);
  add(h.test);
  return extentOf(vals, 0.05);
}

/** w and b of the next layer when it is the model's single-unit sigmoid output: the boundary w·a + b = 0. */
function nextBoundary(model: Model, layer: number): { w: number[]; b: number } | null {
  if (layer !== model.layers.length - 1) return null;
  const out = model.layers[layer];
  if (out.units !== 1 || out.activation !== "sigmoid") return null;
  return { w: Array.from(out.W), b: out.b[0] };
}

/** The top two principal axes of n × k rows (power iteration with deflation). */
function pca2(X: Float64Array, n: number, k: number): { mean: number[]; axes: number[][]; explained: number[] } {
  const mean = new Array(k).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) mean[j] += X[i * k + j] / n;
  const C = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) C[a][b] += ((X[i * k + a] - mean[a]) * (X[i * k + b] - mean[b])) / n;
  const total = C.reduce((s, row, i) => s + row[i], 0) || 1;
  const found: number[][] = [];
  const explained: number[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Array.from({ length: k }, (_, i) => 1 / Math.sqrt(k) + (i === c ? 0.3 : 0));
    let lambda = 0;
    for (let it = 0; it < 300; it++) {
      const w = C.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      for (const u of found) {
        const d = u.reduce((s, x, j) => s + x * w[j], 0);
        for (let j = 0; j < k; j++) w[j] -= d * u[j];
      }
      const m = Math.hypot(...w);
      if (m < 1e-12) break;
      lambda = m;
      v = w.map((x) => x / m);
    }
    found.push(v);
    explained.push(lambda / total);
  }
  return { mean, axes: found, explained };
}

export function hiddenView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const h = hiddenActivations(model, input.split, o.layer ?? 1);
  const showTest = o.showTest ?? true;
  const split = input.split;
  const classes = model.classes;
  const title = o.title ?? `The data in hidden layer ${h.layer}'s space (${h.units} ${h.activation} neurons)`;
  const items = sampleLegend(split, classes, split.targetName, showTest);
  const boundary = nextBoundary(model, h.layer);
  const colorOf = (d: LabeledData, i: number): string => labelColor(d.y[i], classes, targetRange(split));
  const sets: { d: LabeledData; a: Float64Array; test: boolean }[] = [{ d: split.train, a: h.train, test: false }];
  if (split.test && h.test && showTest) sets.push({ d: split.test, a: h.test, test: true });
  // Slightly translucent: where points pile up (saturated units), the pile reads as dense.
  const dot = (x: number, y: number, c: string, test: boolean, r = 4.5): Mark =>
    test ? { type: "circle", cx: x, cy: y, r: r + 0.5, fill: "none", stroke: c, strokeWidth: 2, strokeOpacity: 0.8, role: "sample test" } : { type: "circle", cx: x, cy: y, r, fill: c, fillOpacity: 0.6, stroke: "#ffffff", strokeWidth: 0.5, role: "sample train" };

  if (h.units === 3) {
    if (boundary) items.push({ label: "output layer's boundary (plane)", color: "#888888", shape: "square" });
    const p = page(o, title, `each point at (h1, h2, h3) = its three neurons' activations`, items, 640);
    const bounds: [[number, number], [number, number], [number, number]] = [axisRange(h, 0), axisRange(h, 1), axisRange(h, 2)];
    const cam = camera(o.angle, inset(p.box, 70, 40), bounds, 1);
    const c = cube(cam, { x: "h1", y: "h2", z: "h3" });
    const pts: DepthItem[] = [];
    // Piles are counted in the cube (within 1% of each axis), not on screen: the counts stay as the cube turns.
    const span = bounds.map((r) => (r[1] - r[0]) / 100 || 1);
    const where = new Map<Mark, number[]>();
    for (const s of sets) for (let i = 0; i < s.d.X.rows; i++) {
      const v: Vec3 = [s.a[i * 3], s.a[i * 3 + 1], s.a[i * 3 + 2]];
      const P = cam.project(v);
      const m = dot(P.x, P.y, colorOf(s.d, i), s.test, 4);
      where.set(m, v.map((x, k) => x / span[k]));
      pts.push({ depth: P.depth, marks: [m] });
    }
    const marks: Mark[] = [...p.marks, ...c.back];
    const plane = boundary ? planeInCube(cam, boundary.w, boundary.b) : null;
    if (plane) {
      const behind = pts.filter((q) => q.depth > plane.depthAt(q.marks[0]));
      const front = pts.filter((q) => q.depth <= plane.depthAt(q.marks[0]));
      marks.push(...paintersOrder(behind), plane.mark, ...paintersOrder(front));
    } else marks.push(...paintersOrder(pts));
    // In the data's order (not the drawing order, which turns with the cube): the same piles every frame.
    const dots = [...where.keys()];
    marks.push(...c.front, ...pileLabels(dots, [cam.project([0.5, 0.5, 0.5]).x, cam.project([0.5, 0.5, 0.5]).y], dots.map((m) => where.get(m)!)));
    return { width: p.width, height: p.height, title, marks };
  }

  let project: (a: Float64Array, i: number) => [number, number];
  let xr: [number, number];
  let yr: [number, number];
  let labels: [string, string];
  let subtitle: string;
  if (h.units === 2) {
    project = (a, i) => [a[2 * i], a[2 * i + 1]];
    xr = axisRange(h, 0);
    yr = axisRange(h, 1);
    labels = [`h1 = neuron 1's activation`, `h2 = neuron 2's activation`];
    subtitle = h.activation === "sigmoid" ? "each point at its two neurons' activations, inside the unit square" : "each point at its two neurons' activations";
  } else {
    const k = h.units;
    const pc = pca2(h.train, split.train.X.rows, k);
    project = (a, i) => {
      const r = [0, 0];
      for (let c = 0; c < 2; c++) for (let j = 0; j < k; j++) r[c] += (a[i * k + j] - pc.mean[j]) * pc.axes[c][j];
      return [r[0], r[1]];
    };
    const all = sets.flatMap((s) => Array.from({ length: s.d.X.rows }, (_, i) => project(s.a, i)));
    xr = extentOf(all.map((q) => q[0]), 0.05);
    yr = extentOf(all.map((q) => q[1]), 0.05);
    labels = [`principal component 1 (${Math.round(pc.explained[0] * 100)}% of variance)`, `principal component 2 (${Math.round(pc.explained[1] * 100)}% of variance)`];
    subtitle = `${k} neurons, shown by a 2-D projection (PCA of the activations)`;
  }
  if (h.units === 2 && boundary) items.push({ label: "output = 0.5 (w·h + b = 0)", color: PALETTE.ink, shape: "line" });
  const p = page(o, title, subtitle, items, 640);
  // A square plot when both axes are the unit interval: the square stays a square.
  const box = h.units === 2 ? squareBox(p.box) : p.box;
  const ax = axes(box, { x: xr, y: yr, xLabel: labels[0], yLabel: labels[1], nice: h.units > 2 });
  const under: Mark[] = [];
  if (h.units === 2 && boundary) {
    // The output over the hidden plane: σ(w·h + b), bands and the 0.5 line.
    const n = 60;
    const gx = linspace(ax.x[0], ax.x[1], n);
    const gy = linspace(ax.y[0], ax.y[1], n);
    const v = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v[i + j * n] = 1 / (1 + Math.exp(-(boundary.w[0] * gx[i] + boundary.w[1] * gy[j] + boundary.b)));
    const toScreen: GridToScreen = (a, b) => [ax.sx(gx[0] + ((a - 0.5) / (n - 1)) * (gx[n - 1] - gx[0])), ax.sy(gy[0] + ((b - 0.5) / (n - 1)) * (gy[n - 1] - gy[0]))];
    under.push({ type: "rect", ...ax.inner, fill: probabilityColor(0, undefined, undefined, 0.3) });
    under.push(...bandPaths(v, n, n, linspace(0.1, 0.9, 9), (t) => probabilityColor(t + 0.05, undefined, undefined, 0.3), toScreen));
    const d = contourPath(v, n, n, 0.5, toScreen);
    if (d) under.push({ type: "path", d, fill: "none", stroke: PALETTE.ink, strokeWidth: 2, role: "contour separator" });
  }
  const dots: Mark[] = [];
  for (const s of sets) for (let i = 0; i < s.d.X.rows; i++) {
    const [x, y] = project(s.a, i);
    dots.push(dot(ax.sx(x), ax.sy(y), colorOf(s.d, i), s.test));
  }
  const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
  const piles = pileLabels(dots, [ax.inner.x + ax.inner.width / 2, ax.inner.y + ax.inner.height / 2]);
  return { width: p.width, height: p.height, title, marks: [...p.marks, ...ax.back, { type: "group", clip, marks: under }, ...dots, ...ax.front, ...piles] };
}

function inset(b: Box, dx: number, dy: number): Box {
  return { x: b.x + dx, y: b.y + dy, width: b.width - 2 * dx, height: b.height - 2 * dy };
}

/** The largest square-ish chart box (room for axis labels) centred in b. */
function squareBox(b: Box): Box {
  const extra = 80; // tick and axis label room inside the box
  const side = Math.min(b.width - extra, b.height - 60);
  const w = side + extra;
  return { x: b.x + (b.width - w) / 2, y: b.y, width: w, height: side + 60 };
}

/** The plane w·a + b = 0 cut to the cube: a translucent polygon, and the plane's depth at any screen point. */
function planeInCube(cam: Camera, w: number[], b: number): { mark: Mark; depthAt: (m: Mark) => number } | null {
  const [[x0, x1], [y0, y1], [z0, z1]] = cam.bounds;
  const f = (p: Vec3): number => w[0] * p[0] + w[1] * p[1] + w[2] * p[2] + b;
  const corners: Vec3[] = [];
  for (const x of [x0, x1]) for (const y of [y0, y1]) for (const z of [z0, z1]) corners.push([x, y, z]);
  const hits: Vec3[] = [];
  for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) {
    const p = corners[i];
    const q = corners[j];
    const diff = [0, 1, 2].filter((k) => p[k] !== q[k]).length;
    if (diff !== 1) continue;
    const fp = f(p);
    const fq = f(q);
    if ((fp < 0) === (fq < 0) || fp === fq) continue;
    const t = fp / (fp - fq);
    hits.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), p[2] + t * (q[2] - p[2])]);
  }
  if (hits.length < 3) return null;
  const P = hits.map((q) => cam.project(q));
  const cx = P.reduce((s, q) => s + q.x, 0) / P.length;
  const cy = P.reduce((s, q) => s + q.y, 0) / P.length;
  P.sort((p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx));
  // depth = α·x + β·y + γ through three of the polygon's points (the projection is affine).
  const [A, B, C] = [P[0], P[1], P[2]];
  const det = (B.x - A.x) * (C.y - A.y) - (C.x - A.x) * (B.y - A.y);
  const alpha = det ? ((B.depth - A.depth) * (C.y - A.y) - (C.depth - A.depth) * (B.y - A.y)) / det : 0;
  const beta = det ? ((C.depth - A.depth) * (B.x - A.x) - (B.depth - A.depth) * (C.x - A.x)) / det : 0;
  const depthAt = (m: Mark): number => (m.type === "circle" ? A.depth + alpha * (m.cx - A.x) + beta * (m.cy - A.y) : 0);
  return { mark: { type: "polyline", points: P.map((q) => [q.x, q.y]), closed: true, fill: "#888888", fillOpacity: 0.28, stroke: "#555555", strokeWidth: 1.2, role: "separator plane" }, depthAt };
}

/**
 * One frame of the morph from input space (t = 0) to hidden space (t = 1): each sample slides
 * along a straight line with cubic easing, inside one common box. Needs 2-D input. Three hidden
 * units are drawn in the cube (the input plane sits at h3 = middle); more use the PCA plane.
 */
export function hiddenMorphScene(model: Model, split: DataSplit, t: number, o: ViewOptions = {}): Scene {
  if (model.inputSize !== 2) throw new RangeError(`the hidden-layer morph needs 2 input features; this model has ${model.inputSize}`);
  const h = hiddenActivations(model, split, o.layer ?? 1);
  const u = Math.max(0, Math.min(1, t));
  const e = u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2; // ease in-out cubic
  const ext = planeExtent(split, o.extent);
  const norm = (v: number, [lo, hi]: [number, number]): number => (v - lo) / (hi - lo || 1);
  const k = h.units;
  const ranges = Array.from({ length: Math.min(k, 3) }, (_, j) => axisRange(h, j));
  // More than three units: slide towards the PCA plane of the activations, scaled into the box.
  let pcaAt: ((a: Float64Array, i: number) => number[]) | null = null;
  if (k > 3) {
    const pc = pca2(h.train, split.train.X.rows, k);
    const raw = (a: Float64Array, i: number): number[] => [0, 1].map((c) => pc.axes[c].reduce((s, w, j) => s + (a[i * k + j] - pc.mean[j]) * w, 0));
    const all = Array.from({ length: split.train.X.rows }, (_, i) => raw(h.train, i));
    const rx = extentOf(all.map((q) => q[0]), 0.05);
    const ry = extentOf(all.map((q) => q[1]), 0.05);
    pcaAt = (a, i) => {
      const q = raw(a, i);
      return [norm(q[0], rx), norm(q[1], ry)];
    };
  }
  const showTest = o.showTest ?? true;
  const classes = model.classes;
  const title = o.title ?? `From input space to hidden layer ${h.layer}'s space`;
  const caption = `t = ${u.toFixed(2)}: ${u === 0 ? "input space" : u === 1 ? "hidden space" : "sliding"} (0 = input (x1, x2), 1 = hidden activations)`;
  const p = page(o, title, caption, sampleLegend(split, classes, split.targetName, showTest), 640);
  const sets: { d: LabeledData; a: Float64Array; test: boolean }[] = [{ d: split.train, a: h.train, test: false }];
  if (split.test && h.test && showTest) sets.push({ d: split.test, a: h.test, test: true });
  const at = (s: { d: LabeledData; a: Float64Array }, i: number): number[] => {
    const inp = [norm(s.d.X.data[2 * i], [ext[0], ext[1]]), norm(s.d.X.data[2 * i + 1], [ext[2], ext[3]]), 0.5];
    const hid = pcaAt ? pcaAt(s.a, i) : ranges.map((r, j) => norm(s.a[i * k + j], r));
    if (k === 2) hid.push(0.5);
    return [0, 1, 2].map((j) => (1 - e) * inp[j] + e * hid[j]);
  };
  const dot = (x: number, y: number, c: string, test: boolean): Mark =>
    test ? { type: "circle", cx: x, cy: y, r: 5, fill: "#ffffff", stroke: c, strokeWidth: 2, role: "sample test" } : { type: "circle", cx: x, cy: y, r: 4.5, fill: c, stroke: "#ffffff", strokeWidth: 0.7, role: "sample train" };
  if (k === 3) {
    const cam = camera(o.angle, inset(p.box, 70, 40), [[0, 1], [0, 1], [0, 1]], 1);
    const c = cube(cam, { x: e < 0.5 ? "x1 → h1" : "h1", y: e < 0.5 ? "x2 → h2" : "h2", z: "h3" });
    const items: DepthItem[] = [];
    for (const s of sets) for (let i = 0; i < s.d.X.rows; i++) {
      const q = at(s, i);
      const P = cam.project([q[0], q[1], q[2]]);
      items.push({ depth: P.depth, marks: [dot(P.x, P.y, labelColor(s.d.y[i], classes, targetRange(split)), s.test)] });
    }
    return { width: p.width, height: p.height, title, marks: [...p.marks, ...c.back, ...paintersOrder(items), ...c.front] };
  }
  const box = squareBox(p.box);
  const [hx, hy] = pcaAt ? ["principal component 1", "principal component 2"] : ["h1 (neuron 1)", "h2 (neuron 2)"];
  const ax = axes(box, { x: [0, 1], y: [0, 1], xLabel: e < 0.5 ? `x1 (scaled to the box) → ${hx}` : hx, yLabel: e < 0.5 ? `x2 (scaled to the box) → ${hy}` : hy });
  const dots: Mark[] = [];
  for (const s of sets) for (let i = 0; i < s.d.X.rows; i++) {
    const q = at(s, i);
    dots.push(dot(ax.sx(q[0]), ax.sy(q[1]), labelColor(s.d.y[i], classes, targetRange(split)), s.test));
  }
  return { width: p.width, height: p.height, title, marks: [...p.marks, ...ax.back, ...dots, ...ax.front] };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const HIDDEN_DRAWINGS = { hidden: hiddenView } satisfies ViewDrawings;
