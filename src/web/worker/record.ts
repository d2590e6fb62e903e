/**
 * What a session measures at each frame: the loss and accuracy of the train and test sets, kept
 * in its history, and its parameters, kept as the landscape's descent path; both in bounded memory.
 */
import type { Matrix } from "../../core/matrix.ts";
import { emptyHistory, recordEpoch } from "../../nn/history.ts";
import { outputLayer } from "../../nn/network.ts";
import { forward, lossTotal, reportedLoss, type Workspace } from "../../nn/propagation.ts";
import { accuracy, taskOf } from "../../nn/targets.ts";
import type { Session } from "./session.ts";

const MAX_HISTORY = 2000;
const MAX_PATH = 400;

export interface Measured {
  loss: number;
  accuracy: number;
}

export function measure(s: Session, X: Matrix | null, Y: Float64Array | null, ws: Workspace | null): Measured {
  if (!X || !Y || !ws || X.rows === 0) return { loss: NaN, accuracy: NaN };
  const A = forward(s.model, X.data, ws);
  const out = outputLayer(s.model);
  // The data loss alone, as TensorFlow Playground shows it (the penalty is not part of it).
  return { loss: reportedLoss(s.model, lossTotal(s.model, Y, ws), X.rows, 0), accuracy: accuracy(A, Y, X.rows, out.units, taskOf(out.activation)) };
}

/** Past its cap, a record keeps every other entry (and its last), so a long run keeps its shape in bounded memory. */
function thin<T>(items: T[], max: number): T[] {
  return items.length <= max ? items : items.filter((_, i) => i % 2 === 0 || i === items.length - 1);
}

export function remember(s: Session, epoch: number, train: Measured, test: Measured): void {
  const h = s.history;
  if (h.epoch.length > 0 && h.epoch[h.epoch.length - 1] >= epoch) {
    if (h.epoch[h.epoch.length - 1] > epoch) s.history = emptyHistory(!!h.testLoss);
    else return;
  }
  recordEpoch(s.history, { epoch, epochs: Infinity, loss: train.loss, accuracy: train.accuracy, testLoss: s.testWs ? test.loss : null, testAccuracy: s.testWs ? test.accuracy : null });
  const t = s.history;
  if (t.epoch.length > MAX_HISTORY) {
    s.history = { epoch: thin(t.epoch, MAX_HISTORY), loss: thin(t.loss, MAX_HISTORY), accuracy: thin(t.accuracy, MAX_HISTORY), ...(t.testLoss ? { testLoss: thin(t.testLoss, MAX_HISTORY), testAccuracy: thin(t.testAccuracy!, MAX_HISTORY) } : {}) };
  }
  s.path.push({ epoch, params: s.model.params.slice() });
  s.path = thin(s.path, MAX_PATH);
}
