/**
 * What L-BFGS takes and returns: the objective's shape, the options with scipy's defaults, the
 * result and the reasons it stops.
 */

/** `fg(x, grad)` writes ∇f(x) into grad and returns f(x). */
export type ObjectiveFunction = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIter: number;
  memory?: number;
  gtol?: number;
  ftol?: number;
  maxFun?: number;
  /** Called after each completed iteration k (1-based) with the new loss; return false to stop. */
  onIteration?: (iteration: number, f: number, x: Float64Array) => boolean | void;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: "gtol" | "ftol" | "maxIter" | "maxFun" | "callback" | "line-search-failed" | "non-finite";
}

/** Defaults of scipy.optimize.minimize(method="L-BFGS-B"). */
export const LBFGS_DEFAULTS = {
  memory: 10,
  gtol: 1e-5,
  /** factr = 1e7 times machine epsilon. */
  ftol: 2.220446049250313e-9,
  maxFun: 15000,
} as const;

/** What `createLbfgs` takes: `LbfgsOptions` without the loop's own `maxIter` and callback. */
export type LbfgsStepperOptions = Omit<LbfgsOptions, "maxIter" | "onIteration">;

/** Why an L-BFGS stepper can go no further (the iteration budget is its caller's). */
export type LbfgsStop = Exclude<LbfgsResult["reason"], "maxIter" | "callback">;
