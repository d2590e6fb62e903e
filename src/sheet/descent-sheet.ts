/**
 * The descent sheet: one row per iteration of gradient descent, each from the row above, with
 * the loss and accuracy each row's parameters give and charts of both.
 */
import type { Prepared } from "../experiment/prepare.ts";
import { addSheet, DESCENT, type StepContext } from "./book.ts";
import { range } from "./cells.ts";
import { descentCharts } from "./descent-charts.ts";
import { liveRows } from "./descent-live.ts";
import { planDescent, type DescentLayout } from "./descent-plan.ts";
import { engineRows } from "./descent-values.ts";

/** Live formulas for small networks, the engine's values otherwise. */
export function descentSheet(ctx: StepContext, prepared: Prepared, iterations: number): DescentLayout {
  const s = addSheet(ctx.book, DESCENT);
  const plan = planDescent(ctx.net, prepared.data.X.rows, iterations);
  const { live, reason, names, shown, header, firstRow, rows, iterationCol, paramCols, lossCol, accuracyCol } = plan;

  s.set(1, 1, { v: `Gradient descent, one row per iteration (${iterations} iterations)`, style: "title" });
  s.set(2, 1, {
    v: live
      ? "Row k holds the parameters at the start of iteration k, the loss and accuracy they give, and the gradient; the next row is this row minus η × gradient. Everything is a formula: change η or a starting weight on the parameters sheet and every row follows. The working columns on the right hold each sample's Z, A and dZ."
      : `These rows are values computed by Glassbox's engine (the same full-batch gradient descent), not formulas: ${reason}. The forward and backward sheets still compute the first iteration with live formulas.`,
    style: "para",
  });
  s.merges.push(range(2, 1, 2, 16));
  s.heights.set(2, 48);

  s.set(header, iterationCol, { v: "iteration", style: "header" });
  shown.forEach((p) => s.set(header, paramCols.get(p)!, { v: p, style: "header" }));
  s.set(header, lossCol, { v: "loss", style: "header" });
  if (accuracyCol) s.set(header, accuracyCol, { v: "accuracy", style: "header" });
  s.width(1, 9);
  for (let c = 2; c <= (accuracyCol ?? lossCol); c++) s.width(c, 10);
  if (!live && names.length > shown.length) s.set(header - 1, 2, { v: `(the first ${shown.length} of ${names.length} parameters)`, style: "note" });
  for (let k = 0; k < rows; k++) s.set(firstRow + k, iterationCol, { v: k + 1, style: "label" });

  if (live) liveRows(ctx, s, plan);
  else engineRows(s, prepared, iterations, plan);
  s.freeze = { rows: 0, cols: 1 };
  s.charts.push(...descentCharts(plan));
  return { live, reason, firstRow, rows, iterationCol, paramCols, lossCol, accuracyCol };
}
