/**
 * The activation functions and their derivatives, one small chart each: sigmoid, tanh, relu,
 * linear, and softmax (its first output for inputs (z, 0), whose slope is s·(1 − s)). The ones the
 * network uses are named in their chart's title. Needs nothing but the model's layer list.
 */
import { PALETTE } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { axes } from "../chart/axes.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";

interface Curve {
  name: string;
  formula: string;
  f: (z: number) => number;
  df: (z: number) => number;
}

const sig = (z: number): number => 1 / (1 + Math.exp(-z));

export const ACTIVATION_CURVES: Curve[] = [
  { name: "sigmoid", formula: "σ(z) = 1/(1+e^−z); σ' = σ(1−σ)", f: sig, df: (z) => sig(z) * (1 - sig(z)) },
  { name: "tanh", formula: "tanh z; slope 1 − tanh² z", f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  { name: "relu", formula: "max(0, z); slope 0 or 1", f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0) },
  { name: "linear", formula: "z; slope 1", f: (z) => z, df: () => 1 },
  { name: "softmax", formula: "first output of softmax(z, 0); slope s(1−s)", f: sig, df: (z) => sig(z) * (1 - sig(z)) },
];

export function activationView(input: ViewInput, o: ViewOptions = {}): Scene {
  const used = new Set(input.model.layers.map((l) => l.activation as string));
  const p = page(o, "Activation functions and their derivatives", "solid: the function f(z); dashed: its slope f'(z), what backpropagation multiplies by", [
    { label: "f(z)", color: PALETTE.ink, shape: "line" },
    { label: "f'(z)", color: PALETTE.curves[0], shape: "dash" },
  ]);
  const { width, height } = p;
  const cols = 3;
  const rows = 2;
  const cw = p.box.width / cols;
  const ch = p.box.height / rows;
  const marks: Mark[] = [...p.marks];
  const zs = linspace(-5, 5, 201);
  ACTIVATION_CURVES.forEach((c, k) => {
    const x = p.box.x + (k % cols) * cw;
    const y = p.box.y + Math.floor(k / cols) * ch;
    const inUse = used.has(c.name);
    marks.push({ type: "text", x: x + cw / 2, y: y + 16, text: c.name + (inUse ? " (this network)" : ""), size: 15, weight: "bold", anchor: "middle", fill: inUse ? PALETTE.curves[0] : PALETTE.ink, role: "title" });
    marks.push({ type: "text", x: x + cw / 2, y: y + 34, text: c.formula, size: 12, anchor: "middle", fill: PALETTE.muted, role: "subtitle" });
    const yr: [number, number] = c.name === "relu" || c.name === "linear" ? [c.name === "linear" ? -5 : -0.5, 5] : c.name === "tanh" ? [-1.1, 1.1] : [-0.1, 1.1];
    const ax = axes({ x, y: y + 40, width: cw - 6, height: ch - 44 }, { x: [-5, 5], y: yr, xLabel: "z", compact: true });
    const at = (f: (z: number) => number): [number, number][] => zs.map((z) => [ax.sx(z), ax.sy(Math.max(yr[0], Math.min(yr[1], f(z))))]);
    const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
    marks.push(...ax.back, {
      type: "group",
      clip,
      marks: [
        { type: "polyline", points: at(c.df), stroke: PALETTE.curves[0], strokeWidth: 2.2, dash: "6 4", role: `curve derivative ${c.name}` },
        { type: "polyline", points: at(c.f), stroke: PALETTE.ink, strokeWidth: 2.5, role: `curve function ${c.name}` },
      ],
    }, ...ax.front);
  });
  return { width, height, title: o.title ?? "Activation functions", marks };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const ACTIVATION_DRAWINGS = { activation: activationView } satisfies ViewDrawings;
