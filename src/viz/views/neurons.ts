/** 1-D input: each first-layer neuron's activation curve and the network's output over x, with the samples. */
import { PALETTE } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { axes } from "../chart/axes.ts";
import { extentOf } from "../chart/extent.ts";
import { fmt } from "../format.ts";
import { modelFor } from "../model-data.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { labelValue, page, sampleMarks, targetRange } from "./common.ts";
import { evaluateLine } from "./grid.ts";
import { sayer } from "../words/index.ts";
import type { ViewDrawings } from "../registry/index.ts";

export function neuronsView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const split = input.split;
  if (model.inputSize !== 1) throw new RangeError(`"neurons" needs 1 input feature; this model has ${model.inputSize}`);
  const first = model.layers[0];
  const L = model.layers.length - 1;
  const out = model.layers[L];
  const xr: [number, number] = o.extent && o.extent.length >= 2 ? [o.extent[0], o.extent[1]] : [-2, 2];
  const xs = linspace(xr[0], xr[1], Math.max(50, o.resolution ?? 400));
  const ws = evaluateLine(model, xs);
  const classes = model.classes;
  const colors = PALETTE.curves;
  const items = [] as { label: string; color: string; shape: "line" | "dash" | "dot" | "ring" }[];
  const say_ = sayer(o.lang);
  for (let j = 0; j < first.units && L > 0; j++) items.push({ label: say_("hidden neuron {unit}", { unit: j + 1 }), color: colors[j % colors.length], shape: "line" });
  items.push({ label: say_(out.units === 1 ? "output" : "outputs"), color: PALETTE.ink, shape: "line" });
  items.push({ label: say_("samples (at their label)"), color: PALETTE.muted, shape: "dot" });
  const cuts: string[] = [];
  if (L > 0) for (let j = 0; j < first.units; j++) if (first.W[j] !== 0) cuts.push(fmt(-first.b[j] / first.W[j], 3));
  const subtitle = L > 0 ? say_("first-layer {activation} neurons; each neuron's input z = 0 at x = {cuts}", { activation: first.activation, cuts: cuts.join(", ") }) : undefined;
  const p = page(o, o.title ?? (o.epoch !== undefined ? say_("Neurons and output after epoch {epoch}", { epoch: o.epoch }) : say_("Each neuron's output along x")), subtitle, items);
  const allVals: number[] = [...Array.from(ws.A[L])];
  if (L > 0) allVals.push(...Array.from(ws.A[0]));
  const yr = classes ? ([-0.05, 1.05] as [number, number]) : extentOf([...allVals, ...(split.train.y as number[])], 0.05);
  const ax = axes(p.box, { x: xr, y: yr, xLabel: split.featureNames[0], yLabel: say_("activation"), nice: !classes });
  const curves: Mark[] = [];
  if (L > 0) {
    for (let j = 0; j < first.units; j++) {
      const c = colors[j % colors.length];
      curves.push({ type: "polyline", points: xs.map((x, i) => [ax.sx(x), ax.sy(ws.A[0][i * first.units + j])]), stroke: c, strokeWidth: 2, role: `curve neuron-${j + 1}` });
    }
  }
  for (let k = 0; k < out.units; k++) {
    curves.push({ type: "polyline", points: xs.map((x, i) => [ax.sx(x), ax.sy(ws.A[L][i * out.units + k])]), stroke: PALETTE.ink, strokeWidth: 3, role: "curve output" });
  }
  const dots = sampleMarks(split, { at: (s, i) => [ax.sx(s.X.data[i]), ax.sy(classes ? labelValue(s.y[i], classes) : (s.y[i] as number))], classes, valueRange: targetRange(split), r: 6 });
  const clip = { x: ax.inner.x - 8, y: ax.inner.y - 8, width: ax.inner.width + 16, height: ax.inner.height + 16 };
  return { width: p.width, height: p.height, title: say_("Neurons"), marks: [...p.marks, ...ax.back, { type: "group", clip, marks: [...curves, ...dots] }, ...ax.front] };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const NEURONS_DRAWINGS = { neurons: neuronsView } satisfies ViewDrawings;
