/** deepenCreases: P(predicted class) keeps its valley's true depth between grid points. */
import { describe, expect, it } from "vitest";
import { linspace } from "../../src/data/linspace.ts";
import { createModel } from "../../src/nn/model.ts";
import { deepenCreases } from "../../src/viz/3d/crease.ts";
import { runForward } from "../../src/viz/model-data.ts";

/** Two softmax outputs with logits ±s·(x₁ − c): the classes meet on the line x₁ = c, where each has probability 1/2. */
function sharpBoundary(s: number, c: number) {
  const model = createModel({ inputSize: 2, layers: [{ units: 2, activation: "softmax" }], loss: "categorical-crossentropy", classes: [0, 1] });
  model.layers[0].W.set([s, 0, -s, 0]);
  model.layers[0].b.set([-s * c, s * c]);
  return model;
}

function heights(model: ReturnType<typeof sharpBoundary>, xs: number[], ys: number[]) {
  const X = new Float64Array(xs.length * ys.length * 2);
  ys.forEach((y, j) => xs.forEach((x, i) => X.set([x, y], 2 * (i + j * xs.length))));
  const out = runForward(model, X, xs.length * ys.length).A[0];
  const z = new Float64Array(xs.length * ys.length);
  for (let q = 0; q < z.length; q++) z[q] = Math.max(out[2 * q], out[2 * q + 1]);
  return { out, z };
}

describe("deepenCreases", () => {
  it("gives the two grid points either side of a boundary the height where the classes meet", () => {
    const xs = linspace(-1, 1, 10);
    const ys = linspace(-1, 1, 4);
    const model = sharpBoundary(40, 0.05);
    const { out, z } = heights(model, xs, ys);
    // Sampled at the grid points alone, the valley is missed: every point is nearly certain.
    expect(Math.min(...z)).toBeGreaterThan(0.99);
    deepenCreases(model, xs, ys, out, 2, z);
    for (let j = 0; j < ys.length; j++)
      for (let i = 0; i < xs.length; i++) {
        const beside = i === 4 || i === 5; // xs[4] < 0.05 < xs[5]
        if (beside) expect(z[i + j * xs.length]).toBeCloseTo(0.5, 12);
        else expect(z[i + j * xs.length]).toBeGreaterThan(0.99);
      }
  });

  it("changes nothing where one class wins everywhere", () => {
    const xs = linspace(-1, 1, 6);
    const model = sharpBoundary(40, 5);
    const { out, z } = heights(model, xs, xs);
    const before = Float64Array.from(z);
    deepenCreases(model, xs, xs, out, 2, z);
    expect(z).toEqual(before);
  });
});
