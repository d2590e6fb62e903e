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
 * Every work buffer is allocated once up front; an iteration allocates nothing.
 */
import { axpy, dot } from "../core/kernels.ts";

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

/** Machine epsilon (Fortran's epsilon(1d0)), L-BFGS-B's `epsmch`. */
const EPSMCH = 2.220446049250313e-16;

// ---------------------------------------------------------------------------------------------
// Line search: Moré & Thuente (1994), as MINPACK-2's dcsrch / dcstep
// ---------------------------------------------------------------------------------------------

/**
 * φ(α) = f(x + α·d) along a search direction: returns φ(α) and writes φ'(α) = ∇f(x + α·d)ᵀd
 * into `dphi[0]` (a one-element out-parameter, so evaluating allocates nothing).
 */
export type LineFunction = (alpha: number, dphi: Float64Array) => number;

export interface LineSearchParams {
  /** Sufficient-decrease constant: φ(α) ≤ φ(0) + ftol·α·φ'(0). */
  ftol: number;
  /** Curvature constant: |φ'(α)| ≤ gtol·|φ'(0)|. */
  gtol: number;
  /** Relative width of the bracket below which the search settles for its best point. */
  xtol: number;
  stpmin: number;
  stpmax: number;
  /** Evaluation budget for this search (L-BFGS-B's maxls = 20). */
  maxEvals: number;
}

/** The constants L-BFGS-B passes to dcsrch. */
export const LBFGSB_LINE_SEARCH: Readonly<LineSearchParams> = {
  ftol: 1e-3,
  gtol: 0.9,
  xtol: 0.1,
  stpmin: 0,
  stpmax: 1e10,
  maxEvals: 20,
};

export interface LineSearchResult {
  /**
   * "converged": α satisfies sufficient decrease and the curvature condition (dcsrch CONVERGENCE).
   * "warning": dcsrch stopped with a WARNING (rounding errors prevent progress, the bracket is
   *   narrower than xtol, or α hit stpmax / stpmin); α is its best point, which L-BFGS-B accepts.
   * "failed": the evaluation budget ran out first, or φ'(0) ≥ 0 (then nothing is evaluated).
   * "non-finite": as "failed", and the last evaluation gave NaN/±Inf.
   * On "converged" and "warning", the last evaluation of φ was at the returned α.
   */
  status: "converged" | "warning" | "failed" | "non-finite";
  alpha: number;
  f: number;
  dphi: number;
  evaluations: number;
}

/** dcstep's state: the best step (stx), the other bracket end (sty), the trial (stp). */
interface StepState {
  stx: number;
  fx: number;
  gx: number;
  sty: number;
  fy: number;
  gy: number;
  stp: number;
  brackt: boolean;
}

export interface LineSearchWork extends LineSearchResult {
  /** Internal state of the search (reused so a search allocates nothing). */
  readonly state: StepState;
}

export function createLineSearchResult(): LineSearchWork {
  return {
    status: "failed",
    alpha: 0,
    f: NaN,
    dphi: NaN,
    evaluations: 0,
    state: { stx: 0, fx: 0, gx: 0, sty: 0, fy: 0, gy: 0, stp: 0, brackt: false },
  };
}

/**
 * One safeguarded step of Moré–Thuente (dcstep): given the best point (stx, fx, gx), the other end
 * (sty, fy, gy) and the trial (stp, fp, gp), updates the interval and puts the next trial in
 * st.stp, kept within [stpmin, stpmax] when no minimiser is bracketed yet.
 */
function dcstep(st: StepState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, sty, fy, stp } = st;
  const dx = st.gx;
  const dy = st.gy;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;

  if (fp > fx) {
    // Case 1: higher function value — a minimiser is bracketed. Take the cubic step if it is
    // closer to stx than the quadratic step, else their average.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    st.brackt = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign — bracketed. Take the cubic step if it
    // is farther from stp than the secant step, else the secant step.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    st.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same-sign derivatives, |φ'| decreasing. The cubic step is used only
    // if the cubic tends to infinity in the step's direction or its minimum lies beyond stp.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (st.brackt) {
      // Bracketed: the step closer to stp, but no more than 66% of the way to sty.
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      // Not bracketed: the step farther from stp, within [stpmin, stpmax].
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (st.brackt) {
    // Case 4: lower value, same-sign derivatives, |φ'| not decreasing, bracketed: the cubic
    // step between stp and sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    // Case 4, not bracketed: go to the end of the allowed range.
    stpf = stp > stx ? stpmax : stpmin;
  }

  // Update the interval that contains a minimiser.
  if (fp > fx) {
    st.sty = stp;
    st.fy = fp;
    st.gy = dp;
  } else {
    if (sgnd < 0) {
      st.sty = stx;
      st.fy = fx;
      st.gy = dx;
    }
    st.stx = stp;
    st.fx = fp;
    st.gx = dp;
  }
  st.stp = stpf;
}

/**
 * Moré–Thuente line search (MINPACK-2 dcsrch), driving φ directly instead of by reverse
 * communication. `phi0`/`dphi0` are φ(0) and φ'(0) < 0; `stpInit` ∈ [stpmin, stpmax] is the
 * first trial. Writes into and returns `out` (reusable, so repeated searches allocate nothing).
 *
 * NaN/±Inf at a trial (not part of dcsrch): the trial is pulled back halfway toward the best point
 * so far, and the step bound drops to that pulled-back step.
 */
export function moreThuenteLineSearch(
  phi: LineFunction,
  phi0: number,
  dphi0: number,
  stpInit: number,
  params: LineSearchParams,
  out: LineSearchWork = createLineSearchResult(),
  scratch: Float64Array = new Float64Array(1),
): LineSearchWork {
  const { ftol, gtol, xtol, stpmin, maxEvals } = params;
  let stpmax = params.stpmax;
  out.status = "failed";
  out.alpha = 0;
  out.f = phi0;
  out.dphi = dphi0;
  out.evaluations = 0;
  if (!(dphi0 < 0) || !(stpInit >= stpmin && stpInit <= stpmax) || !Number.isFinite(phi0)) return out;

  // dcsrch's initialisation ('START').
  const st = out.state;
  let brackt = false;
  let stage = 1;
  const finit = phi0;
  const ginit = dphi0;
  const gtest = ftol * ginit;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  st.stx = 0;
  st.fx = finit;
  st.gx = ginit;
  st.sty = 0;
  st.fy = finit;
  st.gy = ginit;
  st.brackt = false;
  let stmin = 0;
  let stmax = stpInit + 4 * stpInit;
  let stp = stpInit;
  let evals = 0;

  for (;;) {
    if (evals >= maxEvals) return out; // status "failed" or "non-finite" as last set
    const f = phi(stp, scratch);
    const g = scratch[0];
    evals++;
    out.evaluations = evals;
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      out.status = "non-finite";
      const next = st.stx + 0.5 * (stp - st.stx);
      if (next === stp || next === st.stx) return out; // no representable step left in between
      if (stp > st.stx) stpmax = Math.min(stpmax, next);
      stp = next;
      continue;
    }
    out.status = "failed";

    // Stage 2 starts once a step gives ψ(α) ≤ 0 with φ'(α) ≥ 0.
    const ftest = finit + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;

    // Warnings (each ends the search at the current trial, which is the best point when the
    // bracket has collapsed: see "further progress is not possible" below).
    let done = false;
    if (brackt && (stp <= stmin || stp >= stmax)) done = true; // rounding errors prevent progress
    if (brackt && stmax - stmin <= xtol * stmax) done = true; // xtol test satisfied
    if (stp === stpmax && f <= ftest && g <= gtest) done = true; // stp = stpmax
    if (stp === stpmin && (f > ftest || g >= gtest)) done = true; // stp = stpmin
    const converged = f <= ftest && Math.abs(g) <= gtol * -ginit;
    if (converged || done) {
      out.status = converged ? "converged" : "warning";
      out.alpha = stp;
      out.f = f;
      out.dphi = g;
      return out;
    }

    // In stage 1, while a lower value without sufficient decrease has been found, step on the
    // modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0) instead.
    st.stp = stp;
    st.brackt = brackt;
    if (stage === 1 && f <= st.fx && f > ftest) {
      st.fx -= st.stx * gtest;
      st.fy -= st.sty * gtest;
      st.gx -= gtest;
      st.gy -= gtest;
      dcstep(st, f - stp * gtest, g - gtest, stmin, stmax);
      st.fx += st.stx * gtest;
      st.fy += st.sty * gtest;
      st.gx += gtest;
      st.gy += gtest;
    } else {
      dcstep(st, f, g, stmin, stmax);
    }
    brackt = st.brackt;
    stp = st.stp;

    // Bisect when the bracket has not shrunk enough over the last two steps.
    if (brackt) {
      if (Math.abs(st.sty - st.stx) >= 0.66 * width1) stp = st.stx + 0.5 * (st.sty - st.stx);
      width1 = width;
      width = Math.abs(st.sty - st.stx);
    }
    // Range for the next step: the bracket, or an extrapolation window.
    if (brackt) {
      stmin = Math.min(st.stx, st.sty);
      stmax = Math.max(st.stx, st.sty);
    } else {
      stmin = stp + 1.1 * (stp - st.stx);
      stmax = stp + 4 * (stp - st.stx);
    }
    stp = Math.max(stp, stpmin);
    stp = Math.min(stp, stpmax);
    // If no further progress is possible, the last trial is the best point so far.
    if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax)) stp = st.stx;
  }
}

// ---------------------------------------------------------------------------------------------
// L-BFGS
// ---------------------------------------------------------------------------------------------

/** `fg(x, grad)` writes ∇f(x) into grad and returns f(x). */
export type ObjectiveFunction = (x: Float64Array, grad: Float64Array) => number;

/** What `createLbfgs` takes: `LbfgsOptions` without the loop's own `maxIter` and callback. */
export type LbfgsStepperOptions = Omit<LbfgsOptions, "maxIter" | "onIteration">;

/** Why an L-BFGS stepper can go no further (the iteration budget is its caller's). */
export type LbfgsStop = Exclude<LbfgsResult["reason"], "maxIter" | "callback">;

/**
 * L-BFGS one iteration at a time, keeping its memory, line-search state and evaluation count
 * between calls: `minimizeLbfgs` is a loop over `iterate()`, and a resumable trainer can stop
 * and go on between any two iterations with the same iterates.
 */
export interface LbfgsStepper {
  /** The current iterate (the stepper's own buffer: read it, do not write it). */
  readonly x: Float64Array;
  /** f(x) and ∇f(x) at the current iterate. */
  readonly f: number;
  readonly g: Float64Array;
  /** Completed iterations and f evaluations since the stepper was made. */
  readonly iterations: number;
  readonly evaluations: number;
  /** Why it stopped, or null while another iteration may follow. */
  readonly stopped: LbfgsStop | null;
  /** Stopping thresholds, read at every iteration (they may be changed between iterations). */
  gtol: number;
  ftol: number;
  /**
   * One iteration: a direction, a line search, a step. Returns true when x moved (then `stopped`
   * may have become "gtol", "ftol" or "maxFun" at the new point), false when no step was taken
   * (`stopped` says why; a stopped stepper does nothing).
   */
  iterate(): boolean;
  /**
   * Starts afresh from x0 (default: the current x), as if newly made: the memory is forgotten
   * and f, ∇f are evaluated again (for an edited point or a changed objective). The evaluation
   * count goes on, so `maxFun` bounds the whole run.
   */
  restart(x0?: ArrayLike<number>): void;
}

/** An L-BFGS stepper from x0 (copied; not modified). Evaluates f(x0) once. */
export function createLbfgs(fg: ObjectiveFunction, x0: ArrayLike<number>, options: LbfgsStepperOptions = {}): LbfgsStepper {
  const n = x0.length;
  const m = Math.max(1, Math.floor(options.memory ?? LBFGS_DEFAULTS.memory));
  const maxFun = Math.max(1, options.maxFun ?? LBFGS_DEFAULTS.maxFun);

  // ---- all work buffers, allocated once ----
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const d = new Float64Array(n); // search direction
  const z = new Float64Array(n); // x + d: the unit-step point (L-BFGS-B evaluates it as is)
  const xt = new Float64Array(n); // line-search trial point
  const gt = new Float64Array(n); // gradient at the trial point
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
  let theta = 1; // B⁰ = θI (L-BFGS-B's theta): yᵀy / sᵀy of the newest pair
  let sinceStart = 0; // iterations since the start (or the last restart)
  const lsParams: LineSearchParams = { ...LBFGSB_LINE_SEARCH };
  const lsOut = createLineSearchResult();
  const lsScratch = new Float64Array(1);

  // φ(α) = f(x + α d), φ'(α) = ∇f(x + α d)ᵀ d; the trial lands in xt / gt.
  const phi: LineFunction = (alpha, dphi) => {
    if (alpha === 1) xt.set(z);
    else for (let i = 0; i < n; i++) xt[i] = alpha * d[i] + x[i];
    const f = fg(xt, gt);
    self.evaluations++;
    dphi[0] = dot(gt, d, n);
    return f;
  };

  const forget = (): void => {
    stored = 0;
    head = 0;
    theta = 1;
  };

  const self = {
    x,
    f: NaN,
    g,
    iterations: 0,
    evaluations: 0,
    stopped: null as LbfgsStop | null,
    gtol: options.gtol ?? LBFGS_DEFAULTS.gtol,
    ftol: options.ftol ?? LBFGS_DEFAULTS.ftol,

    restart(from?: ArrayLike<number>): void {
      if (from !== undefined) x.set(from);
      forget();
      sinceStart = 0;
      self.f = fg(x, g);
      self.evaluations++;
      self.stopped = !Number.isFinite(self.f) || !allFinite(g, n) ? "non-finite" : maxAbs(g, n) <= self.gtol ? "gtol" : self.evaluations >= maxFun ? "maxFun" : null;
    },

    iterate(): boolean {
      if (self.stopped !== null) return false;
      for (;;) {
        // ---- direction: d = −H g by the two-loop recursion (N&W Algorithm 7.4) ----
        for (let i = 0; i < n; i++) d[i] = -g[i];
        let gd = NaN;
        if (stored > 0) {
          // First loop, newest → oldest: q ← q − αᵢ yᵢ with αᵢ = ρᵢ sᵢᵀq (working on d = −q).
          for (let k = 0, j = head; k < stored; k++) {
            j = (j - 1 + m) % m;
            const a = rho[j] * dot(S[j], d, n);
            alphas[j] = a;
            axpy(-a, Y[j], d, n);
          }
          // H⁰ = I/θ.
          for (let i = 0; i < n; i++) d[i] /= theta;
          // Second loop, oldest → newest: r ← r + sᵢ(αᵢ − βᵢ), βᵢ = ρᵢ yᵢᵀr.
          for (let k = 0, j = (head - stored + m) % m; k < stored; k++, j = (j + 1) % m) {
            const beta = rho[j] * dot(Y[j], d, n);
            axpy(alphas[j] - beta, S[j], d, n);
          }
          gd = dot(g, d, n);
          // Not a descent direction (rounding, or a poor memory): forget the pairs, go downhill.
          if (!(gd < 0)) {
            forget();
            for (let i = 0; i < n; i++) d[i] = -g[i];
          }
        }
        // Like L-BFGS-B: z = x + d is the unit-step point, and d is re-taken as z − x.
        for (let i = 0; i < n; i++) {
          z[i] = x[i] + d[i];
          d[i] = z[i] - x[i];
        }
        gd = dot(g, d, n);

        // First trial step: a unit-length step on the very first iteration, else the full step.
        const stpInit = sinceStart === 0 && stored === 0 ? Math.min(1 / Math.sqrt(dot(d, d, n)), lsParams.stpmax) : 1;
        lsParams.maxEvals = Math.min(LBFGSB_LINE_SEARCH.maxEvals, maxFun - self.evaluations);
        const ls = moreThuenteLineSearch(phi, self.f, gd, stpInit, lsParams, lsOut, lsScratch);

        if (ls.status === "failed" || ls.status === "non-finite") {
          if (self.evaluations >= maxFun) {
            self.stopped = "maxFun";
            return false;
          }
          // Like L-BFGS-B: after a failed search with memory, restart from steepest descent.
          if (stored > 0) {
            forget();
            continue;
          }
          self.stopped = ls.status === "non-finite" ? "non-finite" : "line-search-failed";
          return false;
        }

        // Accept x⁺ = x + α d: the line search's last evaluation was there, so it is in xt / gt.
        const stp = ls.alpha;
        const fOld = self.f;
        x.set(xt);
        const s = S[head];
        const y = Y[head];
        for (let i = 0; i < n; i++) {
          y[i] = gt[i] - g[i];
          s[i] = stp === 1 ? d[i] : stp * d[i];
        }
        g.set(gt);
        const f = ls.f;
        self.f = f;
        self.iterations++;
        sinceStart++;

        if (maxAbs(g, n) <= self.gtol) self.stopped = "gtol";
        else if (fOld - f <= self.ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) self.stopped = "ftol";
        else if (self.evaluations >= maxFun) self.stopped = "maxFun";

        // Keep the pair unless its curvature sᵀy is tiny next to −gᵀs (L-BFGS-B's test); sᵀy comes
        // from the directional derivatives at both ends of the step.
        const sy = stp === 1 ? ls.dphi - gd : (ls.dphi - gd) * stp;
        const minusGs = stp === 1 ? -gd : -gd * stp;
        if (sy > EPSMCH * minusGs) {
          rho[head] = 1 / sy;
          theta = dot(y, y, n) / sy;
          head = (head + 1) % m;
          if (stored < m) stored++;
        }
        return true;
      }
    },
  };
  self.restart();
  return self;
}

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
