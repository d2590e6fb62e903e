import type { Optimizer } from "./optimizer.ts";

/** θ ← θ − η·g: plain gradient descent (full batch, or one mini-batch at a time). */
export function gradientDescent(learningRate: number): Optimizer {
  return {
    name: "gd",
    step(params, grad) {
      for (let i = 0; i < params.length; i++) params[i] -= learningRate * grad[i];
    },
  };
}
