/** minimizeLbfgs on test problems: convergence, scipy's iterates, the accepted steps and every way it stops. */
import { describe, expect, it } from "vitest";
import { minimizeLbfgs } from "../../src/nn/lbfgs.ts";
import { C1, C2 } from "./line-search-constants.ts";
import { quadraticAround, rosenbrock, rosenbrockStart, spdMatrix } from "./objectives.ts";

function maxAbsDiff(a: Float64Array, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function dotArr(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe("minimizeLbfgs", () => {
  it("finds the minimiser of a convex quadratic in a few more than n iterations", () => {
    // Line-search steps are inexact, so there is no n-step termination; scipy's L-BFGS-B takes
    // the same 8 / 11 / 10 iterations on these problems.
    for (const n of [2, 5, 8]) {
      const xStar = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 2 - 0.5);
      const fg = quadraticAround(spdMatrix(n), xStar);
      const r = minimizeLbfgs(fg, new Float64Array(n), { maxIter: 100, gtol: 1e-7, ftol: 0 });
      expect(r.reason).toBe("gtol");
      expect(maxAbsDiff(r.x, xStar)).toBeLessThan(1e-6);
      expect(r.iterations).toBeLessThanOrEqual(n + 6);
    }
  });

  it("follows scipy's L-BFGS-B iterates on a quadratic", () => {
    // f after each iteration from scipy 1.10.1 minimize(method="L-BFGS-B"), same problems, x0 = 0.
    const reference: Record<number, number[]> = {
      2: [-2.1591758982413345, -2.4593481162771904, -2.5299606125047482, -2.538238485435409,
        -2.538240174310901, -2.538240178872298, -2.538240178877142],
      8: [-1.8087624972730545, -3.694039977783948, -5.823258148122107, -8.472209529799622,
        -9.50444067346984, -9.526349842675538, -9.537165520173554, -9.537248160482255, -9.537249176785645],
    };
    for (const n of [2, 8]) {
      const xStar = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 2 - 0.5);
      const fs: number[] = [];
      minimizeLbfgs(quadraticAround(spdMatrix(n), xStar), new Float64Array(n), {
        maxIter: reference[n].length,
        gtol: 0,
        ftol: 0,
        onIteration: (_k, f) => {
          fs.push(f);
        },
      });
      expect(fs.length).toBe(reference[n].length);
      fs.forEach((f, k) => expect(Math.abs(f - reference[n][k])).toBeLessThan(1e-12 * Math.abs(f)));
    }
  });

  it("solves 2-D Rosenbrock from (−1.2, 1)", () => {
    const r = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 200, gtol: 1e-9, ftol: 0 });
    expect(r.converged).toBe(true);
    expect(r.f).toBeLessThan(1e-10);
    expect(maxAbsDiff(r.x, [1, 1])).toBeLessThan(1e-5);
    expect(r.iterations).toBeLessThan(60);
  });

  it("solves 10-D Rosenbrock from (−1.2, 1, …), with default and short memory", () => {
    for (const memory of [10, 3]) {
      const r = minimizeLbfgs(rosenbrock, rosenbrockStart(10), { maxIter: 500, memory, gtol: 1e-9, ftol: 0 });
      expect(r.converged).toBe(true);
      expect(r.f).toBeLessThan(1e-10);
      expect(maxAbsDiff(r.x, new Array(10).fill(1))).toBeLessThan(1e-5);
    }
  });

  it("stops on scipy's defaults (gtol 1e-5, ftol 2.2e-9) with a converged reason", () => {
    const r = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 15000 });
    expect(r.converged).toBe(true);
    expect(["gtol", "ftol"]).toContain(r.reason);
    expect(r.f).toBeLessThan(1e-8);
  });

  it("accepts only steps that satisfy the Moré–Thuente conditions (sufficient decrease 1e-3, curvature 0.9)", () => {
    for (const [fg, x0] of [
      [rosenbrock, Float64Array.of(-1.2, 1)],
      [rosenbrock, rosenbrockStart(10)],
      [quadraticAround(spdMatrix(6), Float64Array.of(1, -2, 3, 0.5, 0, 4)), new Float64Array(6)],
    ] as const) {
      const n = x0.length;
      const points: Float64Array[] = [Float64Array.from(x0)];
      const fs: number[] = [fg(x0, new Float64Array(n))];
      const r = minimizeLbfgs(fg, x0, {
        maxIter: 500,
        gtol: 1e-9,
        ftol: 0,
        onIteration: (_k, f, x) => {
          points.push(Float64Array.from(x));
          fs.push(f);
        },
      });
      expect(r.converged).toBe(true);
      expect(points.length).toBe(r.iterations + 1);
      const g0 = new Float64Array(n);
      const g1 = new Float64Array(n);
      const s = new Float64Array(n);
      for (let k = 1; k < points.length; k++) {
        const f0 = fg(points[k - 1], g0);
        const f1 = fg(points[k], g1);
        expect(f1).toBe(fs[k]);
        for (let i = 0; i < n; i++) s[i] = points[k][i] - points[k - 1][i];
        // In terms of the step s = α·d: f(x+s) ≤ f(x) + ftol·gᵀs and |g(x+s)ᵀs| ≤ gtol·|gᵀs|.
        const gs0 = dotArr(g0, s);
        const gs1 = dotArr(g1, s);
        expect(gs0).toBeLessThan(0);
        const slack = 1e-12 * Math.max(1, Math.abs(f0));
        expect(f1).toBeLessThanOrEqual(f0 + C1 * gs0 + slack);
        expect(Math.abs(gs1)).toBeLessThanOrEqual(C2 * Math.abs(gs0) * (1 + 1e-9) + 1e-300);
      }
    }
  });

  it("lets the callback stop at iteration 3", () => {
    const seen: number[] = [];
    const r = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), {
      maxIter: 100,
      onIteration: (k, f) => {
        seen.push(k);
        expect(Number.isFinite(f)).toBe(true);
        return k < 3;
      },
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(r.iterations).toBe(3);
    expect(r.reason).toBe("callback");
    expect(r.converged).toBe(false);
  });

  it("stops at maxIter", () => {
    const r = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIter: 5 });
    expect(r.iterations).toBe(5);
    expect(r.reason).toBe("maxIter");
  });

  it("never evaluates f more than maxFun times", () => {
    for (const maxFun of [1, 2, 7, 25]) {
      let calls = 0;
      const r = minimizeLbfgs(
        (x, g) => {
          calls++;
          return rosenbrock(x, g);
        },
        Float64Array.of(-1.2, 1),
        { maxIter: 1000, maxFun, gtol: 1e-12, ftol: 0 },
      );
      expect(calls).toBe(r.evaluations);
      expect(calls).toBeLessThanOrEqual(maxFun);
      expect(r.reason).toBe("maxFun");
      // The reported f belongs to the reported x.
      expect(rosenbrock(r.x, new Float64Array(2))).toBe(r.f);
    }
  });

  it("does not modify x0 and returns a fresh x", () => {
    const x0 = Float64Array.of(-1.2, 1, 0.5);
    const r = minimizeLbfgs(rosenbrock, x0, { maxIter: 50 });
    expect(Array.from(x0)).toEqual([-1.2, 1, 0.5]);
    expect(r.x).not.toBe(x0);
  });

  it("returns immediately when x0 already satisfies gtol", () => {
    let calls = 0;
    const r = minimizeLbfgs(
      (x, g) => {
        calls++;
        return rosenbrock(x, g);
      },
      Float64Array.of(1, 1),
      { maxIter: 10 },
    );
    expect(r).toMatchObject({ iterations: 0, evaluations: 1, reason: "gtol", converged: true, f: 0 });
    expect(calls).toBe(1);
  });

  it("backtracks out of a region where f is NaN and still converges", () => {
    // f = Σ (xᵢ − log xᵢ), minimum n at x = 1; log of a negative number is NaN. From x = 10 the
    // quasi-Newton step overshoots far past 0, so the line search has to shrink out of the NaNs.
    let nanCalls = 0;
    const fg = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        f += x[i] - Math.log(x[i]);
        g[i] = 1 - 1 / x[i];
      }
      if (Number.isNaN(f)) nanCalls++;
      return f;
    };
    const r = minimizeLbfgs(fg, Float64Array.of(10, 10, 10), { maxIter: 100, gtol: 1e-9, ftol: 0 });
    expect(nanCalls).toBeGreaterThan(0);
    expect(r.converged).toBe(true);
    expect(maxAbsDiff(r.x, [1, 1, 1])).toBeLessThan(1e-6);
    expect(r.f).toBeCloseTo(3, 10);
  });

  it("reports non-finite when f(x0) is not finite", () => {
    const r = minimizeLbfgs((_x, g) => (g.fill(0), NaN), Float64Array.of(1), { maxIter: 10 });
    expect(r.reason).toBe("non-finite");
    expect(r.converged).toBe(false);
  });

  it("reports non-finite when every step away from x is NaN", () => {
    // f = x below x = 0 (slope 1), NaN at any x < 0: no descent step is finite.
    const r = minimizeLbfgs(
      (x, g) => {
        g[0] = 1;
        return x[0] >= 0 ? x[0] : NaN;
      },
      Float64Array.of(0),
      { maxIter: 10 },
    );
    expect(r.reason).toBe("non-finite");
    expect(r.x[0]).toBe(0);
    expect(r.evaluations).toBeLessThanOrEqual(21);
  });
});
