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

/** Keras' defaults. */
export const ADAM_DEFAULTS = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/**
 * Adam as Keras implements it: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * α_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ), θ ← θ − α_t·m/(√v + ε).
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
