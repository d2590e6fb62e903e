/**
 * The decision boundary: class probability over the input plane as colour bands, the 0.5
 * contour (softmax: one region per class in its colour), train and test points.
 * 1-D input: the output curve over x with the points. The plane is the data's raw columns, with
 * a feature map (`inputs`) computed at each of its points.
 */
import type { DataSplit } from "../../data/types.ts";
import type { Model } from "../../nn/model.ts";
import { modelFor, rawSplit } from "../model-data.ts";
import { planeRefusal, rawInputCount } from "../raw-plane.ts";
import { classColor, PALETTE, probabilityColor, tint, viridis } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { axes } from "../chart/axes.ts";
import { bandPaths, contourPath, type GridToScreen } from "../chart/bands.ts";
import { colorBar } from "../chart/color-bar.ts";
import { extentOf } from "../chart/extent.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { allColumn, labelValue, page, sampleLegend, sampleMarks, targetRange } from "./common.ts";
import { evaluateLine, evaluatePlane, planeExtent, unitValues } from "./grid.ts";
import type { ViewDrawings } from "../registry/index.ts";

export function boundaryView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const title = o.title ?? (o.epoch !== undefined ? `Decision boundary after epoch ${o.epoch}` : undefined);
  return boundaryScene(model, rawSplit(input), { ...o, title });
}

/** One boundary picture of `model` (e.g. modelAtEpoch(…) for an animation frame) over `split`, the data as loaded (rawSplit). */
export function boundaryScene(model: Model, split: DataSplit, o: ViewOptions = {}): Scene {
  const refused = planeRefusal(`"boundary"`, model, [1, 2]);
  if (refused) throw new RangeError(refused);
  if (rawInputCount(model) === 1) return boundaryLine(model, split, o);
  const out = model.layers[model.layers.length - 1];
  const classes = model.classes;
  const showTest = o.showTest ?? true;
  const softmax = out.units > 1 && classes !== null;
  const regression = classes === null;
  const res = Math.max(8, Math.min(400, o.resolution ?? 100));
  const extent = planeExtent(split, o.extent);
  const g = evaluatePlane(model, extent, res);
  const L = model.layers.length - 1;

  const subtitle = regression ? "colour: the network's output" : softmax ? "colour: the class the network predicts (darker = more confident); lines: where two classes tie" : `colour: P(${split.targetName} = ${classes![1]}); black line: P = 0.5`;
  const p = page(o, o.title ?? "Decision boundary", subtitle, sampleLegend(split, classes, split.targetName, showTest));
  const barRoom = softmax || o.panel ? 0 : 80;
  const ax = axes({ ...p.box, width: p.box.width - barRoom }, { x: [extent[0], extent[1]], y: [extent[2], extent[3]], xLabel: split.featureNames[0], yLabel: split.featureNames[1], grid: false, compact: o.panel });
  const toScreen: GridToScreen = (gx, gy) => [ax.sx(extent[0] + (gx / g.nx) * (extent[1] - extent[0])), ax.sy(extent[2] + (gy / g.ny) * (extent[3] - extent[2]))];
  const inner = ax.inner;
  const under: Mark[] = [];
  const lines: Mark[] = [];
  const side: Mark[] = [];
  const barBox = { x: inner.x + inner.width + 24, y: inner.y + 24, width: 16, height: Math.min(260, inner.height - 30) };

  if (softmax) {
    under.push({ type: "rect", x: inner.x, y: inner.y, width: inner.width, height: inner.height, fill: "#ffffff" });
    const A = g.ws.A[L];
    for (let k = 0; k < out.units; k++) {
      // Margin of class k over the best other class: ≥ 0 exactly where k is predicted.
      const margin = new Float64Array(g.nx * g.ny);
      for (let q = 0; q < margin.length; q++) {
        let best = -Infinity;
        for (let j = 0; j < out.units; j++) if (j !== k) best = Math.max(best, A[q * out.units + j]);
        margin[q] = A[q * out.units + k] - best;
      }
      const c = classColor(k);
      under.push(...bandPaths(margin, g.nx, g.ny, [0, 0.5, 0.9], (t) => tint(c, t >= 0.9 ? 0.5 : t >= 0.5 ? 0.38 : 0.24), toScreen, `band region class-${k}`));
      const d = contourPath(margin, g.nx, g.ny, 0, toScreen);
      if (d) lines.push({ type: "path", d, fill: "none", stroke: PALETTE.ink, strokeWidth: 1.6, role: "contour" });
    }
  } else if (regression) {
    const v = unitValues(g, L, 0, out.units);
    const [lo, hi] = extentOf(v);
    under.push({ type: "rect", x: inner.x, y: inner.y, width: inner.width, height: inner.height, fill: viridis(0) });
    const ts = linspace(lo, hi, 21).slice(0, -1);
    under.push(...bandPaths(v, g.nx, g.ny, ts, (t) => viridis((t - lo) / (hi - lo || 1) + 0.025), toScreen));
    if (!o.panel) side.push(...colorBar(barBox, [lo, hi], viridis, "output"));
  } else {
    const v = unitValues(g, L, 0, out.units);
    under.push({ type: "rect", x: inner.x, y: inner.y, width: inner.width, height: inner.height, fill: probabilityColor(0) });
    const ts = linspace(0.05, 0.95, 19);
    under.push(...bandPaths(v, g.nx, g.ny, ts, (t) => probabilityColor(t + 0.025), toScreen));
    const d = contourPath(v, g.nx, g.ny, 0.5, toScreen);
    if (d) lines.push({ type: "path", d, fill: "none", stroke: PALETTE.ink, strokeWidth: 2, role: "contour" });
    if (!o.panel) side.push(...colorBar(barBox, [0, 1], (t) => probabilityColor(t), `P(${classes![1]})`));
  }
  const dots = sampleMarks(split, { at: (s, i) => [ax.sx(s.X.data[i * 2]), ax.sy(s.X.data[i * 2 + 1])], classes, valueRange: targetRange(split), r: 4 }, showTest);
  const clip = { x: inner.x, y: inner.y, width: inner.width, height: inner.height };
  return {
    width: p.width,
    height: p.height,
    title: o.title ?? "Decision boundary",
    marks: [...p.marks, { type: "group", clip, marks: [...under, ...lines], role: "heatmap" }, { type: "group", clip, marks: dots, role: "samples" }, ...ax.front, ...side],
  };
}

/** 1-D input: the output over x (per class for softmax) with the samples at their labels. */
function boundaryLine(model: Model, split: DataSplit, o: ViewOptions): Scene {
  const classes = model.classes;
  const out = model.layers[model.layers.length - 1];
  const L = model.layers.length - 1;
  const showTest = o.showTest ?? true;
  const xr: [number, number] = o.extent && o.extent.length >= 2 ? [o.extent[0], o.extent[1]] : extentOf(allColumn(split, 0), 0.15);
  const xs = linspace(xr[0], xr[1], Math.max(50, o.resolution ?? 300));
  const ws = evaluateLine(model, xs);
  const items = sampleLegend(split, classes, split.targetName, showTest);
  const binary = classes !== null && out.units === 1;
  if (binary) items.unshift({ label: `P(${split.targetName} = ${classes[1]})`, color: PALETTE.ink, shape: "line" }, { label: "P = 0.5", color: PALETTE.muted, shape: "dash" });
  const p = page(o, o.title ?? "The network's output", binary ? "points: the samples at their class (0 or 1)" : undefined, items);
  const yr: [number, number] = classes ? [-0.08, (binary ? 1 : 1) + 0.08] : extentOf([...Array.from(ws.A[L]), ...(split.train.y as number[])], 0.08);
  const ax = axes(p.box, { x: xr, y: yr, xLabel: split.featureNames[0], yLabel: classes ? "probability" : split.targetName, nice: !classes });
  const curves: Mark[] = [];
  for (let k = 0; k < out.units; k++) {
    const pts = xs.map((x, i) => [ax.sx(x), ax.sy(ws.A[L][i * out.units + k])] as [number, number]);
    curves.push({ type: "polyline", points: pts, stroke: binary || !classes ? PALETTE.ink : classColor(k), strokeWidth: 2.5, role: "curve output" });
  }
  if (binary) curves.unshift({ type: "line", x1: ax.inner.x, y1: ax.sy(0.5), x2: ax.inner.x + ax.inner.width, y2: ax.sy(0.5), stroke: PALETTE.muted, dash: "5 4", strokeWidth: 1.2, role: "contour" });
  const yOf = (v: number): number => (classes && out.units > 1 ? 1 : v);
  const dots = sampleMarks(split, { at: (s, i) => [ax.sx(s.X.data[i]), ax.sy(classes ? yOf(labelValue(s.y[i], classes)) : (s.y[i] as number))], classes, valueRange: targetRange(split), r: 6 }, showTest);
  return { width: p.width, height: p.height, title: o.title ?? "The network's output", marks: [...p.marks, ...ax.back, ...curves, ...dots, ...ax.front] };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const BOUNDARY_DRAWINGS = { boundary: boundaryView } satisfies ViewDrawings;
