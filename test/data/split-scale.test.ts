import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromRows, matrix } from "../../src/core/matrix.ts";
import { applyScaler, fitStandardScaler, trainTestSplit } from "../../src/data/index.ts";

describe("trainTestSplit", () => {
  it("partitions the samples: ⌈f·n⌉ test, rows and labels kept together, same seed same split", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom("glassbox" as const, "numpy" as const),
        (n, f, seed, rng) => {
          const X = matrix(n, 2, Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 ? -1 : 1) * Math.floor(k / 2)));
          const y = Array.from({ length: n }, (_, i) => i);
          const s = trainTestSplit({ X, y }, f, seed, rng);
          expect(s.test.y).toHaveLength(Math.ceil(f * n));
          expect([...s.train.y, ...s.test.y].sort((a, b) => (a as number) - (b as number))).toEqual(y);
          s.train.y.forEach((label, k) => {
            expect(s.train.X.data[2 * k]).toBe(label);
            expect(s.trainIndex[k]).toBe(label);
          });
          expect(trainTestSplit({ X, y }, f, seed, rng)).toEqual(s);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("standard scaler", () => {
  it("gives columns of mean 0 and population sd 1; a constant column keeps scale 1", () => {
    const X = fromRows([[1, 5, 10], [2, 5, 20], [3, 5, 60], [6, 5, 10]]);
    const s = fitStandardScaler(X);
    expect(s.mean).toEqual([3, 5, 25]);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(3.5), 14);
    expect(s.scale[1]).toBe(1);
    const Z = applyScaler(X, s);
    for (let j = 0; j < 3; j++) {
      const col = [0, 1, 2, 3].map((i) => Z.data[i * 3 + j]);
      const mean = col.reduce((a, b) => a + b) / 4;
      const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
      expect(mean).toBeCloseTo(0, 14);
      expect(variance).toBeCloseTo(j === 1 ? 0 : 1, 14);
    }
    expect(X.data[0]).toBe(1); // the input is untouched
  });
});
