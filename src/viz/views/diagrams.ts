/**
 * Architecture diagrams as the articles draw them, from a model's sizes and parameters:
 *   perceptron     one neuron: inputs, weights, bias, the weighted sum, the threshold (twelve steps)
 *   blueprint      one iteration: forward, cost, backward, update, and which parameters each stage
 *                  reads and which it updates (the NumPy article's Figure 2)
 *   shapes         W[l] is n[l] × n[l−1], b[l] is n[l] × 1, for every layer (its Figure 3)
 *   forward-shapes Z[l] = W[l]·A[l−1] + b[l] with every matrix's shape, m samples (its Figure 5)
 *   layer-pass     one layer's forward and backward pass (its Figure 6)
 * The NumPy article keeps one column per sample (A[l] is n[l] × m); Glassbox stores the
 * transpose (samples × units) and says so where it matters.
 */
import { modelFor } from "../model-data.ts";
import { PALETTE, tint } from "../palette.ts";
import { fitText, textWidth } from "../chart/text.ts";
import { fmt } from "../format.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";

const READ = "#0072B2";
const WRITE = "#D55E00";
const CACHE = "#009E73";

/** A rounded box with centred lines of text. */
function box(x: number, y: number, w: number, h: number, lines: string[], o: { fill?: string; stroke?: string; size?: number; role?: string; bold?: boolean } = {}): Mark[] {
  const size = o.size ?? 13;
  const marks: Mark[] = [{ type: "rect", x, y, width: w, height: h, rx: 8, fill: o.fill ?? "#ffffff", stroke: o.stroke ?? PALETTE.axis, strokeWidth: 1.5, role: o.role }];
  const lh = size + 4;
  const top = y + h / 2 - ((lines.length - 1) * lh) / 2;
  lines.forEach((t, i) => marks.push({ type: "text", x: x + w / 2, y: top + i * lh, text: fitText(t, w - 10, size), size, anchor: "middle", baseline: "middle", weight: o.bold && i === 0 ? "bold" : "normal", fill: PALETTE.ink }));
  return marks;
}

function arrow(x1: number, y1: number, x2: number, y2: number, color: string = PALETTE.ink, o: { dash?: string; role?: string; width?: number } = {}): Mark {
  return { type: "line", x1, y1, x2, y2, stroke: color, strokeWidth: o.width ?? 1.8, arrow: true, dash: o.dash, role: o.role };
}

function label(x: number, y: number, text: string, o: { size?: number; fill?: string; anchor?: "start" | "middle" | "end"; bold?: boolean; mono?: boolean; role?: string } = {}): Mark {
  return { type: "text", x, y, text, size: o.size ?? 12, anchor: o.anchor ?? "middle", baseline: "middle", fill: o.fill ?? PALETTE.ink, weight: o.bold ? "bold" : "normal", mono: o.mono, role: o.role } as Mark;
}

const sizesOf = (input: ViewInput, o: ViewOptions): number[] => {
  const m = modelFor(input, o.epoch);
  return [m.inputSize, ...m.layers.map((l) => l.units)];
};

/** One neuron: inputs x1…xd (and 1 for the bias) into Σ, then a threshold (or its activation) to one output. */
export function perceptronView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model = modelFor(input, o.epoch);
  const layer = model.layers[0];
  const d = Math.min(model.inputSize, 8);
  const w = Array.from({ length: d }, (_, k) => layer.W[k]);
  const b = layer.b[0];
  const x0 = input.split.train.X.rows ? Array.from(input.split.train.X.data.subarray(0, d)) : null;
  const sum = x0 ? x0.reduce((s, v, k) => s + v * w[k], b) : null;
  const subtitle = x0 && sum !== null
    ? `with x = (${x0.map((v) => fmt(v)).join(", ")}), w = (${w.map((v) => fmt(v)).join(", ")}), b = ${fmt(b)}: w·x + b = ${fmt(sum)} ${sum > 0 ? ">" : "≤"} 0, so the output is ${sum > 0 ? 1 : 0}`
    : undefined;
  const p = page(o, "A perceptron: inputs, weights, one output", subtitle, [], 460);
  const marks: Mark[] = [...p.marks];
  const { x: bx, y: by, width: bw, height: bh } = p.box;
  const rows = d + 1;
  const spacing = Math.min(70, (bh - 40) / rows);
  const inX = bx + 90;
  const nx = bx + bw * 0.55;
  const ny = by + bh / 2;
  const R = 44;
  const ys = Array.from({ length: rows }, (_, k) => ny + (k - (rows - 1) / 2) * spacing);
  for (let k = 0; k < rows; k++) {
    const bias = k === d;
    const y = ys[k];
    marks.push({ type: "circle", cx: inX, cy: y, r: 20, fill: bias ? "#f2f2f2" : tint(READ, 0.2), stroke: bias ? PALETTE.muted : READ, strokeWidth: 1.5, role: bias ? "bias-input" : "input" });
    marks.push(label(inX, y, bias ? "1" : `x${k + 1}`, { size: 14, bold: true }));
    if (x0 && !bias) marks.push(label(inX - 30, y, fmt(x0[k]), { anchor: "end", fill: PALETTE.muted, mono: true }));
    // The edge stops at the neuron's rim.
    const dx = nx - inX;
    const dy = ny - y;
    const len = Math.hypot(dx, dy);
    marks.push(arrow(inX + (20 * dx) / len, y + (20 * dy) / len, nx - (R * dx) / len, ny - (R * dy) / len, bias ? PALETTE.muted : PALETTE.axis, { role: "edge" }));
    const t = 0.3;
    const text = bias ? `b = ${fmt(b)}` : `w${k + 1} = ${fmt(w[k])}`;
    const lx = inX + dx * t;
    const ly = y + dy * t - 10;
    marks.push({ type: "rect", x: lx - textWidth(text, 12) / 2 - 3, y: ly - 9, width: textWidth(text, 12) + 6, height: 17, fill: "#ffffff", opacity: 0.9 });
    marks.push(label(lx, ly, text, { fill: bias ? PALETTE.muted : PALETTE.ink, role: "weight" }));
  }
  if (model.inputSize > d) marks.push(label(inX, ys[rows - 1] + spacing * 0.7, `… ${model.inputSize - d} more inputs`, { fill: PALETTE.muted }));
  marks.push({ type: "circle", cx: nx, cy: ny, r: R, fill: tint(WRITE, 0.18), stroke: WRITE, strokeWidth: 2, role: "neuron" });
  marks.push(label(nx, ny - 9, "Σ wᵢxᵢ + b", { size: 13, bold: true }));
  marks.push(label(nx, ny + 11, "> 0 ?", { size: 13 }));
  const outX = Math.min(bx + bw - 70, nx + 190);
  marks.push(arrow(nx + R, ny, outX - 24, ny, PALETTE.ink, { width: 2.2 }));
  marks.push({ type: "circle", cx: outX, cy: ny, r: 22, fill: "#ffffff", stroke: PALETTE.ink, strokeWidth: 1.5, role: "output" });
  marks.push(label(outX, ny, sum === null ? "y" : String(sum > 0 ? 1 : 0), { size: 14, bold: true }));
  marks.push(label(outX, ny + 38, "output", { fill: PALETTE.muted }));
  marks.push(label(bx + bw / 2, by + bh - 10, `output 1 if w·x + b > 0, else 0 (a threshold); an artificial neuron uses ${layer.activation}(w·x + b) instead`, { fill: PALETTE.muted, size: 12 }));
  return { width: p.width, height: p.height, title: o.title ?? "A perceptron", marks };
}

/** One iteration as the NumPy article's blueprint: each stage, and which parameters it reads or updates. */
export function blueprintView(input: ViewInput, o: ViewOptions = {}): Scene {
  const sizes = sizesOf(input, o);
  o = { ...o, width: o.width ?? Math.max(800, 300 + 170 * (sizes.length - 1)) };
  const L = sizes.length - 1;
  const p = page(o, "One iteration: what each stage reads and updates", `parameters W[l], b[l] of layers 1 … ${L}; forward and backward read them, only the update changes them; the cache carries A[l−1] and Z[l] from forward to backward`, [
    { label: "reads", color: READ, shape: "line" },
    { label: "updates", color: WRITE, shape: "line" },
    { label: "cache", color: CACHE, shape: "dash" },
  ], 640);
  const marks: Mark[] = [...p.marks];
  const { x: bx, y: by, width: bw } = p.box;
  const left = bx + 120;
  const colW = (bw - 130 - 120) / L;
  const cx = (l: number) => left + (l - 0.5) * colW;
  const bwid = Math.min(150, colW - 18);
  const yParams = by + 10;
  const yFwd = by + 120;
  const yBwd = by + 260;
  const yUpd = by + 390;
  const h = 64;
  const rowLabel = (y: number, t: string, sub: string) => {
    marks.push(label(bx + 50, y + h / 2 - 8, t, { bold: true, size: 13 }));
    marks.push(label(bx + 50, y + h / 2 + 10, sub, { fill: PALETTE.muted, size: 11 }));
  };
  rowLabel(yParams, "parameters", "W[l], b[l]");
  rowLabel(yFwd, "1 forward", "l = 1 … L");
  rowLabel(yBwd, "3 backward", "l = L … 1");
  rowLabel(yUpd, "4 update", "every layer");
  for (let l = 1; l <= L; l++) {
    const x = cx(l) - bwid / 2;
    marks.push(...box(x, yParams, bwid, 48, [`W${l}  ${sizes[l]}×${sizes[l - 1]}`, `b${l}  ${sizes[l]}×1`], { fill: "#f7f7f7", role: "param", size: 12 }));
    marks.push(...box(x, yFwd, bwid, h, [`forward ${l}`, `Z${l} = W${l}·A${l - 1} + b${l}`, `A${l} = ${input.model.layers[l - 1].activation}(Z${l})`], { role: "stage forward", size: 12, bold: true }));
    marks.push(...box(x, yBwd, bwid, h, [`backward ${l}`, `dZ${l}, dW${l}, db${l}`, `dA${l - 1} = W${l}ᵀ·dZ${l}`], { role: "stage backward", size: 12, bold: true }));
    marks.push(...box(x, yUpd, bwid, 48, [`W${l} −= α·dW${l}`, `b${l} −= α·db${l}`], { role: "stage update", size: 12, fill: tint(WRITE, 0.12) }));
    // Reads: forward and backward take W[l], b[l]; the update writes them.
    marks.push(arrow(cx(l) - 22, yParams + 48, cx(l) - 22, yFwd - 2, READ, { role: "reads" }));
    marks.push(label(cx(l) - 18, (yParams + 48 + yFwd) / 2, `W${l}, b${l}`, { anchor: "start", fill: READ, size: 11 }));
    marks.push(arrow(cx(l) + 22, yFwd + h + 12, cx(l) + 22, yBwd - 2, READ, { role: "reads" }));
    marks.push(label(cx(l) + 26, yFwd + h + 22, `W${l}`, { anchor: "start", fill: READ, size: 11 }));
    // The cache: A[l−1], Z[l] kept for the backward pass.
    marks.push({ type: "line", x1: cx(l) - 22, y1: yFwd + h, x2: cx(l) - 22, y2: yBwd - 2, stroke: CACHE, strokeWidth: 1.6, dash: "5 3", arrow: true, role: "cache" });
    marks.push(label(cx(l) - 26, yFwd + h + 40, `A${l - 1}, Z${l}`, { anchor: "end", fill: CACHE, size: 11 }));
    // Gradients down to the update, which writes the parameters (the arrow up the right side).
    marks.push(arrow(cx(l), yBwd + h, cx(l), yUpd - 2, PALETTE.muted));
    marks.push(label(cx(l) + 4, yBwd + h + 18, `dW${l}, db${l}`, { anchor: "start", fill: PALETTE.muted, size: 11 }));
    const rx = x + bwid + 6;
    marks.push({ type: "polyline", points: [[x + bwid, yUpd + 24], [rx, yUpd + 24], [rx, yParams + 24]], stroke: WRITE, strokeWidth: 1.6, role: "updates" });
    marks.push(arrow(rx, yParams + 24, x + bwid + 1, yParams + 24, WRITE));
    if (l < L) {
      marks.push(arrow(x + bwid, yFwd + h / 2, x + colW - 1, yFwd + h / 2, PALETTE.ink));
      marks.push(arrow(x + colW, yBwd + h / 2, x + bwid + 1, yBwd + h / 2, PALETTE.ink));
    }
  }
  // The cost between the two passes.
  const costX = cx(L) + bwid / 2 + 30;
  const costW = Math.min(110, bx + bw - costX - 4);
  const costY = (yFwd + yBwd) / 2;
  marks.push(...box(costX, costY - 10, costW, h - 4, ["2 cost", `J(A${L}, Y)`, `dA${L}`], { role: "stage cost", size: 11, bold: true, fill: "#fafafa" }));
  marks.push(arrow(cx(L) + bwid / 2, yFwd + h / 2, costX + costW / 2, costY - 12, PALETTE.ink));
  marks.push(arrow(costX + costW / 2, costY + h - 12, cx(L) + bwid / 2 + 1, yBwd + h / 2, PALETTE.ink));
  marks.push(label(cx(1) - bwid / 2 - 4, yFwd - 10, "X = A0", { anchor: "end", size: 12, bold: true }));
  marks.push(arrow(cx(1) - bwid / 2 - 30, yFwd - 2, cx(1) - bwid / 2 + 6, yFwd + 10, PALETTE.ink));
  marks.push(label(bx + bw / 2, yUpd + 48 + 26, "then the next iteration starts again at 1 with the updated W, b", { fill: PALETTE.muted, size: 12 }));
  return { width: p.width, height: p.height, title: o.title ?? "The blueprint of one iteration", marks };
}

/** A table: one row per layer with n[l], W[l] n[l]×n[l−1], b[l] n[l]×1 and the parameter count. */
export function shapesView(input: ViewInput, o: ViewOptions = {}): Scene {
  const sizes = sizesOf(input, o);
  const L = sizes.length - 1;
  const p = page(o, "Shapes of W[l] and b[l], layer by layer", `W[l] is n[l] × n[l−1] (row j: the weights into neuron j); b[l] is n[l] × 1; n[0] = ${sizes[0]} input features`, [], 150 + 34 * (L + 2));
  const marks: Mark[] = [...p.marks];
  const cols = ["layer l", "n[l]", "n[l−1]", "W[l]: n[l] × n[l−1]", "b[l]: n[l] × 1", "parameters"];
  const widths = [90, 80, 80, 200, 160, 120];
  const total = widths.reduce((a, b) => a + b, 0);
  let x0 = p.box.x + (p.box.width - total) / 2;
  const rowH = 32;
  const y0 = p.box.y + 6;
  let x = x0;
  cols.forEach((c, k) => {
    marks.push({ type: "rect", x, y: y0, width: widths[k], height: rowH, fill: "#eeeeee", stroke: "#bbbbbb", strokeWidth: 0.8 });
    marks.push(label(x + widths[k] / 2, y0 + rowH / 2, c, { bold: true, size: 13 }));
    x += widths[k];
  });
  let sum = 0;
  for (let l = 1; l <= L; l++) {
    const n = sizes[l];
    const m = sizes[l - 1];
    sum += n * m + n;
    const cells = [String(l), String(n), String(m), `${n} × ${m}`, `${n} × 1`, (n * m + n).toLocaleString("en-US")];
    x = x0;
    const y = y0 + rowH * l;
    cells.forEach((c, k) => {
      marks.push({ type: "rect", x, y, width: widths[k], height: rowH, fill: "#ffffff", stroke: "#bbbbbb", strokeWidth: 0.8, role: k === 3 ? "shape W" : k === 4 ? "shape b" : undefined });
      marks.push(label(x + widths[k] / 2, y + rowH / 2, c, { size: 13, mono: k >= 3 && k <= 4 }));
      x += widths[k];
    });
  }
  void x0;
  x0 = 0;
  marks.push(label(p.box.x + p.box.width / 2, y0 + rowH * (L + 1) + 20, `${sum.toLocaleString("en-US")} parameters in all (${sizes.join("–")})`, { fill: PALETTE.muted, size: 13 }));
  return { width: p.width, height: p.height, title: o.title ?? "Shapes of W and b", marks };
}

/** Each layer's forward step with every shape: Z[l] (n[l] × m) = W[l] (n[l] × n[l−1]) · A[l−1] (n[l−1] × m) + b[l] (n[l] × 1). */
export function forwardShapesView(input: ViewInput, o: ViewOptions = {}): Scene {
  const sizes = sizesOf(input, o);
  const L = sizes.length - 1;
  const m = input.split.train.X.rows;
  const p = page(o, "Shapes in the forward step", `m = ${m} samples as columns, as the article writes it (Glassbox stores the transpose, samples × units: Z[l] = A[l−1]·W[l]ᵀ + b[l]); b[l] is added to every column`, [], 150 + 44 * L);
  const marks: Mark[] = [...p.marks];
  const y0 = p.box.y + 14;
  const rowH = 44;
  for (let l = 1; l <= L; l++) {
    const y = y0 + (l - 1) * rowH;
    const n = sizes[l];
    const k = sizes[l - 1];
    const parts: [string, string, string][] = [
      [`Z${l}`, `${n} × ${m}`, WRITE],
      ["=", "", ""],
      [`W${l}`, `${n} × ${k}`, READ],
      ["·", "", ""],
      [l === 1 ? "A0 = X" : `A${l - 1}`, `${k} × ${m}`, PALETTE.ink],
      ["+", "", ""],
      [`b${l}`, `${n} × 1`, READ],
      [";", "", ""],
      [`A${l} = ${input.model.layers[l - 1].activation}(Z${l})`, `${n} × ${m}`, PALETTE.ink],
    ];
    let x = p.box.x + 20;
    for (const [name, shape, color] of parts) {
      if (!shape) {
        marks.push(label(x + 8, y + 14, name, { size: 16 }));
        x += 24;
        continue;
      }
      const w = Math.max(textWidth(name, 14), textWidth(shape, 12)) + 16;
      marks.push({ type: "rect", x, y, width: w, height: 36, rx: 5, fill: color === PALETTE.ink ? "#f7f7f7" : tint(color, 0.15), stroke: color, strokeWidth: 1.2, role: "matrix" });
      marks.push(label(x + w / 2, y + 11, name, { size: 14, bold: true }));
      marks.push(label(x + w / 2, y + 27, shape, { size: 12, mono: true, fill: PALETTE.muted, role: "shape" }));
      x += w + 6;
    }
  }
  return { width: p.width, height: p.height, title: o.title ?? "Shapes in the forward step", marks };
}

/** One layer's forward pass (A[l−1] → Z[l] → A[l], keeping the cache) and backward pass (dA[l] → dZ[l] → dW[l], db[l], dA[l−1]). */
export function layerPassView(input: ViewInput, o: ViewOptions = {}): Scene {
  const sizes = sizesOf(input, o);
  const L = sizes.length - 1;
  const l = Math.max(1, Math.min(L, o.layer ?? Math.min(2, L)));
  const n = sizes[l];
  const k = sizes[l - 1];
  const act = input.model.layers[l - 1].activation;
  const p = page(o, `Layer ${l}: forward and backward`, `${n} ${act} neurons fed by ${k}; m samples; gradients averaged over the m samples (the article's 1/m)`, [
    { label: "forward", color: READ, shape: "line" },
    { label: "backward", color: WRITE, shape: "line" },
    { label: "cache", color: CACHE, shape: "dash" },
  ], 520);
  const marks: Mark[] = [...p.marks];
  const { x: bx, y: by, width: bw } = p.box;
  const mid = bx + bw / 2;
  const lw = 260;
  const lx = mid - lw / 2;
  const yF = by + 30;
  const yB = by + 230;
  const h = 110;
  marks.push(...box(lx, yF, lw, h, [`layer ${l} forward`, `Z${l} = W${l}·A${l - 1} + b${l}`, `A${l} = ${act}(Z${l})`, `W${l}: ${n}×${k}, b${l}: ${n}×1`], { role: "stage forward", bold: true, stroke: READ, fill: tint(READ, 0.08) }));
  marks.push(...box(lx, yB, lw, h + 20, [`layer ${l} backward`, `dZ${l} = dA${l} ⊙ ${act}'(Z${l})`, `dW${l} = (1/m)·dZ${l}·A${l - 1}ᵀ`, `db${l} = (1/m)·Σ columns of dZ${l}`, `dA${l - 1} = W${l}ᵀ·dZ${l}`], { role: "stage backward", bold: true, stroke: WRITE, fill: tint(WRITE, 0.08) }));
  const io = (x: number, y: number, name: string, shape: string, color: string) => {
    marks.push(...box(x - 60, y - 24, 120, 48, [name, shape], { stroke: color, size: 13 }));
  };
  const leftX = bx + 90;
  const rightX = bx + bw - 90;
  io(leftX, yF + h / 2, `A${l - 1}`, `${k} × m`, READ);
  io(rightX, yF + h / 2, `A${l}`, `${n} × m`, READ);
  io(rightX, yB + (h + 20) / 2, `dA${l}`, `${n} × m`, WRITE);
  io(leftX, yB + (h + 20) / 2, `dA${l - 1}`, `${k} × m`, WRITE);
  marks.push(arrow(leftX + 60, yF + h / 2, lx - 2, yF + h / 2, READ, { width: 2.2 }));
  marks.push(arrow(lx + lw, yF + h / 2, rightX - 62, yF + h / 2, READ, { width: 2.2 }));
  marks.push(arrow(rightX - 60, yB + (h + 20) / 2, lx + lw + 2, yB + (h + 20) / 2, WRITE, { width: 2.2 }));
  marks.push(arrow(lx, yB + (h + 20) / 2, leftX + 62, yB + (h + 20) / 2, WRITE, { width: 2.2 }));
  marks.push({ type: "line", x1: mid, y1: yF + h, x2: mid, y2: yB - 2, stroke: CACHE, strokeWidth: 2, dash: "6 4", arrow: true, role: "cache" });
  marks.push(label(mid + 8, (yF + h + yB) / 2, `cache: A${l - 1}, Z${l} (and W${l})`, { anchor: "start", fill: CACHE, size: 13 }));
  marks.push(label(mid, yB + h + 20 + 22, `dW${l} (${n}×${k}) and db${l} (${n}×1) go to the update: W${l} −= α·dW${l}, b${l} −= α·db${l}`, { fill: PALETTE.muted, size: 12 }));
  marks.push(label(leftX, yF - 6, "from layer " + (l - 1 === 0 ? "0 (the input X)" : l - 1), { fill: PALETTE.muted, size: 11 }));
  marks.push(label(rightX, yF - 6, l === L ? "the output" : `to layer ${l + 1}`, { fill: PALETTE.muted, size: 11 }));
  return { width: p.width, height: p.height, title: o.title ?? `Layer ${l}: forward and backward`, marks };
}

/** The views this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const DIAGRAM_DRAWINGS = { perceptron: perceptronView, blueprint: blueprintView, shapes: shapesView, "forward-shapes": forwardShapesView, "layer-pass": layerPassView } satisfies ViewDrawings;
