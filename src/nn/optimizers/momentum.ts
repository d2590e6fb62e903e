import type { Optimizer } from "./optimizer.ts";

/**
 * SGD with momentum, as Keras' SGD: v ← μ·v − η·g; θ ← θ + v,
 * or with Nesterov: θ ← θ + μ·v − η·g (after updating v).
 */
export function momentumDescent(learningRate: number, momentum: number, nesterov: boolean, size: number): Optimizer {
  const v = new Float64Array(size);
  return {
    name: nesterov ? "nesterov" : "momentum",
    step(params, grad) {
      for (let i = 0; i < params.length; i++) {
        const vi = momentum * v[i] - learningRate * grad[i];
        v[i] = vi;
        params[i] += nesterov ? momentum * vi - learningRate * grad[i] : vi;
      }
    },
  };
}
