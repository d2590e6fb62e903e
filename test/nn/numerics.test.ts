import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { activation } from "../../src/nn/activations.ts";
import { loss, softplus } from "../../src/nn/losses.ts";

describe("activations stay finite for extreme inputs", () => {
  it("softmax: no overflow for |z| up to 1e4, rows sum to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 6 }), (zs) => {
        const Z = Float64Array.from(zs);
        const A = new Float64Array(zs.length);
        activation("softmax").forward(Z, A, 1, zs.length);
        expect(A.every(Number.isFinite)).toBe(true);
        expect(A.reduce((s, a) => s + a, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("sigmoid and tanh saturate without NaN", () => {
    const Z = Float64Array.from([-1e4, -800, -40, 0, 40, 800, 1e4]);
    for (const name of ["sigmoid", "tanh"] as const) {
      const A = new Float64Array(Z.length);
      activation(name).forward(Z, A, 1, Z.length);
      expect(A.every(Number.isFinite)).toBe(true);
    }
    const A = new Float64Array(Z.length);
    activation("sigmoid").forward(Z, A, 1, Z.length);
    expect(A[0]).toBe(0);
    expect(A[3]).toBe(0.5);
    expect(A[6]).toBe(1);
  });
});

describe("losses are stable near 0 and 1", () => {
  it("binary cross-entropy from logits: finite and exact where σ(z) rounds to 0 or 1", () => {
    const bce = loss("binary-crossentropy");
    const Z = Float64Array.from([-1e4, 1e4, -50, 50]);
    const A = Z.map((z) => 1 / (1 + Math.exp(-z)));
    // Wrong with full confidence: the loss is |z|, not Infinity.
    expect(bce.total(A, Z, Float64Array.from([1, 0, 1, 0]), 4, 1)).toBeCloseTo(1e4 + 1e4 + 50 + 50, 6);
    // Right with full confidence: the loss is e^(−|z|) ≈ 0, not NaN.
    expect(bce.total(A, Z, Float64Array.from([0, 1, 0, 1]), 4, 1)).toBeLessThan(1e-20);
  });

  it("categorical cross-entropy from logits: −log softmax without overflow", () => {
    const cce = loss("categorical-crossentropy");
    const Z = Float64Array.from([1e4, 0, -1e4]);
    const A = new Float64Array(3);
    activation("softmax").forward(Z, A, 1, 3);
    expect(cce.total(A, Z, Float64Array.from([1, 0, 0]), 1, 3)).toBeCloseTo(0, 12);
    expect(cce.total(A, Z, Float64Array.from([0, 0, 1]), 1, 3)).toBeCloseTo(2e4, 6);
  });

  it("softplus equals log(1 + eˣ) where that is finite", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(softplus(x)).toBeCloseTo(Math.log(1 + Math.exp(x)), 10);
      }),
    );
    expect(softplus(1e4)).toBe(1e4);
  });

  it("mse and sse report mean and half-sum", () => {
    const A = Float64Array.from([1, 2, 3, 4]);
    const Y = Float64Array.from([0, 0, 0, 0]);
    expect(loss("mse").total(A, A, Y, 2, 2)).toBe((1 + 4) / 2 + (9 + 16) / 2);
    expect(loss("sse").total(A, A, Y, 2, 2)).toBe((1 + 4 + 9 + 16) / 2);
  });
});
