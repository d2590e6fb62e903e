/** Loss and accuracy of a network on already-scaled inputs and encoded targets. */
import { outputLayer, type Network } from "./network.ts";
import { loss as lossOf } from "./losses.ts";
import { forwardOutput } from "./passes.ts";
import { reportedLoss } from "./propagation.ts";
import { accuracy, taskOf } from "./targets.ts";

export interface Evaluation {
  loss: number;
  /** NaN for regression. */
  accuracy: number;
}

/** The loss includes the penalties when l2 or l1 is positive, as training reports it. */
export function evaluate(net: Network, X: Float64Array, Y: Float64Array, n: number, l2 = 0, l1 = 0): Evaluation {
  // Forward in passes that fit the fast kernels' memory; the loss is summed over all rows at once
  // (as one pass would), so the result is the same bits.
  const { Z, A } = forwardOutput(net, X, n);
  const out = outputLayer(net);
  const total = lossOf(net.loss).total(A, Z, Y, n, out.units);
  return { loss: reportedLoss(net, total, n, l2, l1), accuracy: accuracy(A, Y, n, out.units, taskOf(out.activation)) };
}
