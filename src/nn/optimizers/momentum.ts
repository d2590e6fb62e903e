import type { Optimizer } from "./optimizer.ts";

export interface MomentumOptimizer extends Optimizer {
  /** μ and Nesterov's look-ahead; the velocity is kept when they change. */
  momentum: number;
  nesterov: boolean;
}

/**
 * SGD with momentum, as Keras' SGD: v ← μ·v − η·g; θ ← θ + v,
 * or with Nesterov: θ ← θ + μ·v − η·g (after updating v).
 */
export function momentumDescent(learningRate: number, momentum: number, nesterov: boolean, size: number): MomentumOptimizer {
  const v = new Float64Array(size);
  const opt: MomentumOptimizer = {
    get name() {
      return opt.nesterov ? "nesterov" : "momentum";
    },
    learningRate,
    momentum,
    nesterov,
    step(params, grad) {
      const lr = opt.learningRate;
      const mu = opt.momentum;
      const nesterov = opt.nesterov;
      for (let i = 0; i < params.length; i++) {
        const vi = mu * v[i] - lr * grad[i];
        v[i] = vi;
        params[i] += nesterov ? mu * vi - lr * grad[i] : vi;
      }
    },
  };
  return opt;
}
