/** Loss and accuracy of a network on already-scaled inputs and encoded targets. */
import { outputLayer, type Network } from "./network.ts";
import { createWorkspace, disposeWorkspace, forward, lossTotal, reportedLoss } from "./propagation.ts";
import { accuracy, taskOf } from "./targets.ts";

export interface Evaluation {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

/** The loss includes the penalties when l2 or l1 is positive, as training reports it. */
export function evaluate(net: Network, X: Float64Array, Y: Float64Array, n: number, l2 = 0, l1 = 0): Evaluation {
  const ws = createWorkspace(net, n, { lean: true });
  const A = forward(net, X, ws);
  const out = outputLayer(net);
  const result = { loss: reportedLoss(net, lossTotal(net, Y, ws), n, l2, l1), accuracy: accuracy(A, Y, n, out.units, taskOf(out.activation)) };
  disposeWorkspace(ws);
  return result;
}
