/**
 * One training iteration, step by step (the twelve-steps article): each computed matrix as a
 * table beside the matrices it came from, the computed cell highlighted, its source cells marked,
 * the formula as the caption, "Step k of N".
 */
import { sayer, translate, type PictureLanguage } from "../words/index.ts";
import type { Trace, TraceStep } from "../../nn/trace.ts";
import { PALETTE } from "../palette.ts";
import { fitText } from "../chart/text.ts";
import { fmt } from "../format.ts";
import type { Mark, Scene } from "../scene.ts";
import { toSvg, escapeXml } from "../svg.ts";
import { MAX_COLS, MAX_ROWS, resultWithArrow, table, TableFlow, type Cells } from "./tables.ts";
import { afterTrainingScene, fitsTwelveSteps, SIGN_CONVENTION, twelveStepScenes, twelveSteps } from "./twelve-steps.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import type { ViewDrawings } from "../registry/index.ts";


/** Which cells of each input the computed cell (i, j) of `step` came from. */
function sourceCells(step: TraceStep, i: number, j: number): Map<string, Cells> {
  const m = new Map<string, Cells>();
  const [a, b, c] = step.inputs;
  const name = step.name;
  const same: Cells = (r, q) => r === i && q === j;
  if (/^Z\d+$/.test(name)) {
    // Z[i,j] = Σₖ A[i,k]·W[j,k] + b[j]
    m.set(a, (r) => r === i);
    m.set(b, (r) => r === j);
    m.set(c, (_, q) => q === j);
  } else if (step.phase === "loss") {
    for (const n of step.inputs) m.set(n, () => true);
  } else if (/^dA\d+$/.test(name) && step.inputs[0].startsWith("dZ")) {
    // dA[l][i,k] = Σⱼ dZ[l+1][i,j]·W[l+1][j,k]
    m.set(a, (r) => r === i);
    m.set(b, (_, q) => q === j);
  } else if (/^dW\d+$/.test(name)) {
    // dW[j,k] = Σᵢ dZ[i,j]·A[i,k]
    m.set(a, (_, q) => q === i);
    m.set(b, (_, q) => q === j);
  } else if (/^db\d+$/.test(name)) {
    m.set(a, (_, q) => q === j);
  } else if (name.endsWith("'") && step.phase === "update") {
    // W' = W − η·dW, and b' likewise: the same cell.
    for (const n of step.inputs) m.set(n, same);
  } else {
    for (const n of step.inputs) m.set(n, same);
  }
  return m;
}

export interface StepOptions {
  width?: number;
  /** Highlighted cell of each computed matrix (clamped to its shape; default [0, 0]). */
  cell?: [number, number];
  /**
   * "article": the twelve-steps article's twelve steps, names and sign (E = y − output), for a
   * trace of its kind (one hidden layer, sse, summed gradients, plain gradient descent);
   * "trace": every computed matrix of the trace in order. Default: "article" where it fits.
   */
  layout?: "article" | "trace";
  /** Draw each step's title in the picture (default true; the HTML page writes it as a heading). */
  heading?: boolean;
  /** The language of its words (viz/words; the matrices' names and formulas stay as they are). */
  lang?: PictureLanguage;
}

/** Which layout `stepScenes` uses for this trace and these options. */
export function stepsLayout(trace: Trace, o: StepOptions = {}): "article" | "trace" {
  if (o.layout === "trace") return "trace";
  if (o.layout === "article" && !fitsTwelveSteps(trace)) throw new RangeError("the twelve-steps layout needs one hidden layer, loss sse, summed gradients and plain gradient descent");
  return fitsTwelveSteps(trace) ? "article" : "trace";
}

/** The steps that compute something (the given matrices appear as sources). */
function computedSteps(trace: Trace): TraceStep[] {
  return trace.steps.filter((s) => s.phase !== "given");
}

/** How many scenes `stepScenes` draws for this trace and layout, without drawing them. */
export function stepCount(trace: Trace, o: StepOptions = {}): number {
  return stepsLayout(trace, o) === "article" ? twelveSteps(trace)!.steps.length : computedSteps(trace).length;
}

/** One scene per step: the article's twelve, or one per computed step of the trace (see StepOptions.layout). */
export function stepScenes(trace: Trace, o: StepOptions = {}): Scene[] {
  if (stepsLayout(trace, o) === "article") return twelveStepScenes(twelveSteps(trace)!, o);
  const width = o.width ?? 900;
  const heading = o.heading ?? true;
  const byName = new Map(trace.steps.map((s) => [s.name, s]));
  const steps = computedSteps(trace);
  const say_ = sayer(o.lang);
  return steps.map((step, k) => {
    const rows = step.value.length;
    const cols = rows ? step.value[0].length : 0;
    const i = Math.min(o.cell?.[0] ?? 0, Math.max(0, rows - 1), MAX_ROWS - 1);
    const j = Math.min(o.cell?.[1] ?? 0, Math.max(0, cols - 1), MAX_COLS - 1);
    const marks: Mark[] = [];
    if (heading) marks.push({ type: "text", x: 20, y: 30, text: fitText(say_("Step {k} of {n}: {title}", { k: k + 1, n: steps.length, title: translate(o.lang, step.title) }), width - 40, 20), size: 20, weight: "bold", fill: PALETTE.ink, role: "step-title" });
    marks.push({ type: "text", x: 20, y: 58, text: fitText(translate(o.lang, step.formula), width - 40, 15), size: 15, mono: true, fill: PALETTE.ink, role: "formula" });
    const val = step.value[i]?.[j];
    const cellName = cols === 1 && step.name.startsWith("b") ? `${step.name}[${j}]` : `${step.name}[${i},${j}]`;
    marks.push({ type: "text", x: 20, y: 82, text: fitText(say_("highlighted: {cell} = {value}, computed from the marked cells", { cell: cellName, value: val === undefined ? "" : fmt(val, 6) }), width - 40, 13), size: 13, fill: PALETTE.muted, role: "caption" });
    const sources = sourceCells(step, i, j);
    // Sources left to right, then an arrow, then the result; wrap to new rows when too wide.
    const flow = new TableFlow(marks, 20, width - 20, 100, 20);
    for (const name of step.inputs) {
      const src = byName.get(name);
      if (!src) continue;
      flow.place((px, py) => table(src, px, py, sources.get(name) ?? null, "source", o.lang), 28);
    }
    flow.place(resultWithArrow(step, (r, c) => r === i && c === j, o.lang), 0);
    const height = flow.bottom + 24;
    marks.push({ type: "text", x: width - 20, y: height - 8, text: trace.lbfgs ? say_("L-BFGS: its first iteration from these weights, {n} samples", { n: trace.samples }) : say_(trace.reduction === "sum" ? "η = {rate}, summed gradients, {n} samples" : "η = {rate}, averaged gradients, {n} samples", { rate: trace.learningRate, n: trace.samples }), size: 11, anchor: "end", fill: PALETTE.muted });
    return { width, height, title: say_("Step {k} of {n}: {title}", { k: k + 1, n: steps.length, title: step.name }), marks };
  });
}

/** What many iterations of the same steps reach: the outputs beside the targets (the article's closing numbers). */
export interface AfterTraining {
  iterations: number;
  targets: number[];
  outputs: number[];
}

/** A self-contained HTML page: every step as a section (its title once, as the heading) with its SVG inline. */
export function stepsHtml(trace: Trace, o: StepOptions & { title?: string; after?: AfterTraining } = {}): string {
  const layout = stepsLayout(trace, o);
  // Each step's title is written once, as its section's heading: not drawn in the picture, not repeated as the SVG's <title>.
  const scenes = stepScenes(trace, { ...o, heading: false });
  const computed = computedSteps(trace);
  const headings = layout === "article" ? twelveSteps(trace)!.steps.map((s) => `Step ${s.number} of 12: ${s.title}`) : computed.map((s, k) => `Step ${k + 1} of ${computed.length}: ${s.title}`);
  const sections = scenes.map((s, k) => `<section id="step-${k + 1}"><h2>${escapeXml(headings[k])}</h2>\n${toSvg({ ...s, title: undefined }, { idPrefix: `s${k + 1}` })}</section>`);
  if (o.after) {
    const a = afterTrainingScene(o.after.targets, o.after.outputs, o.after.iterations, { width: o.width, heading: false });
    sections.push(`<section id="after"><h2>${escapeXml(a.title ?? "")}</h2>\n${toSvg({ ...a, title: undefined }, { idPrefix: "after" })}</section>`);
  }
  const nav = scenes.map((_, k) => `<a href="#step-${k + 1}">${k + 1}</a>`).join(" ") + (o.after ? ` <a href="#after">after ${o.after.iterations.toLocaleString("en-US")}</a>` : "");
  const title = escapeXml(o.title ?? (layout === "article" ? "One training iteration in twelve steps" : "One training iteration, step by step"));
  const sign = layout === "article" ? `\n<p>${escapeXml(SIGN_CONVENTION)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:960px;margin:2em auto;color:#222}section{margin:2em 0;border-top:1px solid #ddd}svg{max-width:100%;height:auto}nav a{margin-right:.5em}</style>
</head><body><h1>${title}</h1>
<p>Loss before the update: ${fmt(trace.loss, 6)}. Orange: the cell being computed; blue: the cells it is computed from.</p>${sign}
<nav>${nav}</nav>
${sections.join("\n")}
</body></html>
`;
}

export function stepsView(input: ViewInput, o: ViewOptions = {}): Scene {
  if (!input.trace) throw new RangeError(`"steps" needs a trace (glassbox steps <experiment.json>)`);
  const so: StepOptions = { width: o.width, cell: o.cell, layout: o.stepsLayout };
  const count = stepCount(input.trace, so);
  const k = o.step ?? 1;
  if (!Number.isInteger(k) || k < 1 || k > count) throw new RangeError(`step ${k} does not exist: one iteration of this network has ${count} steps (1..${count})`);
  return stepScenes(input.trace, so)[k - 1];
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const STEPS_DRAWINGS = { steps: stepsView } satisfies ViewDrawings;
