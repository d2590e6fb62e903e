import { LEARNING_RATE, type OptimizerEntry } from "./entry.ts";
import { gradientDescent } from "./gradient-descent.ts";
import { momentumDescent } from "./momentum.ts";

export type SgdOptions = {
  learningRate: number;
  momentum: number;
  nesterov: boolean;
};

/**
 * `"optimizer": "sgd"`: Keras' SGD: plain steps, or with momentum μ (and Nesterov's look-ahead),
 * one update per mini-batch (per epoch without a batch size).
 */
export const sgdEntry: OptimizerEntry<"sgd", SgdOptions> = {
  name: "sgd",
  doc: "Keras' SGD: one step per mini-batch of `batchSize` (the full batch without it), with `momentum` and `nesterov`",
  defaults: { learningRate: 0.01, momentum: 0, nesterov: false },
  fields: [
    LEARNING_RATE,
    { name: "momentum", type: "number", min: 0, max: 1, exclusiveMax: true, doc: "μ, SGD's momentum (Keras' SGD: v ← μ·v − η·g; θ ← θ + v)" },
    { name: "nesterov", type: "boolean", doc: "`true`: Nesterov's look-ahead (with `momentum`)" },
  ],
  fullBatchOnly: null,
  // Without momentum, the plain rule (no velocity to keep); the trainer makes it anew if momentum is switched on.
  create: (size, o) => (o.momentum > 0 || o.nesterov ? momentumDescent(o.learningRate, o.momentum, o.nesterov, size) : gradientDescent(o.learningRate)),
  stateArrays: (o) => (o.momentum > 0 || o.nesterov ? 1 : 0), // the velocity
};
