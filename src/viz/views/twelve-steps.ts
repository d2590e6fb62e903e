/**
 * The twelve-steps article's own numbering of one iteration (a network with one hidden layer,
 * loss ½·Σ(y − output)², summed gradients, plain gradient descent): its names (X, wh, bh, wout,
 * bout, hidden_layer_input, …, d_hiddenlayer), its orientation (wh is inputs × hidden, as
 * NumPy's `X.dot(wh)` needs) and its sign: E = y − output.
 *
 * Every value is read from the trace (what training computed); only orientation and sign change:
 * Glassbox's trace holds the loss's gradient dA2 = output − y, the article's E is its negative,
 * so its deltas are −dZ, its hidden error is −dA1 and its updates add
 * (wout + lr·hᵀ·d_output = (W2 − lr·dW2)ᵀ).
 */
import type { Trace, TraceStep } from "../../nn/trace.ts";
import { PALETTE } from "../palette.ts";
import { fitText, wrapLines } from "../chart/text.ts";
import { fmt } from "../format.ts";
import type { Mark, Scene } from "../scene.ts";
import { resultWithArrow, table, TableFlow, type Cells, type NamedMatrix } from "./tables.ts";

/** One line of a step: the result computed from the sources (`result` null: the matrices are given). */
export interface ArticleEquation {
  formula: string;
  sources: string[];
  result: string | null;
  /** Which cells of each source the result's cell (i, j) came from. */
  from?: (i: number, j: number) => Record<string, Cells>;
}

export interface ArticleStep {
  /** 1 … 12, the article's number. */
  number: number;
  title: string;
  equations: ArticleEquation[];
  /** A remark under the formulas (the sign convention where it matters). */
  note?: string;
}

export interface ArticleSteps {
  steps: ArticleStep[];
  /** Every matrix by the article's name (samples × units; wh inputs × hidden). */
  matrices: Record<string, number[][]>;
  learningRate: number;
}

/** The sign convention, as the steps and the page state it. */
export const SIGN_CONVENTION =
  "E = y − output, as the article writes it: the negative of the loss's gradient dA2 = output − y that Glassbox computes. So d_output = −dZ2, Error_at_hidden_layer = −dA1, d_hiddenlayer = −dZ1, and the updates add: wout + lr·hᵀ·d_output equals W2 − lr·dW2.";

const T = (m: number[][]): number[][] => (m.length ? m[0].map((_, j) => m.map((row) => row[j])) : []);
const neg = (m: number[][]): number[][] => m.map((row) => row.map((v) => -v));

const row = (i: number): Cells => (r) => r === i;
const col = (j: number): Cells => (_, c) => c === j;
const cell = (i: number, j: number): Cells => (r, c) => r === i && c === j;

/** Whether the trace is of the article's kind: one hidden layer, sse, summed gradients, plain gradient descent. */
export function fitsTwelveSteps(t: Trace): boolean {
  const has = (n: string) => t.steps.some((s) => s.name === n);
  const loss = t.steps.find((s) => s.name === "loss");
  return (
    t.reduction === "sum" &&
    t.optimizer === "gd" &&
    has("W2") && !has("W3") && has("f'(Z1)") && has("f'(Z2)") && has("dA1") &&
    !!loss && loss.title.startsWith("sse")
  );
}

/** The article's twelve steps from a trace, or null when the trace is not of the article's kind. */
export function twelveSteps(t: Trace): ArticleSteps | null {
  if (!fitsTwelveSteps(t)) return null;
  const v = (name: string): number[][] => {
    const s = t.steps.find((x: TraceStep) => x.name === name);
    if (!s) throw new Error(`trace has no ${name}`);
    return s.value;
  };
  const m: Record<string, number[][]> = {
    X: v("A0"),
    y: v("Y"),
    wh: T(v("W1")),
    bh: v("b1"),
    wout: T(v("W2")),
    bout: v("b2"),
    hidden_layer_input: v("Z1"),
    hiddenlayer_activations: v("A1"),
    output_layer_input: v("Z2"),
    output: v("A2"),
    E: neg(v("dA2")),
    slope_output_layer: v("f'(Z2)"),
    slope_hidden_layer: v("f'(Z1)"),
    d_output: neg(v("dZ2")),
    Error_at_hidden_layer: neg(v("dA1")),
    d_hiddenlayer: neg(v("dZ1")),
    "wout (new)": T(v("W2'")),
    "wh (new)": T(v("W1'")),
    "bh (new)": v("b1'"),
    "bout (new)": v("b2'"),
  };
  const lr = t.learningRate;
  const same = (...names: string[]) => (i: number, j: number) => Object.fromEntries(names.map((n) => [n, cell(i, j)]));
  const steps: ArticleStep[] = [
    { number: 1, title: "Read the input and output", equations: [{ formula: "X as the input matrix, y as the output matrix", sources: ["X", "y"], result: null }] },
    {
      number: 2,
      title: "Initialise the weights and biases",
      equations: [{ formula: "wh, bh: weights and biases of the hidden layer; wout, bout: of the output layer", sources: ["wh", "bh", "wout", "bout"], result: null }],
      note: "The article draws them at random; the example file fixes them so every run starts here.",
    },
    {
      number: 3,
      title: "Calculate the hidden layer input",
      equations: [{ formula: "hidden_layer_input = matrix_dot_product(X, wh) + bh", sources: ["X", "wh", "bh"], result: "hidden_layer_input", from: (i, j) => ({ X: row(i), wh: col(j), bh: col(j) }) }],
    },
    {
      number: 4,
      title: "Non-linear transformation of the hidden input",
      equations: [{ formula: "hiddenlayer_activations = sigmoid(hidden_layer_input)", sources: ["hidden_layer_input"], result: "hiddenlayer_activations", from: same("hidden_layer_input") }],
    },
    {
      number: 5,
      title: "Output layer: linear, then non-linear transformation",
      equations: [
        { formula: "output_layer_input = matrix_dot_product(hiddenlayer_activations, wout) + bout", sources: ["hiddenlayer_activations", "wout", "bout"], result: "output_layer_input", from: (i, j) => ({ hiddenlayer_activations: row(i), wout: col(j), bout: col(j) }) },
        { formula: "output = sigmoid(output_layer_input)", sources: ["output_layer_input"], result: "output", from: same("output_layer_input") },
      ],
    },
    {
      number: 6,
      title: "Calculate the error (E) at the output layer",
      equations: [{ formula: "E = y − output", sources: ["y", "output"], result: "E", from: same("y", "output") }],
      note: SIGN_CONVENTION,
    },
    {
      number: 7,
      title: "Compute the slope at the output and hidden layers",
      equations: [
        { formula: "slope_output_layer = derivatives_sigmoid(output) = output·(1 − output)", sources: ["output"], result: "slope_output_layer", from: same("output") },
        { formula: "slope_hidden_layer = derivatives_sigmoid(hiddenlayer_activations)", sources: ["hiddenlayer_activations"], result: "slope_hidden_layer", from: same("hiddenlayer_activations") },
      ],
    },
    {
      number: 8,
      title: "Compute the delta at the output layer",
      equations: [{ formula: "d_output = E * slope_output_layer", sources: ["E", "slope_output_layer"], result: "d_output", from: same("E", "slope_output_layer") }],
      note: "d_output = −dZ2 (E has the opposite sign of Glassbox's dA2). The article's caption multiplies by lr here as well; its code does not, and lr is applied once, in steps 11 and 12.",
    },
    {
      number: 9,
      title: "Calculate the error at the hidden layer",
      equations: [{ formula: "Error_at_hidden_layer = matrix_dot_product(d_output, wout.Transpose)", sources: ["d_output", "wout"], result: "Error_at_hidden_layer", from: (i, j) => ({ d_output: row(i), wout: row(j) }) }],
      note: "= −dA1, the error Glassbox sends back, with the article's sign.",
    },
    {
      number: 10,
      title: "Compute the delta at the hidden layer",
      equations: [{ formula: "d_hiddenlayer = Error_at_hidden_layer * slope_hidden_layer", sources: ["Error_at_hidden_layer", "slope_hidden_layer"], result: "d_hiddenlayer", from: same("Error_at_hidden_layer", "slope_hidden_layer") }],
      note: "= −dZ1.",
    },
    {
      number: 11,
      title: "Update the weights at the output and hidden layers",
      equations: [
        { formula: `wout = wout + matrix_dot_product(hiddenlayer_activations.Transpose, d_output) * ${lr}`, sources: ["wout", "hiddenlayer_activations", "d_output"], result: "wout (new)", from: (i, j) => ({ wout: cell(i, j), hiddenlayer_activations: col(i), d_output: col(j) }) },
        { formula: `wh = wh + matrix_dot_product(X.Transpose, d_hiddenlayer) * ${lr}`, sources: ["wh", "X", "d_hiddenlayer"], result: "wh (new)", from: (i, j) => ({ wh: cell(i, j), X: col(i), d_hiddenlayer: col(j) }) },
      ],
      note: `learning rate lr = ${lr}; adding lr·hᵀ·d_output is subtracting lr·dW2 (the same numbers, the article's sign).`,
    },
    {
      number: 12,
      title: "Update the biases at the output and hidden layers",
      equations: [
        { formula: `bh = bh + sum(d_hiddenlayer, axis=0) * ${lr}`, sources: ["bh", "d_hiddenlayer"], result: "bh (new)", from: (_i, j) => ({ bh: col(j), d_hiddenlayer: col(j) }) },
        { formula: `bout = bout + sum(d_output, axis=0) * ${lr}`, sources: ["bout", "d_output"], result: "bout (new)", from: (_i, j) => ({ bout: col(j), d_output: col(j) }) },
      ],
    },
  ];
  return { steps, matrices: m, learningRate: lr };
}

export interface TwelveStepOptions {
  width?: number;
  /** Highlighted cell of each result (clamped to its shape; default [0, 0]). */
  cell?: [number, number];
  /** Draw the "Step k of 12" title (the HTML page writes it as a heading instead). */
  heading?: boolean;
}

/** One scene per article step: the step's formulas, then each equation as sources → result, the result's cell and its sources marked. */
export function twelveStepScenes(a: ArticleSteps, o: TwelveStepOptions = {}): Scene[] {
  const width = o.width ?? 900;
  const heading = o.heading ?? true;
  const n = a.steps.length;
  return a.steps.map((step) => {
    const marks: Mark[] = [];
    let y = 10;
    if (heading) {
      marks.push({ type: "text", x: 20, y: 30, text: fitText(`Step ${step.number} of ${n}: ${step.title}`, width - 40, 19), size: 19, weight: "bold", fill: PALETTE.ink, role: "step-title" });
      y = 44;
    }
    for (const eq of step.equations) {
      y += 20;
      marks.push({ type: "text", x: 20, y, text: fitText(eq.formula, width - 40, 14), size: 14, mono: true, fill: PALETTE.ink, role: "formula" });
    }
    if (step.note) {
      for (const line of wrapLines(step.note, width - 40, 12, 3)) {
        y += 17;
        marks.push({ type: "text", x: 20, y, text: line, size: 12, fill: PALETTE.muted, role: "note" });
      }
    }
    y += 18;
    const highlighted: string[] = [];
    for (const eq of step.equations) {
      const result = eq.result ? { name: eq.result, value: a.matrices[eq.result] } : null;
      const rows = result ? result.value.length : 0;
      const cols = rows ? result!.value[0].length : 0;
      const i = Math.min(o.cell?.[0] ?? 0, Math.max(0, rows - 1));
      const j = Math.min(o.cell?.[1] ?? 0, Math.max(0, cols - 1));
      const from = eq.from ? eq.from(i, j) : {};
      const flow = new TableFlow(marks, 20, width - 20, y, 16);
      for (const name of eq.sources) {
        const src: NamedMatrix = { name, value: a.matrices[name] };
        flow.place((px, py) => table(src, px, py, from[name] ?? null, "source"), 28);
      }
      if (result) {
        const val = result.value[i]?.[j];
        highlighted.push(`${result.name}[${i},${j}] = ${val === undefined ? "" : fmt(val, 6)}`);
        flow.place(resultWithArrow(result, cell(i, j)), 0);
      }
      y = flow.bottom + 16;
    }
    if (highlighted.length) {
      y += 4;
      marks.push({ type: "text", x: 20, y, text: fitText(`highlighted: ${highlighted.join("; ")}, computed from the marked cells`, width - 40, 12), size: 12, fill: PALETTE.muted, role: "caption" });
    }
    const height = y + 22;
    marks.push({ type: "text", x: width - 20, y: height - 8, text: `lr = ${a.learningRate}, loss ½·Σ(y − output)², summed over ${a.matrices.X.length} samples`, size: 11, anchor: "end", fill: PALETTE.muted });
    return { width, height, title: `Step ${step.number} of ${n}: ${step.title}`, marks };
  });
}

/** The article's closing figure: the outputs after many iterations beside the targets. */
export function afterTrainingScene(targets: number[], outputs: number[], iterations: number, o: { width?: number; heading?: boolean } = {}): Scene {
  const width = o.width ?? 560;
  const title = `After ${iterations.toLocaleString("en-US")} iterations`;
  const marks: Mark[] = [];
  let y = 10;
  if (o.heading ?? true) {
    marks.push({ type: "text", x: 20, y: 30, text: title, size: 20, weight: "bold", fill: PALETTE.ink, role: "step-title" });
    y = 44;
  }
  y += 20;
  marks.push({ type: "text", x: 20, y, text: fitText("the same twelve steps repeated: the outputs approach the targets", width - 40, 14), size: 14, fill: PALETTE.ink, role: "formula" });
  y += 18;
  const tb1 = table({ name: "y", value: targets.map((v) => [v]) }, 20, y, null, "source");
  const tb2 = table({ name: "output", value: outputs.map((v) => [v]) }, 20 + tb1.width + 28, y, () => true, "result");
  marks.push(...tb1.marks, ...tb2.marks);
  y += Math.max(tb1.height, tb2.height) + 24;
  return { width, height: y, title, marks };
}
