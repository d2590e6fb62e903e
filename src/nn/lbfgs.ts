/**
 * L-BFGS minimiser of a smooth f: ℝⁿ → ℝ over a flat Float64Array — the solver scikit-learn's
 * `solver="lbfgs"` reaches through scipy's L-BFGS-B (here without bounds).
 *
 * - Direction: the two-loop recursion (Nocedal & Wright, Algorithm 7.4) over the last `memory`
 *   pairs sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ, with the initial Hessian H⁰ = γI, γ = sᵀy / yᵀy (eq. 7.20)
 *   taken from the newest pair.
 * - Step: a line search satisfying the strong Wolfe conditions (eq. 3.7, c1 = 1e-4, c2 = 0.9):
 *   bracketing (Algorithm 3.5) then zoom (Algorithm 3.6), trial steps from cubic / quadratic
 *   interpolation (eqs. 3.57–3.59) kept away from the bracket ends, bisection as the last resort.
 * - Stopping like scipy: max|gᵢ| ≤ gtol, relative reduction of f ≤ ftol, maxIter, maxFun.
 *
 * Safeguards: a pair is dropped when sᵀy ≤ ε·yᵀy (it would make H indefinite); a non-descent
 * direction resets the memory to steepest descent; a failed line search with memory retries once
 * from steepest descent (as L-BFGS-B does); with no memory the first trial step is 1/‖g‖ (scipy's
 * first step), otherwise 1. maxFun is a hard cap: f is never evaluated more often than that.
 *
 * Every work buffer is allocated once up front; an iteration allocates nothing.
 */
import { axpy, dot, scale } from "../core/kernels.ts";

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

// ---------------------------------------------------------------------------------------------
// Line search
// ---------------------------------------------------------------------------------------------

/**
 * φ(α) = f(x + α·d) along a search direction: returns φ(α) and writes φ'(α) = ∇f(x + α·d)ᵀd
 * into `dphi[0]` (a one-element out-parameter, so evaluating allocates nothing).
 */
export type LineFunction = (alpha: number, dphi: Float64Array) => number;

export interface LineSearchParams {
  /** Sufficient-decrease constant (Armijo). */
  c1: number;
  /** Curvature constant; strong Wolfe asks |φ'(α)| ≤ c2·|φ'(0)|. */
  c2: number;
  /** Evaluation budget for this search (scipy's L-BFGS-B gives up after 20). */
  maxEvals: number;
  /**
   * Called right after evaluating a point that becomes the best sufficient-decrease point so far,
   * so a caller can keep that point's gradient for the "armijo" fallback (see LineSearchResult).
   */
  onNewBest?: () => void;
}

export interface LineSearchResult {
  /**
   * "wolfe": α satisfies the strong Wolfe conditions.
   * "armijo": the budget ran out or the bracket collapsed to rounding level; α is the best point
   *   found, which satisfies sufficient decrease but not the curvature condition (scipy's
   *   L-BFGS-B likewise accepts such a step, with a warning, when its bracket gets narrow).
   * "failed": no point with sufficient decrease was found (α = 0).
   * "non-finite": as "failed", and the last trouble was φ or φ' being NaN/±Inf.
   */
  status: "wolfe" | "armijo" | "failed" | "non-finite";
  alpha: number;
  f: number;
  dphi: number;
  evaluations: number;
  /** Whether the last evaluation of φ was at the returned α (else it was at another trial). */
  lastEvaluatedIsResult: boolean;
}

export function createLineSearchResult(): LineSearchResult {
  return { status: "failed", alpha: 0, f: NaN, dphi: NaN, evaluations: 0, lastEvaluatedIsResult: false };
}

/**
 * Minimiser of the cubic interpolating φ and φ' at a and b (N&W eq. 3.59); NaN when the cubic has
 * no local minimum.
 */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  const denom = db - da + 2 * d2;
  if (denom === 0) return NaN;
  return b - (b - a) * ((db + d2 - d1) / denom);
}

/** Minimiser of the quadratic matching φ(a), φ'(a), φ(b) (N&W eq. 3.57); NaN if it is concave. */
function quadraticMinimizer(a: number, fa: number, da: number, b: number, fb: number): number {
  const h = b - a;
  const curvature = (fb - fa - da * h) / (h * h);
  if (!(curvature > 0)) return NaN;
  return a - da / (2 * curvature);
}

function finish(
  out: LineSearchResult,
  status: LineSearchResult["status"],
  alpha: number,
  f: number,
  dphi: number,
  evaluations: number,
  lastEvaluatedIsResult: boolean,
): LineSearchResult {
  out.status = status;
  out.alpha = alpha;
  out.f = f;
  out.dphi = dphi;
  out.evaluations = evaluations;
  out.lastEvaluatedIsResult = lastEvaluatedIsResult;
  return out;
}

/** Out of budget or out of resolution: settle for the best sufficient-decrease point, if any. */
function fallback(
  out: LineSearchResult,
  evaluations: number,
  aLo: number,
  fLo: number,
  dLo: number,
  lastEvaluatedIsLo: boolean,
  lastNonFinite: boolean,
  phi0: number,
  dphi0: number,
): LineSearchResult {
  return aLo > 0
    ? finish(out, "armijo", aLo, fLo, dLo, evaluations, lastEvaluatedIsLo)
    : finish(out, lastNonFinite ? "non-finite" : "failed", 0, phi0, dphi0, evaluations, false);
}

/**
 * Strong Wolfe line search, Nocedal & Wright Algorithm 3.5 (bracketing) + 3.6 (zoom).
 * `phi0`/`dphi0` are φ(0) and φ'(0) < 0; `alphaInit` is the first trial step.
 * Writes into and returns `out` (reusable, so repeated searches allocate nothing).
 *
 * NaN/±Inf values of φ are treated as "step too long": the trial is pulled back halfway toward the
 * last finite point (backtracking) and later trials stay below the smallest bad step.
 */
export function strongWolfeLineSearch(
  phi: LineFunction,
  phi0: number,
  dphi0: number,
  alphaInit: number,
  params: LineSearchParams,
  out: LineSearchResult = createLineSearchResult(),
  scratch: Float64Array = new Float64Array(1),
): LineSearchResult {
  const { c1, c2, maxEvals, onNewBest } = params;
  out.status = "failed";
  out.alpha = 0;
  out.f = phi0;
  out.dphi = dphi0;
  out.evaluations = 0;
  out.lastEvaluatedIsResult = false;
  if (!(dphi0 < 0) || !(alphaInit > 0) || !Number.isFinite(phi0)) return out;

  const curvatureBound = -c2 * dphi0; // strong Wolfe: |φ'(α)| ≤ c2·|φ'(0)|
  let evals = 0;
  let lastNonFinite = false;

  // Best sufficient-decrease point so far (α = 0 until one is found): the zoom's α_lo.
  let aLo = 0;
  let fLo = phi0;
  let dLo = dphi0;
  let lastEvaluatedIsLo = false;
  // (Plain locals and module-level helpers rather than closures: a search allocates nothing.)

  // Zoom bracket: α_lo is (aLo, fLo, dLo) above; α_hi is below. The interval between them holds a
  // strong-Wolfe point. fHi = +Inf marks a hi end where φ was non-finite (interpolation unusable).
  let aHi = 0;
  let fHi = 0;
  let dHi = 0;

  // ---- Algorithm 3.5: grow the step until a bracket [α_lo, α_hi] is found (or Wolfe holds). ----
  let aPrev = 0;
  let fPrev = phi0;
  let dPrev = dphi0;
  let aBad = Infinity; // smallest step seen with non-finite φ
  let a = alphaInit;
  let bracketed = false;
  while (!bracketed) {
    if (evals >= maxEvals) return fallback(out, evals, aLo, fLo, dLo, lastEvaluatedIsLo, lastNonFinite, phi0, dphi0);
    const f = phi(a, scratch);
    const d = scratch[0];
    evals++;
    lastEvaluatedIsLo = false;
    if (!Number.isFinite(f) || !Number.isFinite(d)) {
      // Backtrack: halve the distance to the last finite point.
      lastNonFinite = true;
      aBad = a;
      const next = aPrev + 0.5 * (a - aPrev);
      if (!(next > aPrev) || next === a) {
        return fallback(out, evals, aLo, fLo, dLo, lastEvaluatedIsLo, lastNonFinite, phi0, dphi0);
      }
      a = next;
      continue;
    }
    lastNonFinite = false;
    if (f > phi0 + c1 * a * dphi0 || (aPrev > 0 && f >= fPrev)) {
      // φ went up: a minimiser satisfying strong Wolfe lies in [α_{i-1}, α_i].
      aHi = a;
      fHi = f;
      dHi = d;
      bracketed = true; // α_lo = α_{i-1} is already (aLo, fLo, dLo)
      break;
    }
    if (Math.abs(d) <= curvatureBound) return finish(out, "wolfe", a, f, d, evals, true);
    // α_i satisfies sufficient decrease and beats every earlier trial: it is the new α_lo.
    aLo = a;
    fLo = f;
    dLo = d;
    lastEvaluatedIsLo = true;
    onNewBest?.();
    if (d >= 0) {
      // Slope turned positive: bracket is [α_i, α_{i-1}].
      aHi = aPrev;
      fHi = fPrev;
      dHi = dPrev;
      bracketed = true;
      break;
    }
    // Still descending: extrapolate. Cubic guess kept in [α + 1.1Δ, α + 4Δ] (the Moré–Thuente
    // extrapolation limits) and strictly short of any step known to give NaN.
    const delta = a - aPrev;
    const lower = a + 1.1 * delta;
    const upper = a + 4 * delta;
    let next = cubicMinimizer(aPrev, fPrev, dPrev, a, f, d);
    if (!(next >= lower && next <= upper)) next = upper;
    if (aBad < Infinity) next = Math.min(next, a + 0.5 * (aBad - a));
    if (!(next > a) || !Number.isFinite(next)) {
      return fallback(out, evals, aLo, fLo, dLo, lastEvaluatedIsLo, lastNonFinite, phi0, dphi0);
    }
    aPrev = a;
    fPrev = f;
    dPrev = d;
    a = next;
  }

  // ---- Algorithm 3.6 (zoom): shrink [α_lo, α_hi] until a strong-Wolfe point is hit. ----
  for (;;) {
    if (evals >= maxEvals) return fallback(out, evals, aLo, fLo, dLo, lastEvaluatedIsLo, lastNonFinite, phi0, dphi0);
    const lo = Math.min(aLo, aHi);
    const hi = Math.max(aLo, aHi);
    const width = hi - lo;
    // Steps this close are indistinguishable in floating point; further trials cannot help.
    if (width <= 1e-14 * hi) return fallback(out, evals, aLo, fLo, dLo, lastEvaluatedIsLo, lastNonFinite, phi0, dphi0);

    // Interpolate (cubic using both slopes, then quadratic), rejecting trials within 20% / 10% of
    // an end so the bracket shrinks by a fixed fraction; bisect otherwise.
    let t = NaN;
    if (Number.isFinite(fHi)) {
      t = cubicMinimizer(aLo, fLo, dLo, aHi, fHi, dHi);
      if (!(t > lo + 0.2 * width && t < hi - 0.2 * width)) {
        t = quadraticMinimizer(aLo, fLo, dLo, aHi, fHi);
        if (!(t > lo + 0.1 * width && t < hi - 0.1 * width)) t = NaN;
      }
    }
    if (Number.isNaN(t)) t = 0.5 * (aLo + aHi);

    const f = phi(t, scratch);
    const d = scratch[0];
    evals++;
    lastEvaluatedIsLo = false;
    if (!Number.isFinite(f) || !Number.isFinite(d)) {
      // Non-finite: this end is "too far"; bisect toward α_lo from now on.
      lastNonFinite = true;
      aHi = t;
      fHi = Infinity;
      dHi = NaN;
      continue;
    }
    lastNonFinite = false;
    if (f > phi0 + c1 * t * dphi0 || f >= fLo) {
      aHi = t;
      fHi = f;
      dHi = d;
      continue;
    }
    if (Math.abs(d) <= curvatureBound) return finish(out, "wolfe", t, f, d, evals, true);
    if (d * (aHi - aLo) >= 0) {
      aHi = aLo;
      fHi = fLo;
      dHi = dLo;
    }
    aLo = t;
    fLo = f;
    dLo = d;
    lastEvaluatedIsLo = true;
    onNewBest?.();
  }
}

// ---------------------------------------------------------------------------------------------
// L-BFGS
// ---------------------------------------------------------------------------------------------

/** `fg(x, grad)` writes ∇f(x) into grad and returns f(x). x0 is not modified. */
export function minimizeLbfgs(
  fg: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  options: LbfgsOptions,
): LbfgsResult {
  const n = x0.length;
  const m = Math.max(1, Math.floor(options.memory ?? LBFGS_DEFAULTS.memory));
  const gtol = options.gtol ?? LBFGS_DEFAULTS.gtol;
  const ftol = options.ftol ?? LBFGS_DEFAULTS.ftol;
  const maxFun = Math.max(1, options.maxFun ?? LBFGS_DEFAULTS.maxFun);
  const maxIter = options.maxIter;
  const onIteration = options.onIteration;
  const c1 = 1e-4;
  const c2 = 0.9;
  const lineSearchEvals = 20; // scipy's L-BFGS-B per-search limit

  // ---- all work buffers, allocated once ----
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const d = new Float64Array(n); // search direction
  const xt = new Float64Array(n); // line-search trial point
  const gt = new Float64Array(n); // gradient at the trial point
  const gBest = new Float64Array(n); // gradient at the line search's best Armijo point
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    S.push(new Float64Array(n));
    Y.push(new Float64Array(n));
  }
  const rho = new Float64Array(m);
  const alphas = new Float64Array(m);
  let head = 0; // slot the next pair goes into (ring buffer)
  let stored = 0;
  const lsOut = createLineSearchResult();
  const lsScratch = new Float64Array(1);

  let evaluations = 0;
  let iterations = 0;

  // φ(α) = f(x + α d), φ'(α) = ∇f(x + α d)ᵀ d; the trial lands in xt / gt.
  const phi: LineFunction = (alpha, dphi) => {
    for (let i = 0; i < n; i++) xt[i] = x[i] + alpha * d[i];
    const f = fg(xt, gt);
    evaluations++;
    dphi[0] = dot(gt, d, n);
    return f;
  };
  const lsParams: LineSearchParams = { c1, c2, maxEvals: lineSearchEvals, onNewBest: () => gBest.set(gt) };

  let f = fg(x, g);
  evaluations++;
  const result = (reason: LbfgsResult["reason"]): LbfgsResult => ({
    x,
    f,
    iterations,
    evaluations,
    converged: reason === "gtol" || reason === "ftol",
    reason,
  });
  if (!Number.isFinite(f) || !allFinite(g, n)) return result("non-finite");
  if (maxAbs(g, n) <= gtol) return result("gtol");
  if (iterations >= maxIter) return result("maxIter");
  if (evaluations >= maxFun) return result("maxFun");

  for (;;) {
    // ---- direction: d = −H g by the two-loop recursion (N&W Algorithm 7.4) ----
    let gd = NaN;
    if (stored > 0) {
      for (let i = 0; i < n; i++) d[i] = -g[i];
      // First loop, newest → oldest: q ← q − αᵢ yᵢ with αᵢ = ρᵢ sᵢᵀq (working on d = −q).
      for (let k = 0, j = head; k < stored; k++) {
        j = (j - 1 + m) % m;
        const a = rho[j] * dot(S[j], d, n);
        alphas[j] = a;
        axpy(-a, Y[j], d, n);
      }
      // H⁰ = γI, γ = sᵀy / yᵀy of the newest pair (N&W eq. 7.20).
      const newest = (head - 1 + m) % m;
      scale(d, dot(S[newest], Y[newest], n) / dot(Y[newest], Y[newest], n), n);
      // Second loop, oldest → newest: r ← r + sᵢ(αᵢ − βᵢ), βᵢ = ρᵢ yᵢᵀr.
      for (let k = 0, j = (head - stored + m) % m; k < stored; k++, j = (j + 1) % m) {
        const beta = rho[j] * dot(Y[j], d, n);
        axpy(alphas[j] - beta, S[j], d, n);
      }
      gd = dot(g, d, n);
    }
    // Not a descent direction (rounding, or a poor memory): forget the pairs, go downhill.
    if (!(gd < 0)) {
      stored = 0;
      head = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      gd = dot(g, d, n);
    }

    // First trial step: 1 (the quasi-Newton step), except with no curvature information, where
    // scipy starts at 1/‖d‖ so the first step has unit length.
    const alphaInit = stored === 0 ? Math.min(1, 1 / Math.sqrt(-gd)) : 1;
    lsParams.maxEvals = Math.min(lineSearchEvals, maxFun - evaluations);
    const ls = strongWolfeLineSearch(phi, f, gd, alphaInit, lsParams, lsOut, lsScratch);

    if (ls.status === "failed" || ls.status === "non-finite") {
      if (evaluations >= maxFun) return result("maxFun");
      // Like L-BFGS-B: after a failed search with memory, restart from steepest descent once.
      if (stored > 0) {
        stored = 0;
        head = 0;
        continue;
      }
      return result(ls.status === "non-finite" ? "non-finite" : "line-search-failed");
    }

    // Accept x⁺ = x + α d. The pair goes straight into the ring slot: s = x⁺ − x, y = g⁺ − g.
    const alpha = ls.alpha;
    if (!ls.lastEvaluatedIsResult) {
      for (let i = 0; i < n; i++) xt[i] = x[i] + alpha * d[i];
      gt.set(gBest);
    }
    const s = S[head];
    const y = Y[head];
    for (let i = 0; i < n; i++) {
      s[i] = xt[i] - x[i];
      y[i] = gt[i] - g[i];
    }
    x.set(xt);
    g.set(gt);
    const fOld = f;
    f = ls.f;
    iterations++;

    // Keep the pair only if it carries positive curvature, else H would lose positive-definiteness.
    const sy = dot(s, y, n);
    const yy = dot(y, y, n);
    if (sy > Number.EPSILON * yy) {
      rho[head] = 1 / sy;
      head = (head + 1) % m;
      if (stored < m) stored++;
    }

    const stopByCallback = onIteration?.(iterations, f, x) === false;
    if (maxAbs(g, n) <= gtol) return result("gtol");
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) return result("ftol");
    if (stopByCallback) return result("callback");
    if (iterations >= maxIter) return result("maxIter");
    if (evaluations >= maxFun) return result("maxFun");
  }
}

function maxAbs(v: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(v[i]);
    if (a > m || Number.isNaN(a)) m = a;
  }
  return m;
}

function allFinite(v: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}
