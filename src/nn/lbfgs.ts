/**
 * L-BFGS minimiser of a smooth f: ℝⁿ → ℝ over a flat Float64Array — the solver scikit-learn's
 * `solver="lbfgs"` reaches through scipy's L-BFGS-B. This is L-BFGS-B with no bounds, step for
 * step: for an unconstrained problem it produces the same iterates as scipy (up to rounding).
 *
 * - Direction: d = −H∇f by the two-loop recursion (Nocedal & Wright, Algorithm 7.4) over the last
 *   `memory` pairs s = α·d, y = ∇f₊ − ∇f, with H⁰ = I/θ, θ = yᵀy / sᵀy of the newest pair. For
 *   no bounds this equals L-BFGS-B's compact-form subspace step (Byrd, Lu, Nocedal & Zhu 1995).
 *   A pair is skipped when sᵀy ≤ ε·(−gᵀs) (L-BFGS-B's rule, ε = machine epsilon), with sᵀy taken
 *   from the directional derivatives: sᵀy = α·(∇f₊ᵀd − ∇fᵀd).
 * - Step: the Moré–Thuente line search (MINPACK-2 dcsrch/dcstep) with L-BFGS-B's constants:
 *   sufficient decrease f(α) ≤ f(0) + 1e-3·α·φ'(0), curvature |φ'(α)| ≤ 0.9·|φ'(0)|, xtol 0.1,
 *   step bounds [0, 1e10], at most 20 evaluations. First trial step 1/‖d‖ on the very first
 *   iteration (a unit-length steepest-descent step), 1 afterwards.
 * - Stopping like L-BFGS-B: max|gᵢ| ≤ gtol (at x0 and after each iteration), relative reduction
 *   (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol, maxIter, maxFun (a hard cap here: f is never
 *   evaluated more often than that, whereas scipy only checks it between iterations).
 * - A line search that fails (20 evaluations without an acceptable step) with a non-empty memory
 *   discards the memory and retries from steepest descent; with an empty memory it stops
 *   ("line-search-failed", scipy's ABNORMAL_TERMINATION_IN_LNSRCH). A direction that is not
 *   downhill likewise resets the memory.
 *
 * Beyond L-BFGS-B: a trial step where f or its gradient is NaN/±Inf is treated as "too long": the
 * step is pulled back halfway toward the best point of the search and later trials stay below it.
 *
 * Every work buffer is allocated once up front; an iteration allocates nothing. The parts, in
 * ./lbfgs/: the options and results (options.ts), the memory and its two-loop recursion
 * (memory.ts), the line search (line-search.ts, over dcstep.ts), the stepper (stepper.ts) and the
 * loop that runs it to a stop (minimize.ts).
 */
export { LBFGS_DEFAULTS, type LbfgsOptions, type LbfgsResult, type LbfgsStepperOptions, type LbfgsStop, type ObjectiveFunction } from "./lbfgs/options.ts";
export {
  createLineSearchResult,
  LBFGSB_LINE_SEARCH,
  moreThuenteLineSearch,
  type LineFunction,
  type LineSearchParams,
  type LineSearchResult,
  type LineSearchWork,
} from "./lbfgs/line-search.ts";
export { createLbfgs, type LbfgsStepper } from "./lbfgs/stepper.ts";
export { minimizeLbfgs } from "./lbfgs/minimize.ts";
