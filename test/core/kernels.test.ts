/**
 * The plain kernels (src/core/kernels.ts) against naive references, on random shapes including
 * sizes of 0 and 1, odd sizes, and inputs with many exact zeros (which some kernels skip).
 * Sums are compared exactly where the reference adds in the same order, else to 1e-12.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GlassboxRandom } from "../../src/core/random.ts";
import { addRowVector, axpy, columnSums, dot, map, matmulAB, matmulABt, matmulAtB, multiply, scale, sumOfSquares } from "../../src/core/kernels.ts";
import { shapeFields } from "./random-cases.ts";

/** Random values, about `zeros` of them exactly 0 (and some −0). */
function values(rng: GlassboxRandom, length: number, zeros: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const u = rng.random();
    out[i] = u < zeros ? (u < zeros / 4 ? -0 : 0) : rng.normal() * 3;
  }
  return out;
}

/** Σ_p a(p)·b(p) in increasing p, from +0: the order every kernel promises. */
function naiveSum(length: number, term: (p: number) => number): number {
  let s = 0;
  for (let p = 0; p < length; p++) s += term(p);
  return s;
}

const shape = fc.record(shapeFields({ n: [0, 13], k: [0, 11], m: [0, 12] }, [0, 0.3, 0.7, 1]));

function same(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    // +0 and −0 compare equal here: skipping an exact zero term may turn a −0 sum into +0.
    if (actual[i] !== expected[i]) expect({ index: i, value: actual[i] }).toEqual({ index: i, value: expected[i] });
  }
}

describe("plain kernels against naive loops", () => {
  it("matmulABt: out = A·Bᵀ", () => {
    fc.assert(
      fc.property(shape, ({ n, k, m, zeros, seed }) => {
        const rng = new GlassboxRandom(seed);
        const A = values(rng, n * k, zeros);
        const B = values(rng, m * k, zeros);
        const out = new Float64Array(n * m).fill(NaN);
        matmulABt(A, B, out, n, k, m);
        const ref = new Float64Array(n * m);
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ref[i * m + j] = naiveSum(k, (p) => A[i * k + p] * B[j * k + p]);
        same(out, ref);
      }),
      { numRuns: 300 },
    );
  });

  it("matmulAB: out = A·B", () => {
    fc.assert(
      fc.property(shape, ({ n, k, m, zeros, seed }) => {
        const rng = new GlassboxRandom(seed);
        const A = values(rng, n * k, zeros);
        const B = values(rng, k * m, zeros);
        const out = new Float64Array(n * m).fill(NaN);
        matmulAB(A, B, out, n, k, m);
        const ref = new Float64Array(n * m);
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ref[i * m + j] = naiveSum(k, (p) => A[i * k + p] * B[p * m + j]);
        same(out, ref);
      }),
      { numRuns: 300 },
    );
  });

  it("matmulAtB: out = Aᵀ·B, summed over samples in order", () => {
    fc.assert(
      fc.property(shape, ({ n, k, m, zeros, seed }) => {
        const rng = new GlassboxRandom(seed);
        const A = values(rng, n * k, zeros);
        const B = values(rng, n * m, zeros);
        const out = new Float64Array(k * m).fill(NaN);
        matmulAtB(A, B, out, n, k, m);
        const ref = new Float64Array(k * m);
        for (let p = 0; p < k; p++) for (let j = 0; j < m; j++) ref[p * m + j] = naiveSum(n, (i) => A[i * k + p] * B[i * m + j]);
        same(out, ref);
      }),
      { numRuns: 300 },
    );
  });

  it("addRowVector and columnSums", () => {
    fc.assert(
      fc.property(shape, ({ n, m, zeros, seed }) => {
        const rng = new GlassboxRandom(seed);
        const A = values(rng, n * m, zeros);
        const b = values(rng, m, zeros);
        const out = A.slice();
        addRowVector(out, b, n, m);
        same(out, A.map((v, idx) => v + b[idx % m]));
        const sums = new Float64Array(m).fill(NaN);
        columnSums(A, sums, n, m);
        same(sums, Float64Array.from({ length: m }, (_, j) => naiveSum(n, (i) => A[i * m + j])));
      }),
      { numRuns: 200 },
    );
  });

  it("element-wise kernels and reductions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.double({ min: -4, max: 4, noNaN: true }), (len, seed, alpha) => {
        const rng = new GlassboxRandom(seed);
        const a = values(rng, len, 0.3);
        const b = values(rng, len, 0.3);
        const out = new Float64Array(len);
        map(a, out, (v) => v * 2 + 1);
        same(out, a.map((v) => v * 2 + 1));
        multiply(a, b, out);
        same(out, a.map((v, i) => v * b[i]));
        const y = b.slice();
        axpy(alpha, a, y);
        same(y, b.map((v, i) => v + alpha * a[i]));
        const x = a.slice();
        scale(x, alpha);
        same(x, a.map((v) => v * alpha));
        expect(dot(a, b)).toBe(naiveSum(len, (i) => a[i] * b[i]));
        expect(sumOfSquares(a)).toBe(naiveSum(len, (i) => a[i] * a[i]));
      }),
      { numRuns: 200 },
    );
  });
});
