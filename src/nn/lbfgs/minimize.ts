/** `minimizeLbfgs`: the stepper run to a stop, with L-BFGS-B's order of tests and scipy's result. */
import type { LbfgsOptions, LbfgsResult, ObjectiveFunction } from "./options.ts";
import { createLbfgs } from "./stepper.ts";

/** `fg(x, grad)` writes ∇f(x) into grad and returns f(x). x0 is not modified. */
export function minimizeLbfgs(fg: ObjectiveFunction, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const maxIter = options.maxIter;
  const onIteration = options.onIteration;
  const it = createLbfgs(fg, x0, options);
  const result = (reason: LbfgsResult["reason"]): LbfgsResult => ({
    x: it.x,
    f: it.f,
    iterations: it.iterations,
    evaluations: it.evaluations,
    converged: reason === "gtol" || reason === "ftol",
    reason,
  });
  // The order of L-BFGS-B's tests: at x0, a bad start or a small gradient, then the budgets;
  // after each iteration, convergence, then the callback, then the budgets.
  if (it.stopped === "non-finite" || it.stopped === "gtol") return result(it.stopped);
  if (it.iterations >= maxIter) return result("maxIter");
  if (it.stopped !== null) return result(it.stopped);
  for (;;) {
    if (!it.iterate()) return result(it.stopped!);
    const stopByCallback = onIteration?.(it.iterations, it.f, it.x) === false;
    if (it.stopped === "gtol" || it.stopped === "ftol") return result(it.stopped);
    if (stopByCallback) return result("callback");
    if (it.iterations >= maxIter) return result("maxIter");
    if (it.stopped !== null) return result(it.stopped);
  }
}
