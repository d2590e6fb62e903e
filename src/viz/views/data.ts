/** The data set: a scatter of the first two features (train filled, test rings), or x against the label for 1-D data. */
import { applyScaler } from "../../data/apply-scaler.ts";
import type { DataSplit, LabeledData } from "../../data/types.ts";
import { axes, type Axes } from "../chart/axes.ts";
import { extentOf } from "../chart/extent.ts";
import { fmt } from "../format.ts";
import { PALETTE } from "../palette.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { allColumn, sampleClasses, labelValue, page, sampleLegend, sampleMarks, targetRange, valueKey } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";

export function dataView(input: ViewInput, o: ViewOptions = {}): Scene {
  const scaler = input.model.scaler;
  if (!o.scaled || !scaler) return dataScene(input.split, input.model, o);
  const scale = (d: LabeledData): LabeledData => ({ ...d, X: applyScaler(d.X, scaler) });
  const split: DataSplit = { ...input.split, train: scale(input.split.train), test: input.split.test ? scale(input.split.test) : input.split.test, featureNames: input.split.featureNames.map((n) => `${n} (standardised)`) };
  return dataScene(split, input.model, o);
}

/** Grows the shorter range so one unit is as long on both axes of a box of width × height. */
export function equalRanges(x: [number, number], y: [number, number], width: number, height: number): [[number, number], [number, number]] {
  const ux = (x[1] - x[0]) / width;
  const uy = (y[1] - y[0]) / height;
  const grow = (r: [number, number], span: number): [number, number] => {
    const c = (r[0] + r[1]) / 2;
    return [c - span / 2, c + span / 2];
  };
  return ux >= uy ? [x, grow(y, ux * height)] : [grow(x, uy * width), y];
}

export function dataScene(split: DataSplit, model: ViewInput["model"] | null, o: ViewOptions = {}): Scene {
  const classes = sampleClasses(model, split);
  const d = split.train.X.cols;
  const names = split.featureNames;
  const target = split.targetName;
  const showTest = o.showTest ?? true;
  const n = split.train.X.rows + (split.test?.X.rows ?? 0);
  const subtitle = `${split.train.X.rows} training` + (split.test ? `, ${split.test.X.rows} test` : "") + ` samples` + (d > 2 ? ` · showing features ${names[0]} and ${names[1]} of ${d}` : "");
  // Over a plane the colour is a regression's only reading of its value (along one feature, the height is).
  const p = page(o, o.title ?? `The data (${n} samples)`, subtitle, [...(d > 1 ? valueKey(split, classes, target) : []), ...sampleLegend(split, classes, target, showTest)]);
  const xr = extentOf(allColumn(split, 0), 0.05);
  if (d === 1) {
    const k = classes ? classes.length : 0;
    const yr: [number, number] = classes ? [-0.3, Math.max(1, k - 1) + 0.3] : extentOf([...split.train.y, ...(split.test?.y ?? [])] as number[], 0.08);
    const ax = axes(p.box, {
      x: xr,
      y: yr,
      nice: !classes,
      xLabel: names[0],
      yLabel: target + (classes ? " (class)" : ""),
      yTickValues: classes ? classes.map((_, i) => i) : undefined,
      yTickFormat: classes ? (v) => String(classes[v]) : undefined,
    });
    const dots = sampleMarks(split, { at: (s, i) => [ax.sx(s.X.data[i]), ax.sy(labelValue(s.y[i], classes))], classes, valueRange: targetRange(split), r: 6 }, showTest);
    const cuts = o.cuts && model ? cutMarks(model, ax, yr) : [];
    return { width: p.width, height: p.height, title: o.title ?? "The data", marks: [...p.marks, ...ax.back, ...cuts, ...dots, ...ax.front] };
  }
  let ranges: [[number, number], [number, number]] = [xr, extentOf(allColumn(split, 1), 0.05)];
  if (o.equalAxes) {
    // The plotting area is the box less the axes' margins (as axes() lays them out).
    ranges = equalRanges(ranges[0], ranges[1], p.box.width - 80, p.box.height - 46);
  }
  const ax = axes(p.box, { x: ranges[0], y: ranges[1], xLabel: names[0], yLabel: names[1], nice: !o.equalAxes });
  const dots = sampleMarks(split, { at: (s, i) => [ax.sx(s.X.data[i * d]), ax.sy(s.X.data[i * d + 1])], classes, valueRange: targetRange(split) }, showTest);
  return { width: p.width, height: p.height, title: o.title ?? "The data", marks: [...p.marks, ...ax.back, ...dots, ...ax.front] };
}

/** Where each first-layer neuron's input z = w·x + b is 0 (in the data's units): a dot on the line between the classes, and its value. */
function cutMarks(model: ViewInput["model"], ax: Axes, yr: [number, number]): Mark[] {
  const first = model.layers[0];
  if (!first || model.layers.length < 2 || model.inputSize !== 1) return [];
  const marks: Mark[] = [];
  const yMid = (yr[0] + yr[1]) / 2;
  for (let j = 0; j < first.units; j++) {
    const w = first.W[j];
    if (w === 0) continue;
    let x = -first.b[j] / w;
    if (model.scaler) x = x * model.scaler.scale[0] + model.scaler.mean[0];
    const sx = ax.sx(x);
    marks.push({ type: "line", x1: sx, y1: ax.sy(yr[0]), x2: sx, y2: ax.sy(yr[1]), stroke: PALETTE.muted, strokeWidth: 1.2, dash: "5 4", role: "cut" });
    marks.push({ type: "circle", cx: sx, cy: ax.sy(yMid), r: 9, fill: PALETTE.ink, stroke: "#ffffff", strokeWidth: 2, role: "cut-dot", tooltip: `neuron ${j + 1}: z = 0 at x = ${fmt(x, 3)}` });
    marks.push({ type: "text", x: sx + 12, y: ax.sy(yMid) - 12, text: `x = ${fmt(x, 2)}`, size: 14, weight: "bold", fill: PALETTE.ink, role: "cut-label" });
  }
  return marks;
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const DATA_DRAWINGS = { data: dataView } satisfies ViewDrawings;
