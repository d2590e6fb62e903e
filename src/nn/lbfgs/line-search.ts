/**
 * The Moré–Thuente line search (1994), as MINPACK-2's dcsrch drives dcstep, with L-BFGS-B's
 * constants; a trial where f or its slope is not finite is pulled back instead of failing.
 */
import { dcstep, type StepState } from "./dcstep.ts";

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
