/**
 * One training iteration, step by step (the twelve-steps article): each computed matrix as a
 * table beside the matrices it came from, the computed cell highlighted, its source cells marked,
 * the formula as the caption, "Step k of N".
 */
import type { Trace, TraceStep } from "../../nn/trace.ts";
import { PALETTE, tint } from "../palette.ts";
import { fitText, fmt, textWidth } from "../plot.ts";
import type { Mark, Scene } from "../scene.ts";
import { toSvg, escapeXml } from "../svg.ts";
import type { ViewInput, ViewOptions } from "../view.ts";

const MAX_ROWS = 8;
const MAX_COLS = 8;
const CELL_H = 24;

type Cells = (r: number, c: number) => boolean;

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

interface Table {
  marks: Mark[];
  width: number;
  height: number;
}

/** A matrix as a table at (x, y): header with its name and shape, truncated to MAX_ROWS × MAX_COLS. */
function table(step: TraceStep, x: number, y: number, highlight: Cells | null, kind: "result" | "source"): Table {
  const v = step.value;
  const rows = v.length;
  const cols = rows ? v[0].length : 0;
  const showR = Math.min(rows, MAX_ROWS);
  const showC = Math.min(cols, MAX_COLS);
  const texts = v.slice(0, showR).map((row) => row.slice(0, showC).map((x) => fmt(x, 4)));
  const longest = Math.max(4, ...texts.flat().map((t) => t.length));
  const cw = Math.max(44, Math.ceil(longest * 7.5) + 14);
  const header = `${step.name}  (${rows}×${cols})`;
  const width = Math.max(showC * cw + (cols > showC ? 20 : 0), textWidth(header, 14) + 4);
  const marks: Mark[] = [];
  marks.push({ type: "text", x, y: y + 15, text: header, size: 14, weight: "bold", fill: kind === "result" ? PALETTE.highlight : PALETTE.ink, role: kind === "result" ? "table-title result" : "table-title" });
  const top = y + 24;
  for (let r = 0; r < showR; r++) for (let c = 0; c < showC; c++) {
    const on = highlight ? highlight(r, c) : false;
    const role = on ? (kind === "result" ? "cell highlight" : "cell source") : "cell";
    const fill = on ? (kind === "result" ? tint(PALETTE.highlight, 0.35) : tint(PALETTE.source, 0.35)) : "#ffffff";
    marks.push({ type: "rect", x: x + c * cw, y: top + r * CELL_H, width: cw, height: CELL_H, fill, stroke: on ? (kind === "result" ? PALETTE.highlight : "#2b7bb9") : "#bbbbbb", strokeWidth: on ? 2 : 0.8, role });
    marks.push({ type: "text", x: x + c * cw + cw - 6, y: top + r * CELL_H + CELL_H / 2, text: texts[r][c], size: 12, mono: true, anchor: "end", baseline: "middle", fill: PALETTE.ink });
  }
  if (cols > showC) marks.push({ type: "text", x: x + showC * cw + 4, y: top + (showR * CELL_H) / 2, text: "…", size: 14, baseline: "middle", fill: PALETTE.muted });
  let height = 24 + showR * CELL_H;
  if (rows > showR) {
    marks.push({ type: "text", x, y: top + showR * CELL_H + 15, text: `⋮ ${rows - showR} more row${rows - showR > 1 ? "s" : ""}`, size: 12, fill: PALETTE.muted });
    height += 20;
  }
  return { marks, width, height };
}

export interface StepOptions {
  width?: number;
  /** Highlighted cell of each computed matrix (clamped to its shape; default [0, 0]). */
  cell?: [number, number];
}

/** The steps that compute something (the given matrices appear as sources). */
function computedSteps(trace: Trace): TraceStep[] {
  return trace.steps.filter((s) => s.phase !== "given");
}

/** One scene per computed step of the trace. */
export function stepScenes(trace: Trace, o: StepOptions = {}): Scene[] {
  const width = o.width ?? 900;
  const byName = new Map(trace.steps.map((s) => [s.name, s]));
  const steps = computedSteps(trace);
  return steps.map((step, k) => {
    const rows = step.value.length;
    const cols = rows ? step.value[0].length : 0;
    const i = Math.min(o.cell?.[0] ?? 0, Math.max(0, rows - 1), MAX_ROWS - 1);
    const j = Math.min(o.cell?.[1] ?? 0, Math.max(0, cols - 1), MAX_COLS - 1);
    const marks: Mark[] = [];
    marks.push({ type: "text", x: 20, y: 30, text: fitText(`Step ${k + 1} of ${steps.length}: ${step.title}`, width - 40, 20), size: 20, weight: "bold", fill: PALETTE.ink, role: "step-title" });
    marks.push({ type: "text", x: 20, y: 58, text: fitText(step.formula, width - 40, 15), size: 15, mono: true, fill: PALETTE.ink, role: "formula" });
    const val = step.value[i]?.[j];
    const cellName = cols === 1 && step.name.startsWith("b") ? `${step.name}[${j}]` : `${step.name}[${i},${j}]`;
    marks.push({ type: "text", x: 20, y: 82, text: fitText(`highlighted: ${cellName} = ${val === undefined ? "" : fmt(val, 6)}, computed from the marked cells`, width - 40, 13), size: 13, fill: PALETTE.muted, role: "caption" });
    const sources = sourceCells(step, i, j);
    // Sources left to right, then an arrow, then the result; wrap to new rows when too wide.
    let x = 20;
    let y = 100;
    let rowH = 0;
    const place = (t: (x: number, y: number) => Table, gapAfter: number): Table => {
      let tb = t(x, y);
      if (x > 20 && x + tb.width > width - 20) {
        x = 20;
        y += rowH + 20;
        rowH = 0;
        tb = t(x, y);
      }
      marks.push(...tb.marks);
      x += tb.width + gapAfter;
      rowH = Math.max(rowH, tb.height);
      return tb;
    };
    for (const name of step.inputs) {
      const src = byName.get(name);
      if (!src) continue;
      place((px, py) => table(src, px, py, sources.get(name) ?? null, "source"), 28);
    }
    const arrowX = x - 10;
    place((px, py) => {
      const tb = table(step, px + 36, py, (r, c) => r === i && c === j, "result");
      return { marks: [{ type: "line", x1: px, y1: py + 36, x2: px + 26, y2: py + 36, stroke: PALETTE.ink, strokeWidth: 2, arrow: true }, ...tb.marks], width: tb.width + 36, height: tb.height };
    }, 0);
    void arrowX;
    const height = y + rowH + 24;
    marks.push({ type: "text", x: width - 20, y: height - 8, text: `η = ${trace.learningRate}, ${trace.reduction === "sum" ? "summed" : "averaged"} gradients, ${trace.samples} samples`, size: 11, anchor: "end", fill: PALETTE.muted });
    return { width, height, title: `Step ${k + 1} of ${steps.length}: ${step.name}`, marks };
  });
}

/** A self-contained HTML page: every step as a section with its SVG inline. */
export function stepsHtml(trace: Trace, o: StepOptions & { title?: string } = {}): string {
  const scenes = stepScenes(trace, o);
  const steps = computedSteps(trace);
  const sections = scenes.map((s, k) => `<section id="step-${k + 1}"><h2>${escapeXml(`Step ${k + 1} of ${scenes.length}: ${steps[k].title}`)}</h2>\n${toSvg(s, { idPrefix: `s${k + 1}` })}</section>`).join("\n");
  const nav = scenes.map((_, k) => `<a href="#step-${k + 1}">${k + 1}</a>`).join(" ");
  const title = escapeXml(o.title ?? "One training iteration, step by step");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:960px;margin:2em auto;color:#222}section{margin:2em 0;border-top:1px solid #ddd}svg{max-width:100%;height:auto}nav a{margin-right:.5em}</style>
</head><body><h1>${title}</h1>
<p>Loss before the update: ${fmt(trace.loss, 6)}. Orange: the cell being computed; blue: the cells it is computed from.</p>
<nav>${nav}</nav>
${sections}
</body></html>
`;
}

export function stepsView(input: ViewInput, o: ViewOptions = {}): Scene {
  if (!input.trace) throw new RangeError(`"steps" needs a trace (glassbox steps <experiment.json>)`);
  const scenes = stepScenes(input.trace, { width: o.width, cell: o.cell });
  const k = Math.max(1, Math.min(scenes.length, o.step ?? 1));
  return scenes[k - 1];
}
