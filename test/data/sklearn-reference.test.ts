// Our generators, split and scaler with rng "numpy" against scikit-learn's own output
// (test/fixtures/datasets-reference.json, written by scripts/reference/datasets.py).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRows } from "../../src/core/matrix.ts";
import { applyScaler, blobs, circles, fitStandardScaler, gaussianGroups, moons, parseCsvData, trainTestSplit } from "../../src/data/index.ts";
import { expectMatrixClose, maxRelativeError, reference } from "./helpers.ts";

const cases = reference.datasets;

describe("generators reproduce scikit-learn with rng numpy", () => {
  it.each([
    ["moons-1000", () => moons({ samples: 1000, noise: 0.2, seed: 100, rng: "numpy" })],
    ["moons-50", () => moons({ samples: 50, noise: 0.1, seed: 3, rng: "numpy" })],
    ["circles-400", () => circles({ samples: 400, noise: 0.08, factor: 0.4, seed: 3, rng: "numpy" })],
    ["blobs-300", () => blobs({ samples: 300, centers: 3, std: 1.2, seed: 7, rng: "numpy" })],
    ["gaussian-groups-article", () => gaussianGroups({ seed: 1, rng: "numpy" })],
  ] as const)("%s", (name, generate) => {
    const data = generate();
    expectMatrixClose(data.X, cases[name].X, 1e-12);
    expect(data.y).toEqual(cases[name].y);
  });
});

describe("trainTestSplit", () => {
  it("takes sklearn's indices: RandomState(42).permutation(1000), test first", () => {
    const { n, testSize, seed } = reference.split;
    const X = fromRows(Array.from({ length: n }, (_, i) => [i]));
    const y = Array.from({ length: n }, (_, i) => i);
    const s = trainTestSplit({ X, y }, testSize, seed, "numpy");
    expect(Array.from(s.testIndex)).toEqual(reference.split.test);
    expect(Array.from(s.trainIndex)).toEqual(reference.split.train);
    expect(s.test.y).toEqual(reference.split.test);
    expect(Array.from(s.train.X.data)).toEqual(reference.split.train);
  });

  it("moons(1000, 0.2, seed 100) split(0.1, seed 42) is examples/data/moons.csv", () => {
    const text = readFileSync(new URL("../../examples/data/moons.csv", import.meta.url), "utf8");
    const csv = parseCsvData(text, { target: "y", splitColumn: "split" }, "moons.csv");
    const data = moons({ samples: 1000, noise: 0.2, seed: 100, rng: "numpy" });
    const { train, test } = trainTestSplit(data, 0.1, 42, "numpy");
    expect(train.X.rows).toBe(900);
    expect(test.X.rows).toBe(100);
    expect(maxRelativeError(train.X.data, csv.train.X.data)).toBeLessThanOrEqual(1e-15);
    expect(maxRelativeError(test.X.data, csv.test!.X.data)).toBeLessThanOrEqual(1e-15);
    expect(train.y).toEqual(csv.train.y);
    expect(test.y).toEqual(csv.test!.y);
  });
});

describe("standard scaler matches sklearn's StandardScaler", () => {
  it.each(Object.keys(reference.scalers))("%s", (name) => {
    const ref = reference.scalers[name];
    const X = fromRows(ref.X);
    const scaler = fitStandardScaler(X);
    expect(maxRelativeError(scaler.mean, ref.mean)).toBeLessThanOrEqual(1e-12);
    expect(maxRelativeError(scaler.scale, ref.scale)).toBeLessThanOrEqual(1e-12);
    expectMatrixClose(applyScaler(X, scaler), ref.transformed, 1e-9);
  });
});
