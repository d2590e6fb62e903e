/**
 * The architecture: one column of neurons per layer, edges coloured by the weight's sign and
 * sized by its magnitude. With 2-D input each neuron shows its own output over the input plane
 * (as TensorFlow Playground does).
 */
import { activation } from "../../nn/activations.ts";
import { modelFor, rawSplit } from "../model-data.ts";
import { rawInputCount } from "../raw-plane.ts";
import { PALETTE, probabilityColor } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { bandPaths, type GridToScreen } from "../chart/bands.ts";
import { fitText, textWidth } from "../chart/text.ts";
import { fmt } from "../format.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import { evaluatePlane, planeExtent, unitValues, type InputGrid } from "./grid.ts";
import type { ViewDrawings } from "../registry/index.ts";

export function networkView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const sizes = [model.inputSize, ...model.layers.map((l) => l.units)];
  const maxUnits = Math.max(...sizes);
  const edgeCount = model.layers.reduce((s, l) => s + l.W.length, 0);
  const title = o.title ?? `The network: ${sizes.join("–")}`;
  // Over the plane of the two data columns (a feature map's inputs are computed from them).
  const heatWanted = (o.neuronHeatmaps ?? true) && rawInputCount(model) === 2;
  // Heatmap squares want room for themselves and the bias label under them.
  const defaultHeight = heatWanted ? Math.max(480, Math.min(1100, 190 + maxUnits * 80)) : Math.max(480, Math.min(1000, 140 + maxUnits * 26));
  // Squares need about 30 px per neuron (the page's chart area is its height less ~190 px).
  const heat = heatWanted && ((o.height ?? defaultHeight) - 190) / maxUnits >= 30;
  let wmax = 0;
  for (const l of model.layers) for (const w of l.W) wmax = Math.max(wmax, Math.abs(w));
  // Thousands of edges: thinner and fainter, so the strong ones stand out of the mesh; the
  // faintest (under 3% of the largest weight) are left out, and drawn edges of one colour and
  // width share one path, which keeps a 5,000-edge picture small.
  const dense = edgeCount > 300;
  const cutoff = dense ? 0.03 * wmax : 0;
  let skipped = 0;
  for (const l of model.layers) for (const w of l.W) if (Math.abs(w) < cutoff) skipped++;
  const sub = "edge colour: the weight's sign; edge width: its size" + (heat ? "; squares: each neuron's output over the input plane (blue low, orange high)" : "") + (skipped ? `; ${skipped.toLocaleString("en-US")} of ${edgeCount.toLocaleString("en-US")} faintest weights (under 3% of the largest) not drawn` : "");
  const p = page(o, title, sub, [
    { label: "positive weight", color: PALETTE.positive, shape: "line" },
    { label: "negative weight", color: PALETTE.negative, shape: "line" },
  ], defaultHeight);
  const top = p.box.y + 44;
  const bottom = p.box.y + p.box.height - 10;
  const colX = (l: number): number => p.box.x + 80 + ((p.box.width - 200) * l) / (sizes.length - 1);
  const spacing = Math.min(90, (bottom - top) / maxUnits);
  const showBias = (n: number): boolean => n <= 10 && spacing >= 26;
  const r = heat ? Math.max(10, Math.min(28, (spacing - 18) / 2)) : Math.max(3, Math.min(16, spacing * 0.36));
  const pos = (l: number, j: number): [number, number] => [colX(l), (top + bottom) / 2 + (j - (sizes[l] - 1) / 2) * spacing];
  const marks: Mark[] = [...p.marks];
  // Layer captions.
  sizes.forEach((n, l) => {
    const name = l === 0 ? "input" : l === sizes.length - 1 ? "output" : `hidden ${l}`;
    const detail = l === 0 ? `${n} feature${n > 1 ? "s" : ""}` : `${n} ${model.layers[l - 1].activation}`;
    const w = Math.min(170, (p.box.width - 40) / sizes.length);
    marks.push({ type: "text", x: colX(l), y: p.box.y + 8, text: fitText(name, w, 13), size: 13, weight: "bold", anchor: "middle", fill: PALETTE.ink });
    marks.push({ type: "text", x: colX(l), y: p.box.y + 24, text: fitText(detail, w, 12), size: 12, anchor: "middle", fill: PALETTE.muted });
  });
  // Edges, thin and faint first so the strong ones stay on top.
  const edges: { w: number; m: Mark[] }[] = [];
  const label = edgeCount <= 16;
  const labelBoxes: [number, number, number, number][] = [];
  const r1 = (v: number): number => Math.round(v * 10) / 10;
  const buckets = new Map<string, { color: string; width: number; opacity: number; a: number; d: string[] }>();
  model.layers.forEach((layer, li) => {
    for (let j = 0; j < layer.units; j++) for (let k = 0; k < layer.inputSize; k++) {
      const w = layer.W[j * layer.inputSize + k];
      if (Math.abs(w) < cutoff) continue;
      const [x1, y1] = pos(li, k);
      const [x2, y2] = pos(li + 1, j);
      const a = Math.abs(w) / (wmax || 1);
      const color = w >= 0 ? PALETTE.positive : PALETTE.negative;
      if (dense) {
        // Twelve strengths are as many as the eye tells apart.
        const q = Math.max(1, Math.ceil(a * 12)) / 12;
        const key = `${color}${q}`;
        const b = buckets.get(key) ?? { color, width: 0.3 + 2.5 * q, opacity: 0.1 + 0.7 * q, a: q, d: [] };
        b.d.push(`M${r1(x1 + r)} ${r1(y1)}L${r1(x2 - r)} ${r1(y2)}`);
        buckets.set(key, b);
        continue;
      }
      const m: Mark[] = [{ type: "line", x1: x1 + r, y1, x2: x2 - r, y2, stroke: color, strokeWidth: 0.5 + 5.5 * a, strokeOpacity: 0.35 + 0.6 * a, role: "edge", tooltip: `W${li + 1}[${j},${k}] = ${fmt(w, 4)}` }];
      if (label) {
        // The value sits on its own edge, on a white backing; it slides along the edge (from
        // near the target, where edges into one neuron fan apart) to the first free spot.
        const text = fmt(w, 3);
        const tw = textWidth(text, 12) + 4;
        const spot = (t: number): [number, number] => [x1 + r + (x2 - r - x1 - r) * t, y1 + (y2 - y1) * t];
        const free = (t: number): boolean => {
          const [lx, ly] = spot(t);
          return !labelBoxes.some((b) => lx - tw / 2 < b[2] && lx + tw / 2 > b[0] && ly - 8 < b[3] && ly + 8 > b[1]);
        };
        const t = [0.72, 0.6, 0.48, 0.36, 0.84, 0.26].find(free) ?? 0.72;
        const [lx, ly] = spot(t);
        labelBoxes.push([lx - tw / 2, ly - 8, lx + tw / 2, ly + 8]);
        m.push({ type: "rect", x: lx - tw / 2, y: ly - 7, width: tw, height: 14, rx: 3, fill: "#ffffff", fillOpacity: 0.9, stroke: color, strokeWidth: 0.8, role: "weight-label" });
        m.push({ type: "text", x: lx, y: ly, text, size: 12, anchor: "middle", baseline: "middle", fill: PALETTE.ink, role: "weight-label" });
      }
      edges.push({ w: a, m });
    }
  });
  for (const b of buckets.values()) edges.push({ w: b.a, m: [{ type: "path", d: b.d.join(""), fill: "none", stroke: b.color, strokeWidth: b.width, strokeOpacity: b.opacity, role: "edge" }] });
  edges.sort((p1, p2) => p1.w - p2.w);
  marks.push(...edges.flatMap((e) => e.m.filter((m) => m.type === "line" || m.type === "path")));
  const grid: InputGrid | null = heat ? evaluatePlane(model, planeExtent(rawSplit(input), o.extent), 24) : null;
  sizes.forEach((n, l) => {
    for (let j = 0; j < n; j++) {
      const [x, y] = pos(l, j);
      const node: Mark[] = [];
      if (grid) {
        node.push({ type: "rect", x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: "#ffffff", stroke: PALETTE.axis, strokeWidth: 1, role: "neuron" });
        node.push({ type: "group", clip: { x: x - r, y: y - r, width: 2 * r, height: 2 * r }, marks: neuronHeat(grid, model, l, j, x - r, y - r, 2 * r) });
        node.push({ type: "rect", x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: "none", stroke: PALETTE.axis, strokeWidth: 1 });
      } else {
        node.push({ type: "circle", cx: x, cy: y, r, fill: l === 0 ? "#f2f2f2" : "#ffffff", stroke: PALETTE.axis, strokeWidth: 1.2, role: "neuron" });
      }
      if (l === 0 && n <= 12) node.push({ type: "text", x: x - r - 6, y, text: fitText(input.split.featureNames[j] ?? `x${j + 1}`, 60, 12), size: 12, anchor: "end", baseline: "middle", fill: PALETTE.ink });
      if (l > 0 && showBias(n)) {
        const b = model.layers[l - 1].b[j];
        node.push({ type: "text", x, y: y + r + 13, text: `b = ${fmt(b, 3)}`, size: 11, anchor: "middle", fill: PALETTE.muted, role: "bias-label" });
      }
      if (l === sizes.length - 1 && model.classes && n <= 12) {
        const lab = n === 1 ? `P(${input.split.targetName} = ${model.classes[1]})` : `P(${model.classes[j]})`;
        node.push({ type: "text", x: x + r + 6, y, text: fitText(lab, 70, 12), size: 12, baseline: "middle", fill: PALETTE.ink });
      }
      marks.push(...node);
    }
  });
  marks.push(...edges.flatMap((e) => e.m.filter((m) => m.type === "text" || m.type === "rect")));
  return { width: p.width, height: p.height, title, marks };
}

/** A neuron's output over the input plane (input neurons: the feature itself), as a few colour bands. */
function neuronHeat(g: InputGrid, model: ViewInput["model"], l: number, j: number, x: number, y: number, size: number): Mark[] {
  let v: Float64Array;
  let lo: number;
  let hi: number;
  if (l === 0) {
    // The input itself: x1 or x2 across the plane, or what the feature map makes of them (x1·x2, sin x1).
    const d = model.inputSize;
    v = new Float64Array(g.nx * g.ny);
    lo = Infinity;
    hi = -Infinity;
    for (let q = 0; q < v.length; q++) {
      v[q] = g.inputs[q * d + j];
      lo = Math.min(lo, v[q]);
      hi = Math.max(hi, v[q]);
    }
  } else {
    const layer = model.layers[l - 1];
    v = unitValues(g, l - 1, j, layer.units);
    // The activation's range from its registry entry: bounded (sigmoid, softmax, tanh) as it is.
    const range = activation(layer.activation).range;
    if (Number.isFinite(range[0]) && Number.isFinite(range[1])) [lo, hi] = [range[0], range[1]];
    else if (Number.isFinite(range[0])) {
      // Bounded below only (relu): its scale runs from there (blue) to the unit's largest output (orange).
      let m = 1e-9;
      for (const x of v) m = Math.max(m, x);
      [lo, hi] = [range[0], m];
    } else {
      let m = 1e-9;
      for (const x of v) m = Math.max(m, Math.abs(x));
      [lo, hi] = [-m, m];
    }
  }
  const toScreen: GridToScreen = (gx, gy) => [x + (gx / g.nx) * size, y + size - (gy / g.ny) * size];
  const t = (val: number): number => (val - lo) / (hi - lo || 1);
  const tv = Array.from(v, t);
  return [{ type: "rect", x, y, width: size, height: size, fill: probabilityColor(0, undefined, undefined, 0.9) }, ...bandPaths(tv, g.nx, g.ny, linspace(0.1, 0.9, 9), (th) => probabilityColor(th + 0.05, undefined, undefined, 0.9), toScreen)];
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const NETWORK_DRAWINGS = { network: networkView } satisfies ViewDrawings;
