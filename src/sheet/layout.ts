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
 * Each sheet is built by its own module; this one checks the network fits and puts them in order.
 */
import { UserError } from "../core/errors.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { outputLayer } from "../nn/network.ts";
import { trace, type Trace } from "../nn/trace.ts";
import { BACKWARD, DATA, DESCENT, FORWARD, PARAMS, type Block, type Book, type ParameterCells, type StepContext } from "./book.ts";
import type { SheetSpec } from "./cells.ts";
import { dataSheet } from "./data-sheet.ts";
import type { DescentLayout } from "./descent-plan.ts";
import { descentSheet } from "./descent-sheet.ts";
import { parametersSheet } from "./parameters-sheet.ts";
import { stepSheets } from "./step-sheet.ts";

export type { Block } from "./book.ts";
export { LIVE_MAX_PARAMS, LIVE_MAX_ROW_CELLS, type DescentLayout } from "./descent-plan.ts";

export interface SheetOptions {
  /** Rows of the descent sheet: gradient-descent iterations (default 200). */
  iterations?: number;
}

export interface Layout {
  sheets: SheetSpec[];
  blocks: Map<string, Block>;
  /** parameters sheet cells: the learning rate, l2, l1, samples and the gradient scale. */
  cells: ParameterCells;
  /** The trace the forward and backward sheets are built from. */
  trace: Trace;
  descent: DescentLayout;
}

/** The forward and backward sheets hold at most this many cells. */
export const MAX_STEP_CELLS = 400_000;

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
  dataSheet(book, prepared);
  const cells = parametersSheet(book, prepared, learningRate, reduction);
  const ctx: StepContext = { book, net: model, trace: t, cells, lossName: model.loss };
  stepSheets(ctx);
  const descent = descentSheet(ctx, prepared, iterations);

  const order = [DATA, PARAMS, FORWARD, BACKWARD, DESCENT];
  return { sheets: order.map((s) => book.sheets.get(s)!), blocks: book.blocks, cells, trace: t, descent };
}
