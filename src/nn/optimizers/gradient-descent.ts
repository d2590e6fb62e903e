import { LEARNING_RATE, type OptimizerEntry } from "./entry.ts";
import type { Optimizer } from "./optimizer.ts";

/** θ ← θ − η·g: plain gradient descent (full batch, or one mini-batch at a time). */
export function gradientDescent(learningRate: number): Optimizer {
  const opt: Optimizer = {
    name: "gd",
    learningRate,
    step(params, grad) {
      const lr = opt.learningRate;
      for (let i = 0; i < params.length; i++) params[i] -= lr * grad[i];
    },
  };
  return opt;
}

/**
 * `"optimizer": "gd"`: the walkthroughs' loop, one plain step on the full batch per epoch. It takes
 * no momentum: Keras and scikit-learn put momentum on SGD, and `"sgd"` without a batch size is the
 * full batch too.
 */
export const gdEntry: OptimizerEntry<"gd", { learningRate: number }> = {
  name: "gd",
  doc: "full-batch gradient descent, θ ← θ − η·g once per epoch (the walkthroughs' loop; for momentum use `sgd`, which without `batchSize` is the full batch too)",
  defaults: { learningRate: 0.01 },
  fields: [LEARNING_RATE],
  fullBatchOnly: '"gd" is full-batch gradient descent; for mini-batches use "optimizer": "sgd" (or "adam") with this batchSize',
  create: (_size, o) => gradientDescent(o.learningRate),
  stateArrays: () => 0,
};
