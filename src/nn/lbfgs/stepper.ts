/**
 * L-BFGS one iteration at a time: a direction from the memory, a line search along it, a step,
 * then L-BFGS-B's stopping tests. Every work buffer is allocated when the stepper is made.
 */
import { dot } from "../../core/kernels.ts";
import { LBFGSB_LINE_SEARCH, createLineSearchResult, moreThuenteLineSearch, type LineFunction, type LineSearchParams } from "./line-search.ts";
import { createMemory } from "./memory.ts";
import { LBFGS_DEFAULTS, type LbfgsStepperOptions, type LbfgsStop, type ObjectiveFunction } from "./options.ts";

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
  const memory = createMemory(n, m);
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
      memory.forget();
      sinceStart = 0;
      self.f = fg(x, g);
      self.evaluations++;
      self.stopped = !Number.isFinite(self.f) || !allFinite(g, n) ? "non-finite" : maxAbs(g, n) <= self.gtol ? "gtol" : self.evaluations >= maxFun ? "maxFun" : null;
    },

    iterate(): boolean {
      if (self.stopped !== null) return false;
      for (;;) {
        // ---- direction: d = −H g by the two-loop recursion (N&W Algorithm 7.4) ----
        memory.direction(g, d);
        // Like L-BFGS-B: z = x + d is the unit-step point, and d is re-taken as z − x.
        for (let i = 0; i < n; i++) {
          z[i] = x[i] + d[i];
          d[i] = z[i] - x[i];
        }
        const gd = dot(g, d, n);

        // First trial step: a unit-length step on the very first iteration, else the full step.
        const stpInit = sinceStart === 0 && memory.stored === 0 ? Math.min(1 / Math.sqrt(dot(d, d, n)), lsParams.stpmax) : 1;
        lsParams.maxEvals = Math.min(LBFGSB_LINE_SEARCH.maxEvals, maxFun - self.evaluations);
        const ls = moreThuenteLineSearch(phi, self.f, gd, stpInit, lsParams, lsOut, lsScratch);

        if (ls.status === "failed" || ls.status === "non-finite") {
          if (self.evaluations >= maxFun) {
            self.stopped = "maxFun";
            return false;
          }
          // Like L-BFGS-B: after a failed search with memory, restart from steepest descent.
          if (memory.stored > 0) {
            memory.forget();
            continue;
          }
          self.stopped = ls.status === "non-finite" ? "non-finite" : "line-search-failed";
          return false;
        }

        // Accept x⁺ = x + α d: the line search's last evaluation was there, so it is in xt / gt.
        const stp = ls.alpha;
        const fOld = self.f;
        x.set(xt);
        memory.record(stp, d, gt, g);
        g.set(gt);
        const f = ls.f;
        self.f = f;
        self.iterations++;
        sinceStart++;

        if (maxAbs(g, n) <= self.gtol) self.stopped = "gtol";
        else if (fOld - f <= self.ftol * Math.max(Math.abs(fOld), Math.abs(f), 1)) self.stopped = "ftol";
        else if (self.evaluations >= maxFun) self.stopped = "maxFun";

        // sᵀy and −gᵀs come from the directional derivatives at both ends of the step.
        const sy = stp === 1 ? ls.dphi - gd : (ls.dphi - gd) * stp;
        const minusGs = stp === 1 ? -gd : -gd * stp;
        memory.keep(sy, minusGs);
        return true;
      }
    },
  };
  self.restart();
  return self;
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
