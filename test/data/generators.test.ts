// Properties of every generator: counts, labels, determinism per seed, seeds that differ.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import type { RngName } from "../../src/core/random.ts";
import { circles, DATASET_NAMES, generateDataset, line, moons, spiral, xor, type LabeledData } from "../../src/data/index.ts";
import { thrown } from "./helpers.ts";

const count = (y: LabeledData["y"], label: number): number => y.filter((v) => v === label).length;
const rngArb = fc.constantFrom<RngName>("glassbox", "numpy");
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const runs = { numRuns: 25 };

describe("every generator", () => {
  it.each(DATASET_NAMES)("%s: right shape, finite, same seed same data, other seed other data", (name) => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 120 }), seedArb, rngArb, (samples, seed, rng) => {
        const options = { samples, seed, rng, noise: 0.1 };
        const a = generateDataset(name, options);
        const b = generateDataset(name, options);
        const c = generateDataset(name, { ...options, seed: seed === 0 ? 1 : seed - 1 });
        const expected = name === "gaussian-groups" ? 200 : samples; // its groups fix the count
        expect(a.X.rows).toBe(expected);
        expect(a.y).toHaveLength(expected);
        expect(a.X.cols).toBe(name === "line" ? 1 : 2);
        expect(a.X.data.every(Number.isFinite)).toBe(true);
        expect(a).toEqual(b);
        expect(Array.from(c.X.data)).not.toEqual(Array.from(a.X.data));
      }),
      runs,
    );
  });

  it("an unknown name is a UserError listing the valid names", () => {
    const e = thrown(() => generateDataset("moon", {}));
    expect(isUserError(e)).toBe(true);
    expect(e.message).toBe(`data.dataset: "moon" is not one of ${DATASET_NAMES.join(", ")}`);
    // the names written out, not read back from the registry: a name dropped or renamed shows here
    expect(DATASET_NAMES).toEqual(["moons", "circles", "blobs", "gaussian-groups", "xor", "spiral", "line", "circle", "gauss", "reg-plane", "reg-gauss"]);
  });

  it("bad options are UserErrors at their field", () => {
    expect(thrown(() => moons({ samples: 2.5 })).message).toBe("data.samples: must be a whole number ≥ 2, got 2.5");
    expect(thrown(() => moons({ noise: -1 })).message).toBe("data.noise: must be a number ≥ 0, got -1");
    expect(thrown(() => circles({ factor: 1 })).message).toBe("data.factor: must be a number in [0, 1), got 1");
    expect(thrown(() => moons({ seed: -3 })).message).toBe("data.seed: must be a whole number in 0..4294967295, got -3");
    expect(thrown(() => generateDataset("blobs", { centers: 0 })).message).toBe("data.centers: must be a whole number ≥ 1, got 0");
    expect(thrown(() => generateDataset("gaussian-groups", { groups: [{ mean: [0, 0], std: [1], count: 3, label: 0 }] })).message)
      .toBe("data.groups[0].std: must be 2 numbers ≥ 0 (one per feature, like mean)");
  });
});

describe("labels", () => {
  it("moons and circles: ⌊n/2⌋ zeros, the rest ones; without noise the points lie on their curves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), seedArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (n, seed, factor) => {
        for (const data of [moons({ samples: n, seed }), circles({ samples: n, seed, factor })]) {
          expect(count(data.y, 0)).toBe(Math.floor(n / 2));
          expect(count(data.y, 1)).toBe(n - Math.floor(n / 2));
        }
        const m = moons({ samples: n, seed });
        const c = circles({ samples: n, seed, factor });
        for (let i = 0; i < n; i++) {
          const [x, y] = [m.X.data[2 * i], m.X.data[2 * i + 1]];
          const r = m.y[i] === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
          expect(r).toBeCloseTo(1, 12);
          expect(Math.hypot(c.X.data[2 * i], c.X.data[2 * i + 1])).toBeCloseTo(c.y[i] === 0 ? 1 : factor, 12);
        }
      }),
      runs,
    );
  });

  it("blobs: labels 0..k−1, sklearn's split of counts (first n mod k centres one more)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 6 }), seedArb, (n, k, seed) => {
        const { y } = generateDataset("blobs", { samples: n, centers: k, seed });
        for (let c = 0; c < k; c++) expect(count(y, c)).toBe(Math.floor(n / k) + (c < n % k ? 1 : 0));
      }),
      runs,
    );
  });

  it("xor without noise: label 1 exactly in the first and third quadrants, points ≥ 0.3 from the axes", () => {
    fc.assert(
      fc.property(seedArb, rngArb, (seed, rng) => {
        const d = xor({ samples: 200, seed, rng });
        for (let i = 0; i < 200; i++) {
          const [a, b] = [d.X.data[2 * i], d.X.data[2 * i + 1]];
          expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.3);
          expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(5.3);
          expect(d.y[i]).toBe(a * b >= 0 ? 1 : 0);
        }
      }),
      runs,
    );
  });

  it("xor with noise flips some labels near the axes but keeps the points", () => {
    const clean = xor({ samples: 500, seed: 4 });
    const noisy = xor({ samples: 500, seed: 4, noise: 0.5 });
    expect(noisy.X).toEqual(clean.X);
    const flipped = clean.y.filter((v, i) => v !== noisy.y[i]).length;
    expect(flipped).toBeGreaterThan(10);
    expect(flipped).toBeLessThan(250);
  });

  it("spiral: first arm label 1, second label 0, the arms half a turn apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), seedArb, (n, seed) => {
        const d = spiral({ samples: n, seed });
        const first = Math.ceil(n / 2);
        expect(d.y.slice(0, first).every((v) => v === 1)).toBe(true);
        expect(d.y.slice(first).every((v) => v === 0)).toBe(true);
        for (let i = 1; i < n - first; i++) {
          // without noise point i of arm 2 is point i of arm 1 turned by π
          expect(d.X.data[2 * (first + i)]).toBeCloseTo(-d.X.data[2 * i], 10);
          expect(d.X.data[2 * (first + i) + 1]).toBeCloseTo(-d.X.data[2 * i + 1], 10);
        }
      }),
      runs,
    );
  });

  it("line: sorted x in [−1.5, 1.5), label 1 exactly inside [−0.5, 0.5] without noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), seedArb, rngArb, (n, seed, rng) => {
        const d = line({ samples: n, seed, rng });
        const x = Array.from(d.X.data);
        expect(x).toEqual([...x].sort((a, b) => a - b));
        x.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(-1.5);
          expect(v).toBeLessThan(1.5);
          expect(d.y[i]).toBe(Math.abs(v) <= 0.5 ? 1 : 0);
        });
      }),
      runs,
    );
  });

  it("line: noise flips about that fraction of labels", () => {
    const clean = line({ samples: 4000, seed: 9 });
    const noisy = line({ samples: 4000, seed: 9, noise: 0.2 });
    expect(noisy.X).toEqual(clean.X);
    const flipped = clean.y.filter((v, i) => v !== noisy.y[i]).length / 4000;
    expect(flipped).toBeGreaterThan(0.17);
    expect(flipped).toBeLessThan(0.23);
  });

  it("gaussian-groups: one label per group, groups in order, each near its mean", () => {
    const groups = [
      { mean: [5, -5], std: [0.01, 0.01], count: 30, label: "a" },
      { mean: [-5, 5], std: [0.01, 0.01], count: 20, label: "b" },
    ];
    const d = generateDataset("gaussian-groups", { groups, seed: 2 });
    expect(d.y).toEqual([...Array(30).fill("a"), ...Array(20).fill("b")]);
    for (let i = 0; i < 50; i++) expect(Math.abs(d.X.data[2 * i] - (i < 30 ? 5 : -5))).toBeLessThan(0.1);
  });
});
