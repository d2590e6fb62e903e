/**
 * The workbook's content: every sheet's cells as formulas over the cells they come from.
 *
 *   data        the inputs the network sees and the encoded targets (values)
 *   parameters  learning rate, penalties and every initial weight and bias: the input cells
 *   forward     one block per named matrix of the trace's forward pass, and the loss
 *   backward    the backward pass and the update, block by block
 *   descent     one row per iteration of gradient descent, each from the row above
 *
 * The forward and backward blocks are the trace's steps (src/nn/trace.ts), in its order, with its
 * names and formulas written above them, so the workbook and the steps view say the same thing.
 */
import { paramNames } from "../viz/params.ts";
import { UserError } from "../core/errors.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { evaluate } from "../nn/evaluate.ts";
import { activation, type ActivationName } from "../nn/activations.ts";
import { loss as lossOf, type LossName } from "../nn/losses.ts";
import { cloneNetwork, layerToJson, outputLayer, type Network } from "../nn/network.ts";
import { taskOf } from "../nn/targets.ts";
import { trace, type Trace, type TraceStep } from "../nn/trace.ts";
import { train } from "../nn/train.ts";
import { PALETTE, tint } from "../viz/palette.ts";
import { a1, onSheet, range, SheetSpec, type Chart } from "./cells.ts";

export interface SheetOptions {
  /** Rows of the descent sheet: gradient-descent iterations (default 200). */
  iterations?: number;
}

/** Where a named matrix sits: its top-left value cell (1-based) and its shape. */
export interface Block {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** The step's number in the highlight selector (null for the given matrices). */
  step: number | null;
}

export interface DescentLayout {
  /** Formulas (true) or values from the engine (false). */
  live: boolean;
  /** Why the rows are values, when they are. */
  reason: string | null;
  /** The first iteration's row; row `firstRow + k − 1` holds the parameters at the start of iteration k. */
  firstRow: number;
  /** Rows written: iterations + 1 (the last one holds the parameters after the last update). */
  rows: number;
  iterationCol: number;
  /** Parameter name ("W1[0,0]", "b2[0]") → its column. */
  paramCols: Map<string, number>;
  lossCol: number;
  accuracyCol: number | null;
}

export interface Layout {
  sheets: SheetSpec[];
  blocks: Map<string, Block>;
  /** parameters sheet cells: the learning rate, l2, l1, samples and the gradient scale. */
  cells: { learningRate: string; l2: string; l1: string; samples: string; scale: string };
  /** The trace the forward and backward sheets are built from. */
  trace: Trace;
  descent: DescentLayout;
}

/** Live descent rows for networks up to this many parameters … */
export const LIVE_MAX_PARAMS = 30;
/** … and up to this many working cells per row. */
export const LIVE_MAX_ROW_CELLS = 1000;
/** The forward and backward sheets hold at most this many cells. */
export const MAX_STEP_CELLS = 400_000;
/** Values-mode descent rows show at most this many parameters. */
const VALUES_MAX_PARAMS = 250;

const COLORS = { result: tint(PALETTE.highlight, 0.35), source: tint(PALETTE.source, 0.35) };
const SERIES = [PALETTE.highlight, PALETTE.negative, PALETTE.classes[2], PALETTE.classes[3], PALETTE.positive, PALETTE.source, "#000000", "#999999"];

const DATA = "data";
const PARAMS = "parameters";
const FORWARD = "forward";
const BACKWARD = "backward";
const DESCENT = "descent";

/** Parameter names in the engine's order (W₁ row-major, b₁, W₂, …): the views' own. */
export { paramNames as parameterNames } from "../viz/params.ts";

export function buildLayout(prepared: Prepared, options: SheetOptions = {}): Layout {
  const iterations = options.iterations ?? 200;
  if (!Number.isInteger(iterations) || iterations < 1) throw new UserError(`--iterations needs a whole number ≥ 1, got ${iterations}`);
  const { model, data, config } = prepared;
  const out = outputLayer(model);
  if (out.activation === "softmax" && model.loss !== "categorical-crossentropy") {
    throw new UserError(`a softmax output in a spreadsheet needs "categorical-crossentropy" (its fused gradient A − Y); got "${model.loss}"`, "loss");
  }
  const n = data.X.rows;
  const learningRate = config.learningRate ?? 0.01;
  const reduction = config.reduction ?? "mean";
  const t = trace(model, data.X.data, data.Y, n, { learningRate, reduction, l2: config.l2 ?? 0, l1: config.l1 ?? 0, optimizer: "gd" });
  const stepCells = t.steps.reduce((s, step) => s + step.value.length * step.value[0].length, 0);
  if (stepCells > MAX_STEP_CELLS) {
    throw new UserError(`one iteration of this network has ${stepCells.toLocaleString("en")} matrix cells, more than a spreadsheet can recalculate (at most ${MAX_STEP_CELLS.toLocaleString("en")}): use fewer samples or smaller layers`);
  }

  const book: Book = { sheets: new Map(), blocks: new Map() };
  const sheet = (name: string): SheetSpec => {
    const s = new SheetSpec(name);
    book.sheets.set(name, s);
    return s;
  };

  // ---- data
  const ds = sheet(DATA);
  const featureNames = model.inputs ?? model.featureNames;
  const xNames = Array.from({ length: model.inputSize }, (_, k) => featureNames[k] ?? `x${k + 1}`);
  const yNames = out.units === 1 ? [model.targetName || "y"] : Array.from({ length: out.units }, (_, j) => `${model.targetName || "y"} = ${model.classes?.[j] ?? j}`);
  ds.set(1, 1, { v: "Data: the inputs the network sees and its targets", style: "title" });
  const dataNotes = [`${n} training rows${data.testX ? " (the test rows are left out)" : ""}.`];
  if (model.scaler) dataNotes.push("Inputs are standardised, (x − mean) / std with the training rows' mean and std, as the network sees them.");
  if (model.classes && out.units === 1) dataNotes.push(`Target 1 means class ${String(model.classes[1])}, 0 class ${String(model.classes[0])}.`);
  else if (model.classes) dataNotes.push("Targets are one-hot: one column per class.");
  ds.set(2, 1, { v: dataNotes.join(" "), style: "note" });
  ds.set(4, 1, { v: "sample", style: "header" });
  xNames.forEach((name, k) => ds.set(4, 2 + k, { v: name, style: "header" }));
  yNames.forEach((name, j) => ds.set(4, 2 + model.inputSize + j, { v: name, style: "header" }));
  for (let i = 0; i < n; i++) {
    ds.set(5 + i, 1, { v: i + 1, style: "label" });
    for (let k = 0; k < model.inputSize; k++) ds.set(5 + i, 2 + k, { v: data.X.data[i * model.inputSize + k], style: "data" });
    for (let j = 0; j < out.units; j++) ds.set(5 + i, 2 + model.inputSize + j, { v: data.Y[i * out.units + j], style: "data" });
  }
  ds.width(1, 8);
  for (let c = 2; c < 2 + model.inputSize + out.units; c++) ds.width(c, 12);
  ds.freeze = { rows: 4, cols: 1 };
  addBlock(book, { name: "X", sheet: DATA, row: 5, col: 2, rows: n, cols: model.inputSize, step: null });
  addBlock(book, { name: "Ydata", sheet: DATA, row: 5, col: 2 + model.inputSize, rows: n, cols: out.units, step: null });

  // ---- parameters
  const ps = sheet(PARAMS);
  ps.set(1, 1, { v: "Parameters: the starting point (change any coloured cell; every sheet follows)", style: "title" });
  const notes: string[] = [];
  if (config.optimizer !== "gd" && !(config.optimizer === "sgd" && !config.batchSize && !config.momentum)) {
    notes.push(`The experiment trains with ${config.optimizer}${config.batchSize ? ` in batches of ${config.batchSize}` : ""}; this workbook computes plain gradient descent on all ${n} rows with the same learning rate.`);
  } else if (config.batchSize && config.batchSize < n) {
    notes.push(`The experiment trains in batches of ${config.batchSize}; this workbook computes gradient descent on all ${n} rows at once.`);
  }
  notes.push(reduction === "mean" ? "Gradients are averaged over the samples (s = 1/n)." : "Gradients are summed over the samples (s = 1).");
  ps.set(2, 1, { v: notes.join(" "), style: "note" });
  const cells = { learningRate: a1(4, 3, true), l2: a1(5, 3, true), l1: a1(6, 3, true), samples: a1(7, 3, true), scale: a1(8, 3, true) };
  ps.set(4, 1, { v: "learning rate η", style: "label" });
  ps.set(4, 3, { v: learningRate, style: "input" });
  ps.set(5, 1, { v: "L2 penalty (alpha)", style: "label" });
  ps.set(5, 3, { v: config.l2 ?? 0, style: "input" });
  ps.set(5, 4, { v: "adds l2/2·ΣW² to the summed loss, s·l2·W to dW", style: "note" });
  ps.set(6, 1, { v: "L1 penalty", style: "label" });
  ps.set(6, 3, { v: config.l1 ?? 0, style: "input" });
  ps.set(6, 4, { v: "adds l1·Σ|W| to the summed loss, s·l1·sign(W) to dW", style: "note" });
  ps.set(7, 1, { v: "samples n", style: "label" });
  ps.set(7, 3, { f: `ROWS(${DATA}!${range(5, 1, 4 + n, 1, true)})`, style: "count" });
  ps.set(8, 1, { v: "gradient scale s", style: "label" });
  ps.set(8, 3, reduction === "mean" ? { f: `1/${cells.samples}`, style: "linked" } : { v: 1, style: "linked" });
  ps.set(8, 4, { v: reduction === "mean" ? "mean reduction: s = 1/n" : "summed gradients: s = 1", style: "note" });
  ps.width(1, 20);
  ps.width(2, 12);
  let row = 10;
  model.layers.forEach((layer, i) => {
    const l = i + 1;
    const { W, b } = layerToJson(layer);
    const inNames = l === 1 ? xNames : Array.from({ length: layer.inputSize }, (_, k) => `A${l - 1}[·,${k}]`);
    ps.set(row, 1, { v: `W${l}: weights into layer ${l} (${layer.activation}), out × in`, style: "heading" });
    inNames.forEach((name, k) => ps.set(row + 1, 3 + k, { v: `from ${name}`, style: "header" }));
    for (let j = 0; j < layer.units; j++) {
      ps.set(row + 2 + j, 2, { v: `neuron ${j}`, style: "label" });
      for (let k = 0; k < layer.inputSize; k++) ps.set(row + 2 + j, 3 + k, { v: W[j][k], style: "input" });
    }
    addBlock(book, { name: `W${l}`, sheet: PARAMS, row: row + 2, col: 3, rows: layer.units, cols: layer.inputSize, step: null });
    row += 3 + layer.units;
    ps.set(row, 1, { v: `b${l}: biases of layer ${l}`, style: "heading" });
    for (let j = 0; j < layer.units; j++) {
      ps.set(row + 1, 3 + j, { v: `neuron ${j}`, style: "header" });
      ps.set(row + 2, 3 + j, { v: b[j], style: "input" });
    }
    addBlock(book, { name: `b${l}`, sheet: PARAMS, row: row + 2, col: 3, rows: 1, cols: layer.units, step: null });
    row += 4;
  });
  for (let c = 3; c < 3 + Math.max(...model.layers.map((l) => Math.max(l.inputSize, l.units))); c++) ps.width(c, 12);

  // ---- forward and backward: the trace's steps
  let number = 0;
  const numbered = new Map<string, number>();
  for (const s of t.steps) if (s.phase !== "given") numbered.set(s.name, ++number);
  const ctx: StepContext = { book, net: model, trace: t, cells, lossName: model.loss };
  stepSheet(ctx, sheet(FORWARD), t.steps.filter((s) => s.phase !== "backward" && s.phase !== "update"), numbered, "Forward pass: one iteration, matrix by matrix");
  stepSheet(ctx, sheet(BACKWARD), t.steps.filter((s) => s.phase === "backward" || s.phase === "update"), numbered, "Backward pass and update: the gradients, then the new parameters");

  // ---- descent
  const descent = descentSheet(ctx, sheet(DESCENT), prepared, iterations);

  const order = [DATA, PARAMS, FORWARD, BACKWARD, DESCENT];
  return { sheets: order.map((s) => book.sheets.get(s)!), blocks: book.blocks, cells, trace: t, descent };
}

interface Book {
  sheets: Map<string, SheetSpec>;
  blocks: Map<string, Block>;
}

interface StepContext {
  book: Book;
  net: Network;
  trace: Trace;
  cells: Layout["cells"];
  lossName: LossName;
}

function addBlock(book: Book, b: Block): void {
  // The parameters sheet's W1 and the forward sheet's copy of it share a name: the copy is "W1",
  // the original is kept under "parameters:W1".
  const key = b.sheet === PARAMS ? `${PARAMS}:${b.name}` : b.sheet === DATA ? `${DATA}:${b.name}` : b.name;
  book.blocks.set(key, b);
}

const cellOf = (b: Block, i: number, j: number, from: string, absolute = false): string => onSheet(b.sheet, from, a1(b.row + i, b.col + j, absolute));
const rowOf = (b: Block, i: number, from: string): string => onSheet(b.sheet, from, range(b.row + i, b.col, b.row + i, b.col + b.cols - 1));
const colOf = (b: Block, j: number, from: string): string => onSheet(b.sheet, from, range(b.row, b.col + j, b.row + b.rows - 1, b.col + j));
const allOf = (b: Block, from: string): string => onSheet(b.sheet, from, range(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1));

const SAMPLE_SHAPED = /^(A\d+|Y|Z\d+|dA\d+|f'\(Z\d+\)|dZ\d+)$/;

/** Lays out one sheet of steps: parameter-shaped blocks in a band on top, sample-shaped below. */
function stepSheet(ctx: StepContext, s: SheetSpec, steps: TraceStep[], numbered: Map<string, number>, title: string): void {
  const { book } = ctx;
  s.set(1, 1, { v: title, style: "title" });
  const mine = steps.filter((x) => numbered.has(x.name));
  s.set(2, 1, { v: "highlight step", style: "label" });
  s.set(2, 2, { v: numbered.get(mine[0].name)!, style: "step" });
  s.set(2, 3, { v: mine.map((x) => `${numbered.get(x.name)} ${x.name}`).join("  ·  ") + "   (type a number: the step turns orange, what it is computed from blue)", style: "note" });
  s.set(3, 1, { v: "Every cell is a formula over the cells it comes from; the formula in the step-by-step notation is written above each block.", style: "note" });
  s.width(1, 11);
  s.freeze = { rows: 3, cols: 0 };

  const top = steps.filter((x) => !SAMPLE_SHAPED.test(x.name));
  const bottom = steps.filter((x) => SAMPLE_SHAPED.test(x.name));
  const bandTop = 5;
  const topRows = Math.max(0, ...top.map((x) => x.value.length));
  const bandBottom = top.length ? bandTop + 2 + topRows + 2 : bandTop;
  const place = (band: TraceStep[], r0: number): void => {
    let col = 2;
    for (const step of band) {
      const rows = step.value.length;
      const cols = step.value[0].length;
      const block: Block = { name: step.name, sheet: s.name, row: r0 + 2, col, rows, cols, step: numbered.get(step.name) ?? null };
      addBlock(book, block);
      const head = block.step === null ? `${step.name}: ${step.title}` : `${block.step}. ${step.name}: ${step.title}`;
      s.set(r0, col, { v: head, style: "name" });
      s.set(r0 + 1, col, { v: step.formula, style: "formula" });
      if (cols > 1) {
        s.merges.push(range(r0, col, r0, col + cols - 1));
        s.merges.push(range(r0 + 1, col, r0 + 1, col + cols - 1));
      }
      for (let c = 0; c < cols; c++) s.width(col + c, cols === 1 ? 22 : cols === 2 ? 12 : 9);
      col += cols + 1;
    }
    s.heights.set(r0, 46);
    s.heights.set(r0 + 1, 46);
  };
  if (top.length) place(top, bandTop);
  if (bottom.length) {
    place(bottom, bandBottom);
    s.set(bandBottom + 1, 1, { v: "sample", style: "header" });
    for (let i = 0; i < ctx.trace.samples; i++) s.set(bandBottom + 2 + i, 1, { v: i + 1, style: "label" });
  }

  // Cells: formulas over the source blocks.
  for (const step of steps) {
    const b = book.blocks.get(step.name)!;
    for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) s.set(b.row + i, b.col + j, { f: stepFormula(ctx, step, i, j, s.name), style: step.phase === "given" ? "linked" : "value" });
  }

  // Highlights: the chosen step orange, the blocks it is computed from (on this sheet) blue.
  const selector = a1(2, 2, true);
  for (const step of steps) {
    const b = book.blocks.get(step.name)!;
    const area = range(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1);
    if (b.step !== null) s.highlights.push({ range: area, formula: `${selector}=${b.step}`, fill: COLORS.result });
    const users = mine.filter((x) => x.inputs.includes(step.name)).map((x) => numbered.get(x.name)!);
    if (users.length) s.highlights.push({ range: area, formula: users.length === 1 ? `${selector}=${users[0]}` : `OR(${users.map((u) => `${selector}=${u}`).join(",")})`, fill: COLORS.source });
  }
}

/** The formula of cell (i, j) of a trace step's block, over its source blocks. */
function stepFormula(ctx: StepContext, step: TraceStep, i: number, j: number, from: string): string {
  const { book, net, cells } = ctx;
  const blk = (name: string): Block => {
    const b = book.blocks.get(name);
    if (!b) throw new Error(`sheet: no block ${name}`);
    return b;
  };
  const P = (c: string): string => onSheet(PARAMS, from, c);
  const L = net.layers.length;
  const name = step.name;
  let m: RegExpMatchArray | null;
  if (name === "A0") return cellOf(blk(`${DATA}:X`), i, j, from);
  if (name === "Y") return cellOf(blk(`${DATA}:Ydata`), i, j, from);
  if ((m = name.match(/^([Wb])(\d+)$/))) return cellOf(blk(`${PARAMS}:${name}`), i, j, from);
  if ((m = name.match(/^Z(\d+)$/))) {
    const l = Number(m[1]);
    return `SUMPRODUCT(${rowOf(blk(`A${l - 1}`), i, from)},${rowOf(blk(`W${l}`), j, from)})+${cellOf(blk(`b${l}`), 0, j, from)}`;
  }
  if ((m = name.match(/^A(\d+)$/))) {
    const l = Number(m[1]);
    const Z = blk(`Z${l}`);
    return activationFormula(net.layers[l - 1].activation, cellOf(Z, i, j, from), rowOf(Z, i, from));
  }
  if (name === "loss") {
    const A = blk(`A${L}`);
    const Y = blk("Y");
    const Ws = net.layers.map((_, k) => allOf(blk(`W${k + 1}`), from));
    return lossFormula(ctx.lossName, [[allOf(A, from), allOf(Y, from)]], net.layers[L - 1].units, Ws, { l2: P(cells.l2), l1: P(cells.l1), n: P(cells.samples) });
  }
  if ((m = name.match(/^dA(\d+)$/))) {
    const l = Number(m[1]);
    if (l === L) return lossGradient(ctx.lossName, cellOf(blk(`A${L}`), i, j, from), cellOf(blk("Y"), i, j, from), net.layers[L - 1].units, P(cells.scale));
    return `MMULT(${rowOf(blk(`dZ${l + 1}`), i, from)},${colOf(blk(`W${l + 1}`), j, from)})`;
  }
  if ((m = name.match(/^f'\(Z(\d+)\)$/))) {
    const l = Number(m[1]);
    return slopeFormula(net.layers[l - 1].activation, cellOf(blk(`Z${l}`), i, j, from), cellOf(blk(`A${l}`), i, j, from));
  }
  if ((m = name.match(/^dZ(\d+)$/))) {
    const l = Number(m[1]);
    if (step.inputs.includes("Y")) return fusedFormula(ctx.lossName, cellOf(blk(`A${l}`), i, j, from), cellOf(blk("Y"), i, j, from), net.layers[l - 1].units, P(cells.scale));
    return `${cellOf(blk(`dA${l}`), i, j, from)}*${cellOf(blk(`f'(Z${l})`), i, j, from)}`;
  }
  if ((m = name.match(/^dW(\d+)$/))) {
    const l = Number(m[1]);
    const W = cellOf(blk(`W${l}`), i, j, from);
    return `SUMPRODUCT(${colOf(blk(`dZ${l}`), i, from)},${colOf(blk(`A${l - 1}`), j, from)})+${P(cells.scale)}*(${P(cells.l2)}*${W}+${P(cells.l1)}*SIGN(${W}))`;
  }
  if ((m = name.match(/^db(\d+)$/))) return `SUM(${colOf(blk(`dZ${m[1]}`), j, from)})`;
  if ((m = name.match(/^([Wb])(\d+)'$/))) {
    const g = blk(`d${m[1]}${m[2]}`);
    return `${cellOf(blk(`${m[1]}${m[2]}`), i, j, from)}-${P(cells.learningRate)}*${cellOf(g, i, j, from)}`;
  }
  throw new Error(`sheet: no formula for step ${name}`);
}

/** f(z) as a formula: the activation's registry entry's. */
function activationFormula(name: ActivationName, z: string, row: string | null): string {
  return activation(name).spreadsheet.value(z, row);
}

function slopeFormula(name: ActivationName, z: string, a: string): string {
  const slope = activation(name).spreadsheet.slope;
  if (!slope) throw new Error(`sheet: no slope for ${name}`);
  return slope(z, a);
}

/** dA[L] = s·∂ℓ/∂A, as the trace shows it: the loss's registry entry's formula. */
function lossGradient(name: LossName, a: string, y: string, m: number, s: string): string {
  return lossOf(name).spreadsheet.gradient(a, y, m, s);
}

/** dZ[L] in the fused form s·(A − Y) (÷ outputs for binary cross-entropy). */
function fusedFormula(name: LossName, a: string, y: string, m: number, s: string): string {
  return `(${a}-${y})${name === "binary-crossentropy" && m > 1 ? `/${m}` : ""}*${s}`;
}

/**
 * The reported loss: (Σℓᵢ + ½·l2·Σ‖W‖² + l1·Σ|W|), divided by n unless the loss reports a sum.
 * `pairs` are (A, Y) ranges of the same shape covering every output.
 */
function lossFormula(name: LossName, pairs: [string, string][], m: number, W: string[], c: { l2: string; l1: string; n: string }): string {
  const sum = (f: (a: string, y: string) => string): string => pairs.map(([a, y]) => `SUMPRODUCT(${f(a, y)})`).join("+");
  const total = lossOf(name).spreadsheet.total(sum, m);
  const penalties = `${c.l2}/2*SUMSQ(${W.join(",")})+${c.l1}*(${W.map((w) => `SUMPRODUCT(ABS(${w}))`).join("+")})`;
  return lossOf(name).reportsSum ? `${total}+${penalties}` : `(${total}+${penalties})/${c.n}`;
}

/** The descent sheet: live formulas for small networks, the engine's values otherwise. */
function descentSheet(ctx: StepContext, s: SheetSpec, prepared: Prepared, iterations: number): DescentLayout {
  const { net, cells } = ctx;
  const { data } = prepared;
  const n = data.X.rows;
  const L = net.layers.length;
  const out = outputLayer(net);
  const names = paramNames(net);
  const classification = taskOf(out.activation) !== "regression";
  const unitsTotal = net.layers.reduce((t, l) => t + l.units, 0);
  const rowCells = n * 3 * unitsTotal + names.length * 2;
  let reason: string | null = null;
  if (names.length > LIVE_MAX_PARAMS) reason = `this network has ${names.length} parameters (live rows are written for up to ${LIVE_MAX_PARAMS})`;
  else if (rowCells > LIVE_MAX_ROW_CELLS) reason = `one iteration over ${n} samples needs ${rowCells.toLocaleString("en")} cells per row (live rows are written for up to ${LIVE_MAX_ROW_CELLS.toLocaleString("en")})`;
  const live = reason === null;

  s.set(1, 1, { v: `Gradient descent, one row per iteration (${iterations} iterations)`, style: "title" });
  s.set(2, 1, {
    v: live
      ? "Row k holds the parameters at the start of iteration k, the loss and accuracy they give, and the gradient; the next row is this row minus η × gradient. Everything is a formula: change η or a starting weight on the parameters sheet and every row follows. The working columns on the right hold each sample's Z, A and dZ."
      : `These rows are values computed by Glassbox's engine (the same full-batch gradient descent), not formulas: ${reason}. The forward and backward sheets still compute the first iteration with live formulas.`,
    style: "para",
  });
  s.merges.push(range(2, 1, 2, 16));
  s.heights.set(2, 48);

  const chartTop = 3;
  const chartRows = 20;
  const F = net.inputSize;
  const M = out.units;
  const dataRow0 = chartTop + chartRows + 1;
  const header = live ? dataRow0 + F + M + 1 : dataRow0;
  const first = header + 1;
  const rows = iterations + 1;
  const shown = live ? names : names.slice(0, VALUES_MAX_PARAMS);
  const paramCols = new Map<string, number>();
  shown.forEach((p, k) => paramCols.set(p, 2 + k));
  const lossCol = 2 + shown.length;
  const accuracyCol = classification ? lossCol + 1 : null;
  s.set(header, 1, { v: "iteration", style: "header" });
  shown.forEach((p) => s.set(header, paramCols.get(p)!, { v: p, style: "header" }));
  s.set(header, lossCol, { v: "loss", style: "header" });
  if (accuracyCol) s.set(header, accuracyCol, { v: "accuracy", style: "header" });
  s.width(1, 9);
  for (let c = 2; c <= (accuracyCol ?? lossCol); c++) s.width(c, 10);
  if (!live && names.length > shown.length) s.set(header - 1, 2, { v: `(the first ${shown.length} of ${names.length} parameters)`, style: "note" });
  for (let k = 0; k < rows; k++) s.set(first + k, 1, { v: k + 1, style: "label" });

  if (live) liveRows(ctx, s, { dataRow0, header, first, rows, paramCols, lossCol, accuracyCol });
  else {
    // The engine's run: the same updates as the formulas would make.
    const net2 = cloneNetwork(net);
    const l2 = prepared.config.l2 ?? 0;
    const l1 = prepared.config.l1 ?? 0;
    const result = train(net2, data, {
      optimizer: "gd",
      epochs: iterations,
      learningRate: prepared.config.learningRate,
      reduction: prepared.config.reduction,
      l2,
      l1,
      paramsAt: Array.from({ length: iterations + 1 }, (_, k) => k),
    });
    const finalEval = evaluate(net2, data.X.data, data.Y, n, l2, l1);
    for (let k = 0; k < rows; k++) {
      const snap = result.snapshots[k];
      const flat = snap ? snap.layers.flatMap((l) => [...l.W.flat(), ...l.b]) : [];
      shown.forEach((p, q) => {
        if (q < flat.length) s.set(first + k, paramCols.get(p)!, { v: flat[q], style: "value" });
      });
      const lossValue = k < result.history.loss.length ? result.history.loss[k] : finalEval.loss;
      const acc = k < result.history.accuracy.length ? result.history.accuracy[k] : finalEval.accuracy;
      s.set(first + k, lossCol, { v: lossValue, style: "value" });
      if (accuracyCol && Number.isFinite(acc)) s.set(first + k, accuracyCol, { v: acc, style: "value" });
    }
  }
  s.freeze = { rows: 0, cols: 1 };

  const col = (c: number): string => `${DESCENT}!${range(first, c, first + rows - 1, c, true)}`;
  const categories = col(1);
  const charted = shown.slice(0, LIVE_MAX_PARAMS);
  const charts: Chart[] = [
    { title: "loss", xTitle: "iteration", yTitle: "loss", categories, series: [{ name: `${DESCENT}!${a1(header, lossCol, true)}`, values: col(lossCol), color: PALETTE.highlight }], at: { col: 0, row: chartTop - 1, cols: 8, rows: chartRows } },
    {
      title: names.length > charted.length ? `the first ${charted.length} parameters` : "parameters",
      xTitle: "iteration",
      yTitle: "value",
      categories,
      series: charted.map((p, q) => ({ name: `${DESCENT}!${a1(header, paramCols.get(p)!, true)}`, values: col(paramCols.get(p)!), color: SERIES[q % SERIES.length] })),
      at: { col: 8, row: chartTop - 1, cols: 10, rows: chartRows },
    },
  ];
  s.charts.push(...charts);
  return { live, reason, firstRow: first, rows, iterationCol: 1, paramCols, lossCol, accuracyCol };
}

interface RowPlan {
  dataRow0: number;
  header: number;
  first: number;
  rows: number;
  paramCols: Map<string, number>;
  lossCol: number;
  accuracyCol: number | null;
}

/** Live rows: parameters, loss, accuracy, gradient, and the working cells of each sample. */
function liveRows(ctx: StepContext, s: SheetSpec, plan: RowPlan): void {
  const { net, cells, book } = ctx;
  const n = ctx.trace.samples;
  const L = net.layers.length;
  const out = outputLayer(net);
  const F = net.inputSize;
  const M = out.units;
  const names = paramNames(net);
  const P = (c: string): string => `${PARAMS}!${c}`;
  const gradStart = (plan.accuracyCol ?? plan.lossCol) + 1;
  const gradCols = new Map<string, number>();
  names.forEach((p, k) => gradCols.set(p, gradStart + k));
  const gap = gradStart + names.length;
  const work0 = gap + 1;
  names.forEach((p) => {
    s.set(plan.header, gradCols.get(p)!, { v: `d${p}`, style: "header" });
    s.width(gradCols.get(p)!, 10);
  });
  s.set(plan.header - 1, gradStart, { v: "gradient: ∂loss/∂parameter (dW = dZᵀ·A + s·(l2·W + l1·sign W), db = Σ dZ)", style: "note" });
  s.width(gap, 16);

  // Working blocks: one column per sample for each unit of Z, A (forward) and dZ (backward).
  const quantities: { key: string; label: string }[] = [];
  net.layers.forEach((layer, i) => {
    for (let j = 0; j < layer.units; j++) quantities.push({ key: `Z${i + 1}_${j}`, label: `Z${i + 1}` });
    for (let j = 0; j < layer.units; j++) quantities.push({ key: `A${i + 1}_${j}`, label: `A${i + 1}` });
  });
  for (let i = L - 1; i >= 0; i--) for (let j = 0; j < net.layers[i].units; j++) quantities.push({ key: `dZ${i + 1}_${j}`, label: `dZ${i + 1}` });
  const qStart = new Map<string, number>();
  quantities.forEach((q, k) => qStart.set(q.key, work0 + k * n));
  const formulas = new Map(ctx.trace.steps.map((x) => [x.name, x.formula]));
  for (const q of quantities) {
    const c0 = qStart.get(q.key)!;
    const unit = q.key.split("_")[1];
    if (unit === "0") s.set(plan.header - 1, c0, { v: formulas.get(q.label) ?? q.label, style: "formula" });
    for (let i = 0; i < n; i++) {
      s.set(plan.header, c0 + i, { v: `${q.label}[${i},${unit}]`, style: "header" });
      s.width(c0 + i, 9);
    }
  }

  // The data, one column per sample, above the working blocks (copied from the data sheet).
  const X = book.blocks.get(`${DATA}:X`)!;
  const Yd = book.blocks.get(`${DATA}:Ydata`)!;
  const xRow = (k: number): number => plan.dataRow0 + k;
  const yRow = (j: number): number => plan.dataRow0 + F + j;
  for (let k = 0; k < F; k++) {
    s.set(xRow(k), gap, { v: `input ${k} (A0)`, style: "label" });
    for (let i = 0; i < n; i++) s.set(xRow(k), work0 + i, { f: cellOf(X, i, k, DESCENT), style: "linked" });
  }
  for (let j = 0; j < M; j++) {
    s.set(yRow(j), gap, { v: `target ${j} (Y)`, style: "label" });
    for (let i = 0; i < n; i++) s.set(yRow(j), work0 + i, { f: cellOf(Yd, i, j, DESCENT), style: "linked" });
  }
  const xRange = (k: number): string => range(xRow(k), work0, xRow(k), work0 + n - 1, true);
  const yRange = (j: number): string => range(yRow(j), work0, yRow(j), work0 + n - 1, true);
  const xCell = (k: number, i: number): string => a1(xRow(k), work0 + i, true);
  const yCell = (j: number, i: number): string => a1(yRow(j), work0 + i, true);

  const eta = P(cells.learningRate);
  const sc = P(cells.scale);
  const l2 = P(cells.l2);
  const l1 = P(cells.l1);
  for (let k = 0; k < plan.rows; k++) {
    const r = plan.first + k;
    const pc = (p: string): string => a1(r, plan.paramCols.get(p)!);
    const q = (key: string, i: number): string => a1(r, qStart.get(key)! + i);
    const qRange = (key: string): string => range(r, qStart.get(key)!, r, qStart.get(key)! + n - 1);
    // Parameters: the parameters sheet's, then the row above minus η × its gradient.
    net.layers.forEach((layer, li) => {
      const l = li + 1;
      const Wp = book.blocks.get(`${PARAMS}:W${l}`)!;
      const bp = book.blocks.get(`${PARAMS}:b${l}`)!;
      for (let j = 0; j < layer.units; j++) {
        for (let c = 0; c < layer.inputSize; c++) {
          const p = `W${l}[${j},${c}]`;
          s.set(r, plan.paramCols.get(p)!, { f: k === 0 ? cellOf(Wp, j, c, DESCENT) : `${a1(r - 1, plan.paramCols.get(p)!)}-${eta}*${a1(r - 1, gradCols.get(p)!)}`, style: "value" });
        }
      }
      for (let j = 0; j < layer.units; j++) {
        const p = `b${l}[${j}]`;
        s.set(r, plan.paramCols.get(p)!, { f: k === 0 ? cellOf(bp, 0, j, DESCENT) : `${a1(r - 1, plan.paramCols.get(p)!)}-${eta}*${a1(r - 1, gradCols.get(p)!)}`, style: "value" });
      }
    });
    // Forward, per sample.
    net.layers.forEach((layer, li) => {
      const l = li + 1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < layer.units; j++) {
          const terms = Array.from({ length: layer.inputSize }, (_, c) => `${pc(`W${l}[${j},${c}]`)}*${l === 1 ? xCell(c, i) : q(`A${l - 1}_${c}`, i)}`);
          s.set(r, qStart.get(`Z${l}_${j}`)! + i, { f: `${pc(`b${l}[${j}]`)}+${terms.join("+")}`, style: "value" });
        }
        for (let j = 0; j < layer.units; j++) {
          const z = q(`Z${l}_${j}`, i);
          let f: string;
          if (layer.activation === "softmax") {
            const zs = Array.from({ length: layer.units }, (_, u) => q(`Z${l}_${u}`, i));
            const max = `MAX(${zs.join(",")})`;
            f = `EXP(${z}-${max})/(${zs.map((zz) => `EXP(${zz}-${max})`).join("+")})`;
          } else f = activationFormula(layer.activation, z, null);
          s.set(r, qStart.get(`A${l}_${j}`)! + i, { f, style: "value" });
        }
      }
    });
    // Backward, per sample.
    const fused = ctx.trace.steps.find((x) => x.name === `dZ${L}`)!.inputs.includes("Y");
    for (let li = L - 1; li >= 0; li--) {
      const layer = net.layers[li];
      const l = li + 1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < layer.units; j++) {
          const a = q(`A${l}_${j}`, i);
          const z = q(`Z${l}_${j}`, i);
          let f: string;
          if (l === L) {
            f = fused ? fusedFormula(ctx.lossName, a, yCell(j, i), M, sc) : `${lossGradient(ctx.lossName, a, yCell(j, i), M, sc)}*${paren(slopeFormula(layer.activation, z, a))}`;
          } else {
            const next = net.layers[li + 1];
            const back = Array.from({ length: next.units }, (_, u) => `${q(`dZ${l + 1}_${u}`, i)}*${pc(`W${l + 1}[${u},${j}]`)}`).join("+");
            f = `(${back})*${paren(slopeFormula(layer.activation, z, a))}`;
          }
          s.set(r, qStart.get(`dZ${l}_${j}`)! + i, { f, style: "value" });
        }
      }
      // Gradients of this layer.
      for (let j = 0; j < layer.units; j++) {
        for (let c = 0; c < layer.inputSize; c++) {
          const p = `W${l}[${j},${c}]`;
          const input = l === 1 ? xRange(c) : qRange(`A${l - 1}_${c}`);
          s.set(r, gradCols.get(p)!, { f: `SUMPRODUCT(${qRange(`dZ${l}_${j}`)},${input})+${sc}*(${l2}*${pc(p)}+${l1}*SIGN(${pc(p)}))`, style: "value" });
        }
        s.set(r, gradCols.get(`b${l}[${j}]`)!, { f: `SUM(${qRange(`dZ${l}_${j}`)})`, style: "value" });
      }
    }
    // Loss and accuracy of this row's parameters.
    const pairs: [string, string][] = Array.from({ length: M }, (_, j) => [qRange(`A${L}_${j}`), yRange(j)]);
    const Ws = net.layers.map((layer, li) => range(r, plan.paramCols.get(`W${li + 1}[0,0]`)!, r, plan.paramCols.get(`W${li + 1}[${layer.units - 1},${layer.inputSize - 1}]`)!));
    s.set(r, plan.lossCol, { f: lossFormula(ctx.lossName, pairs, M, Ws, { l2, l1, n: P(cells.samples) }), style: "value" });
    if (plan.accuracyCol) {
      let f: string;
      if (M === 1) f = `SUMPRODUCT(--((${pairs[0][0]}>0.5)=(${pairs[0][1]}=1)))/${P(cells.samples)}`;
      else {
        // Sample i is right when the target's 1 is at the first largest output (the engine's argmax).
        f = `(${pairs
          .map(([a, y], j) => `SUMPRODUCT(${y}${pairs.map(([b], u) => (u === j ? "" : `*(${a}${u < j ? ">" : ">="}${b})`)).join("")})`)
          .join("+")})/${P(cells.samples)}`;
      }
      s.set(r, plan.accuracyCol, { f, style: "value" });
    }
  }
}

const paren = (f: string): string => (/^[\w$.]+$/.test(f) ? f : `(${f})`);
