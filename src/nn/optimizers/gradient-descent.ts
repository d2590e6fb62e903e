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
