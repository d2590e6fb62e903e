import { LEARNING_RATE, type OptimizerEntry } from "./entry.ts";
import type { Optimizer } from "./optimizer.ts";

export interface AdamOptions {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface AdamOptimizer extends Optimizer {
  /** Read at every step; the moments m, v and the step count t are kept when they change. */
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Keras' defaults, written once: the experiment file's, the trainer's and `adam()`'s. */
export const ADAM_DEFAULTS: Readonly<Required<AdamOptions>> = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * Adam as Keras implements it: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * α_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ), θ ← θ − α_t·m/(√v + ε). ε is added to the uncorrected √v (Keras'
 * "epsilon hat"), not to √(v/(1−β₂ᵗ)) as `torch.optim.Adam` does; t counts updates (one per
 * mini-batch), not epochs.
 */
export function adam(size: number, options: AdamOptions = {}): AdamOptimizer {
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  const opt: AdamOptimizer = {
    name: "adam",
    learningRate: options.learningRate ?? ADAM_DEFAULTS.learningRate,
    beta1: options.beta1 ?? ADAM_DEFAULTS.beta1,
    beta2: options.beta2 ?? ADAM_DEFAULTS.beta2,
    epsilon: options.epsilon ?? ADAM_DEFAULTS.epsilon,
    step(params, grad) {
      const { learningRate, beta1, beta2, epsilon } = opt;
      t++;
      const alpha = (learningRate * Math.sqrt(1 - Math.pow(beta2, t))) / (1 - Math.pow(beta1, t));
      for (let i = 0; i < params.length; i++) {
        const g = grad[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        params[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + epsilon);
      }
    },
  };
  return opt;
}

/** `"optimizer": "adam"`: Keras' Adam, one update per mini-batch (per epoch without a batch size). */
export const adamEntry: OptimizerEntry<"adam", Required<AdamOptions>> = {
  name: "adam",
  doc: "Keras' Adam (ε added to the uncorrected √v), one update per mini-batch of `batchSize` (the full batch without it)",
  defaults: ADAM_DEFAULTS,
  fields: [
    LEARNING_RATE,
    { name: "beta1", type: "number", min: 0, max: 1, exclusiveMax: true, doc: "Adam's β₁, the decay of the mean of the gradients (m)" },
    { name: "beta2", type: "number", min: 0, max: 1, exclusiveMax: true, doc: "Adam's β₂, the decay of the mean of their squares (v)" },
    { name: "epsilon", type: "number", min: 0, exclusiveMin: true, doc: "Adam's ε, added to the uncorrected √v (Keras' \"epsilon hat\")" },
  ],
  fullBatchOnly: null,
  create: (size, o) => adam(size, o),
  stateArrays: () => 2, // m and v
};
