/** createLbfgs: stepping by hand gives minimizeLbfgs's iterates, and a restart is a fresh stepper. */
import { describe, expect, it } from "vitest";
import { createLbfgs, minimizeLbfgs } from "../../src/nn/lbfgs.ts";
import { rosenbrock, rosenbrockStart } from "./objectives.ts";

describe("createLbfgs: L-BFGS one iteration at a time", () => {
  it("iterating by hand visits minimizeLbfgs's iterates, bit for bit, and stops for the same reason", () => {
    for (const [x0, options] of [
      [Float64Array.of(-1.2, 1), { gtol: 1e-9, ftol: 0 }],
      [rosenbrockStart(10), { memory: 3 }],
      [Float64Array.of(-1.2, 1), { maxFun: 37 }],
    ] as const) {
      const seen: number[][] = [];
      const r = minimizeLbfgs(rosenbrock, x0, { ...options, maxIter: 1000, onIteration: (_k, f, x) => void seen.push([f, ...x]) });
      const it = createLbfgs(rosenbrock, x0, options);
      const mine: number[][] = [];
      while (it.iterate()) {
        mine.push([it.f, ...it.x]);
        if (it.stopped) break;
      }
      expect(mine).toEqual(seen);
      expect(it.stopped).toBe(r.reason);
      expect(it.evaluations).toBe(r.evaluations);
      expect(it.iterate()).toBe(false);
    }
  });

  it("restart(x) goes on as a new stepper from x would", () => {
    const it = createLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { gtol: 1e-9, ftol: 0 });
    for (let k = 0; k < 5; k++) it.iterate();
    const from = Float64Array.of(0.3, -0.4);
    it.restart(from);
    const other = createLbfgs(rosenbrock, from, { gtol: 1e-9, ftol: 0 });
    for (let k = 0; k < 8; k++) {
      expect(it.iterate()).toBe(other.iterate());
      expect(Array.from(it.x)).toEqual(Array.from(other.x));
    }
    expect(it.iterations).toBe(13);
  });
});
