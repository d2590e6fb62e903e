/** The descent rows of a network too large for live formulas: the engine's own run, as values. */
import type { Prepared } from "../experiment/prepare.ts";
import { evaluate } from "../nn/evaluate.ts";
import { cloneNetwork } from "../nn/network.ts";
import { train } from "../nn/train.ts";
import type { SheetSpec } from "./cells.ts";
import type { DescentPlan } from "./descent-plan.ts";

export function engineRows(s: SheetSpec, prepared: Prepared, iterations: number, plan: DescentPlan): void {
  const { data } = prepared;
  const { firstRow: first, rows, shown, paramCols, lossCol, accuracyCol } = plan;
  // The engine's run: the same updates as the formulas would make.
  const net2 = cloneNetwork(prepared.model);
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
  const finalEval = evaluate(net2, data.X.data, data.Y, data.X.rows, l2, l1);
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
