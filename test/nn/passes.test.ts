/**
 * Batch predictions over many rows (the page's grids) run in passes that fit the fast kernels'
 * memory instead of falling back to the plain kernels, with the same bits as one pass.
 */
import { afterEach, describe, expect, it } from "vitest";
import { matrix } from "../../src/core/matrix.ts";
import { fastKernelsAvailable, maxPlanRows, MlpPlan, setFastKernels, setWorkspaceLimit } from "../../src/core/wasm/mlp.ts";
import { defaultEngine } from "../../src/core/wasm/engine.ts";
import type { ActivationName } from "../../src/nn/activations.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { initialize } from "../../src/nn/init.ts";
import { createModel, type Model } from "../../src/nn/model.ts";
import { passRows, setPassRows } from "../../src/nn/passes.ts";
import { predictOutput } from "../../src/nn/predict.ts";

afterEach(() => {
  setPassRows(null);
  setWorkspaceLimit();
  setFastKernels(true);
});

/** A side × side grid over [−2, 2]², one row per point (what a boundary heatmap predicts). */
function grid(side: number): ReturnType<typeof matrix> {
  const X = matrix(side * side, 2);
  for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) {
    X.data[2 * (i * side + j)] = -2 + (4 * j) / (side - 1);
    X.data[2 * (i * side + j) + 1] = -2 + (4 * i) / (side - 1);
  }
  return X;
}

function model(hidden: [number, ActivationName][], out: [number, ActivationName], seed: number): Model {
  const layers = [...hidden, out].map(([units, activation]) => ({ units, activation }));
  const loss = out[1] === "softmax" ? "categorical-crossentropy" : out[1] === "sigmoid" ? "binary-crossentropy" : "mse";
  const m = createModel({ inputSize: 2, layers, loss, classes: out[1] === "linear" ? null : out[1] === "softmax" ? [0, 1, 2] : [0, 1] });
  initialize(m, { scheme: "he", seed });
  return m;
}

const MODELS: [string, Model][] = [
  ["moons-deep (relu, sigmoid)", model([[25, "relu"], [50, "relu"], [50, "relu"], [25, "relu"]], [1, "sigmoid"], 1)],
  ["tanh, softmax", model([[17, "tanh"], [9, "tanh"]], [3, "softmax"], 2)],
  ["wide relu, linear", model([[64, "relu"]], [2, "linear"], 3)],
];

/** Bitwise equality (so +0 and −0 differ, NaN equals NaN). */
function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** Targets for evaluate: a label per row, as the model's output encodes it. */
function targets(m: Model, n: number): Float64Array {
  const units = m.layers[m.layers.length - 1].units;
  const Y = new Float64Array(n * units);
  for (let i = 0; i < n; i++) {
    if (units === 1) Y[i] = i % 2;
    else if (m.classes) Y[i * units + (i % units)] = 1;
    else for (let k = 0; k < units; k++) Y[i * units + k] = Math.sin(i + k);
  }
  return Y;
}

describe("predictions in passes", () => {
  it.each(MODELS)("%s: any pass size gives the bits of one pass and of the plain kernels", (_name, m) => {
    const X = grid(100);
    const Y = targets(m, X.rows);
    const one = predictOutput(m, X).data;
    const evalOne = evaluate(m, X.data, Y, X.rows, 0.01);
    for (const rows of [7, 1000, 4096, 9999]) {
      setPassRows(rows);
      expect(same(predictOutput(m, X).data, one), `${rows} rows per pass`).toBe(true);
      expect(evaluate(m, X.data, Y, X.rows, 0.01)).toEqual(evalOne);
    }
    const small = grid(30);
    const smallOne = predictOutput(m, small).data;
    setPassRows(1);
    expect(same(predictOutput(m, small).data, smallOne), "1 row per pass").toBe(true);
    setPassRows(null);
    setFastKernels(false);
    expect(same(predictOutput(m, X).data, one), "plain kernels").toBe(true);
    expect(evaluate(m, X.data, Y, X.rows, 0.01)).toEqual(evalOne);
  });

  it.skipIf(!fastKernelsAvailable())("splits a pass too large for the workspace limit into passes that run on the fast kernels", () => {
    const m = MODELS[0][1];
    const X = grid(200);
    const layers = m.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation }));
    const one = predictOutput(m, X).data;
    expect(passRows(m, X.rows)).toBeLessThan(X.rows); // 40,000 rows: more than the 64 MiB a pass aims at

    // A limit that one workspace of all the rows exceeds: it would fall back to the plain kernels.
    // (above what the engine holds already: the workspaces of the tests before this one may still be in it)
    setWorkspaceLimit(defaultEngine().bytesInUse + MlpPlan.bytes(layers, 3000));
    expect(MlpPlan.create(layers, X.rows, true)).toBeNull();
    const rows = passRows(m, X.rows);
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBeLessThanOrEqual(maxPlanRows(layers));
    const plan = MlpPlan.create(layers, rows, true);
    expect(plan).not.toBeNull();
    plan!.free();
    expect(same(predictOutput(m, X).data, one)).toBe(true);

    // Nothing fits: one pass on the plain kernels, still the same bits.
    setWorkspaceLimit(0);
    expect(maxPlanRows(layers)).toBe(0);
    expect(passRows(m, X.rows)).toBe(X.rows);
    expect(same(predictOutput(m, X).data, one)).toBe(true);
  });

  it("keeps small batches in one pass, and handles no rows", () => {
    const m = MODELS[1][1];
    expect(passRows(m, 10_000)).toBe(10_000);
    expect(predictOutput(m, matrix(0, 2)).rows).toBe(0);
    setFastKernels(false);
    expect(maxPlanRows([{ inputSize: 2, units: 3, activation: "relu" }])).toBe(Infinity);
  });
});
