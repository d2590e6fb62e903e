/** The Moré–Thuente line search on one-dimensional functions: both conditions, NaNs, budgets and warnings. */
import { describe, expect, it } from "vitest";
import { createLineSearchResult, moreThuenteLineSearch, type LineFunction } from "../../src/nn/lbfgs.ts";
import { C1, C2, LS } from "./line-search-constants.ts";

describe("moreThuenteLineSearch", () => {
  it("runs with L-BFGS-B's constants", () => {
    expect(LS.ftol).toBe(C1);
    expect(LS.gtol).toBe(C2);
  });

  /** φ(α) with φ' from a pair of closures. */
  const line = (f: (a: number) => number, df: (a: number) => number): LineFunction => (a, out) => {
    out[0] = df(a);
    return f(a);
  };
  const cases: Array<[string, (a: number) => number, (a: number) => number]> = [
    ["quadratic", (a) => (a - 3) ** 2, (a) => 2 * (a - 3)],
    ["steep quadratic, minimiser at 1e-3", (a) => 1e6 * (a - 1e-3) ** 2, (a) => 2e6 * (a - 1e-3)],
    // Moré–Thuente test function 1: φ(α) = −α/(α² + β), β = 2.
    ["Moré–Thuente 1", (a) => -a / (a * a + 2), (a) => (a * a - 2) / (a * a + 2) ** 2],
    ["quartic", (a) => a ** 4 - 4 * a ** 2 - a, (a) => 4 * a ** 3 - 8 * a - 1],
    ["exp + linear", (a) => Math.exp(-3 * a) + 0.5 * a, (a) => -3 * Math.exp(-3 * a) + 0.5],
  ];
  for (const [name, f, df] of cases) {
    for (const alphaInit of [1e-3, 1, 1e3]) {
      it(`finds a step satisfying both conditions on ${name} from α₀ = ${alphaInit}`, () => {
        const phi0 = f(0);
        const dphi0 = df(0);
        let calls = 0;
        let lastAlpha = NaN;
        const r = moreThuenteLineSearch(
          (a, out) => {
            calls++;
            lastAlpha = a;
            return line(f, df)(a, out);
          },
          phi0,
          dphi0,
          alphaInit,
          LS,
          createLineSearchResult(),
        );
        expect(r.status).toBe("converged");
        expect(r.evaluations).toBe(calls);
        expect(r.evaluations).toBeLessThanOrEqual(LS.maxEvals);
        expect(lastAlpha).toBe(r.alpha);
        expect(r.alpha).toBeGreaterThan(0);
        expect(r.f).toBe(f(r.alpha));
        expect(r.dphi).toBe(df(r.alpha));
        expect(r.f).toBeLessThanOrEqual(phi0 + C1 * r.alpha * dphi0);
        expect(Math.abs(df(r.alpha))).toBeLessThanOrEqual(C2 * Math.abs(dphi0));
      });
    }
  }

  it("accepts the first trial when it already satisfies both conditions", () => {
    // L-BFGS-B relies on this: a quasi-Newton step of 1 costs a single evaluation.
    const r = moreThuenteLineSearch(line((a) => (a - 1) ** 2, (a) => 2 * (a - 1)), 1, -2, 1, LS);
    expect(r).toMatchObject({ status: "converged", alpha: 1, evaluations: 1 });
  });

  it("satisfies a tight curvature condition (gtol = 0.1) by zooming", () => {
    const f = (a: number) => -a / (a * a + 2);
    const df = (a: number) => (a * a - 2) / (a * a + 2) ** 2;
    const r = moreThuenteLineSearch(line(f, df), f(0), df(0), 10, { ...LS, gtol: 0.1, maxEvals: 30 });
    expect(r.status).toBe("converged");
    expect(Math.abs(df(r.alpha))).toBeLessThanOrEqual(0.1 * Math.abs(df(0)));
  });

  it("backtracks from NaN beyond α = 0.5", () => {
    const f = (a: number) => (a > 0.5 ? NaN : (a - 0.4) ** 2);
    const df = (a: number) => (a > 0.5 ? NaN : 2 * (a - 0.4));
    const r = moreThuenteLineSearch(line(f, df), f(0), df(0), 100, LS);
    expect(r.status).toBe("converged");
    expect(r.alpha).toBeLessThanOrEqual(0.5);
    expect(Math.abs(df(r.alpha))).toBeLessThanOrEqual(C2 * Math.abs(df(0)));
  });

  it("refuses a non-descent direction without evaluating", () => {
    let calls = 0;
    const r = moreThuenteLineSearch(
      (a, out) => {
        calls++;
        out[0] = 1;
        return a;
      },
      0,
      1,
      1,
      LS,
    );
    expect(r.status).toBe("failed");
    expect(calls).toBe(0);
  });

  it("fails (rather than settling for a point) when the budget runs out", () => {
    // L-BFGS-B does not accept a step when its 20 evaluations run out: it restarts instead.
    const f = (a: number) => -a / (a * a + 2);
    const df = (a: number) => (a * a - 2) / (a * a + 2) ** 2;
    const r = moreThuenteLineSearch(line(f, df), f(0), df(0), 1e-3, { ...LS, maxEvals: 2 });
    expect(r.status).toBe("failed");
    expect(r.evaluations).toBe(2);
    expect(r.alpha).toBe(0);
  });

  it("settles with a warning at its best point when the bracket shrinks below xtol", () => {
    // Moré–Thuente function 2 with ftol = gtol = 0.1: MINPACK-2 stops with "XTOL TEST SATISFIED"
    // after 7 trials, the last one re-evaluating the best step (see the fixture test).
    const b = 0.004;
    const f = (a: number) => (a + b) ** 5 - 2 * (a + b) ** 4;
    const df = (a: number) => 5 * (a + b) ** 4 - 8 * (a + b) ** 3;
    const r = moreThuenteLineSearch(line(f, df), f(0), df(0), 0.1, { ...LS, ftol: 0.1, gtol: 0.1 });
    expect(r.status).toBe("warning");
    expect(r.evaluations).toBe(7);
    expect(r.f).toBeLessThanOrEqual(f(0) + 0.1 * r.alpha * df(0));
  });
});
