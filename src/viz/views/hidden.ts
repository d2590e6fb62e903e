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
import { axes, type Axes } from "../chart/axes.ts";
import { bandPaths, contourPath, type GridToScreen } from "../chart/bands.ts";
import type { Box } from "../chart/box.ts";
import { extentOf } from "../chart/extent.ts";
import { camera, type Camera, type Vec3 } from "../3d/camera.ts";
import { cube } from "../3d/cube.ts";
import { paintersOrder, type DepthItem } from "../3d/depth.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { labelColor, page, pileLabels, sampleLegend, targetRange, valueKey } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";
import type { LegendItem } from "../chart/legend.ts";
import { say, type PictureLanguage } from "../words/index.ts";

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
export function axisRange(h: HiddenPoints, j: number): [number, number] {
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
export function nextBoundary(model: Model, layer: number): { w: number[]; b: number } | null {
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
  const title = o.title ?? say(o.lang, "The data in hidden layer {layer}'s space ({units} {activation} neurons)", { layer: h.layer, units: h.units, activation: h.activation });
  const items = [...valueKey(split, classes, split.targetName), ...sampleLegend(split, classes, split.targetName, showTest, o.lang)];
  const boundary = nextBoundary(model, h.layer);
  const range = targetRange(split);
  const colorOf = (d: LabeledData, i: number): string => labelColor(d.y[i], classes, range);
  const sets = sampleSets(split, h, showTest);

  if (h.units === 3) {
    if (boundary) items.push({ label: say(o.lang, "output layer's boundary (plane)"), color: "#888888", shape: "square" });
    const p = page(o, title, say(o.lang, "each point at (h1, h2, h3) = its three neurons' activations"), items, 640);
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
      const m = hiddenDot(P.x, P.y, colorOf(s.d, i), s.test, 4);
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

  const plane = hiddenPlane(h, sets, o.lang);
  if (h.units === 2 && boundary) items.push(outputLineItem(o.lang));
  const p = page(o, title, plane.subtitle, items, 640);
  const box = plane.square ? squareBox(p.box) : p.box;
  const ax = axes(box, { x: plane.x, y: plane.y, xLabel: plane.labels[0], yLabel: plane.labels[1], nice: !plane.square });
  const under = h.units === 2 && boundary ? outputBands(ax, boundary) : [];
  const dots: Mark[] = [];
  for (const s of sets) for (let i = 0; i < s.d.X.rows; i++) {
    const [x, y] = plane.at(s.a, i);
    dots.push(hiddenDot(ax.sx(x), ax.sy(y), colorOf(s.d, i), s.test));
  }
  const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
  const piles = pileLabels(dots, [ax.inner.x + ax.inner.width / 2, ax.inner.y + ax.inner.height / 2]);
  return { width: p.width, height: p.height, title, marks: [...p.marks, ...ax.back, { type: "group", clip, marks: under }, ...dots, ...ax.front, ...piles] };
}

/** The samples drawn, each with its activations: the training set, and the test set when shown. */
export interface SampleSet {
  d: LabeledData;
  a: Float64Array;
  test: boolean;
}

export function sampleSets(split: DataSplit, h: HiddenPoints, showTest: boolean): SampleSet[] {
  const sets: SampleSet[] = [{ d: split.train, a: h.train, test: false }];
  if (split.test && h.test && showTest) sets.push({ d: split.test, a: h.test, test: true });
  return sets;
}

/** A sample in hidden space; slightly translucent: where points pile up (saturated units), the pile reads as dense. */
export function hiddenDot(x: number, y: number, c: string, test: boolean, r = 4.5): Mark {
  return test ? { type: "circle", cx: x, cy: y, r: r + 0.5, fill: "none", stroke: c, strokeWidth: 2, strokeOpacity: 0.8, role: "sample test" } : { type: "circle", cx: x, cy: y, r, fill: c, fillOpacity: 0.6, stroke: "#ffffff", strokeWidth: 0.5, role: "sample train" };
}

/** The legend's entry for the output layer's line in hidden space. */
export function outputLineItem(lang?: PictureLanguage): LegendItem {
  return { label: say(lang, "output = 0.5 (w·h + b = 0)"), color: PALETTE.ink, shape: "line" };
}

/** Hidden space drawn on a plane: two units' activations, or (more units) the first two principal components. */
export interface HiddenPlane {
  at: (a: Float64Array, i: number) => [number, number];
  x: [number, number];
  y: [number, number];
  /** Short names of the two coordinates ("h1", "pc1"), and the axis labels. */
  names: [string, string];
  labels: [string, string];
  subtitle: string;
  /** Two units: a square plot over the activations' exact ranges (the square stays a square); PCA: nice ranges. */
  square: boolean;
}

export function hiddenPlane(h: HiddenPoints, sets: readonly SampleSet[], lang?: PictureLanguage): HiddenPlane {
  if (h.units === 2) {
    const subtitle = say(lang, h.activation === "sigmoid" ? "each point at its two neurons' activations, inside the unit square" : "each point at its two neurons' activations");
    return { at: (a, i) => [a[2 * i], a[2 * i + 1]], x: axisRange(h, 0), y: axisRange(h, 1), names: ["h1", "h2"], labels: [say(lang, "h1 = neuron 1's activation"), say(lang, "h2 = neuron 2's activation")], subtitle, square: true };
  }
  const k = h.units;
  const pc = pca2(h.train, h.train.length / k, k);
  const at = (a: Float64Array, i: number): [number, number] => {
    const r = [0, 0];
    for (let c = 0; c < 2; c++) for (let j = 0; j < k; j++) r[c] += (a[i * k + j] - pc.mean[j]) * pc.axes[c][j];
    return [r[0], r[1]];
  };
  const all = sets.flatMap((s) => Array.from({ length: s.d.X.rows }, (_, i) => at(s.a, i)));
  return {
    at,
    x: extentOf(all.map((q) => q[0]), 0.05),
    y: extentOf(all.map((q) => q[1]), 0.05),
    names: ["pc1", "pc2"],
    labels: [say(lang, "principal component 1 ({share}% of variance)", { share: Math.round(pc.explained[0] * 100) }), say(lang, "principal component 2 ({share}% of variance)", { share: Math.round(pc.explained[1] * 100) })],
    subtitle: say(lang, "{units} neurons, shown by a 2-D projection (PCA of the activations)", { units: k }),
    square: false,
  };
}

/** The output over the hidden plane of `ax` (its axes are h1, h2): σ(w·h + b), bands and the 0.5 line. */
export function outputBands(ax: Axes, boundary: { w: number[]; b: number }): Mark[] {
  const n = 60;
  const gx = linspace(ax.x[0], ax.x[1], n);
  const gy = linspace(ax.y[0], ax.y[1], n);
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v[i + j * n] = 1 / (1 + Math.exp(-(boundary.w[0] * gx[i] + boundary.w[1] * gy[j] + boundary.b)));
  const toScreen: GridToScreen = (a, b) => [ax.sx(gx[0] + ((a - 0.5) / (n - 1)) * (gx[n - 1] - gx[0])), ax.sy(gy[0] + ((b - 0.5) / (n - 1)) * (gy[n - 1] - gy[0]))];
  const under: Mark[] = [{ type: "rect", ...ax.inner, fill: probabilityColor(0, undefined, undefined, 0.3) }];
  under.push(...bandPaths(v, n, n, linspace(0.1, 0.9, 9), (t) => probabilityColor(t + 0.05, undefined, undefined, 0.3), toScreen));
  const d = contourPath(v, n, n, 0.5, toScreen);
  if (d) under.push({ type: "path", d, fill: "none", stroke: PALETTE.ink, strokeWidth: 2, role: "contour separator" });
  return under;
}

export function inset(b: Box, dx: number, dy: number): Box {
  return { x: b.x + dx, y: b.y + dy, width: b.width - 2 * dx, height: b.height - 2 * dy };
}

/** The largest square-ish chart box (room for axis labels) centred in b. */
export function squareBox(b: Box): Box {
  const extra = 80; // tick and axis label room inside the box
  const side = Math.min(b.width - extra, b.height - 60);
  const w = side + extra;
  return { x: b.x + (b.width - w) / 2, y: b.y, width: w, height: side + 60 };
}

/** The plane w·a + b = 0 cut to the cube: a translucent polygon, and the plane's depth at any screen point. */
export function planeInCube(cam: Camera, w: number[], b: number): { mark: Mark; depthAt: (m: Mark) => number } | null {
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

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const HIDDEN_DRAWINGS = { hidden: hiddenView } satisfies ViewDrawings;
