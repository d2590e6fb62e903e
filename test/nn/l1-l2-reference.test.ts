/**
 * train.l1 and train.l2 against NumPy: a few epochs of full-batch gradient descent with both
 * penalties, computed independently by scripts/reference/l1_l2.py (fixture committed; no Python here).
 * Also: the trace shows the same loss and gradient, and the experiment file carries train.l1 through.
 */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../src/core/matrix.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import type { LossName } from "../../src/nn/losses.ts";
import { createNetwork, type LayerSpec } from "../../src/nn/network.ts";
import { trace } from "../../src/nn/trace.ts";
import { train } from "../../src/nn/train.ts";
import { fixture, flatLayers, maxRelativeError, ROOT } from "../helpers.ts";

interface Case {
  name: string;
  layers: LayerSpec[];
  loss: LossName;
  reduction: "mean" | "sum";
  learningRate: number;
  l1: number;
  l2: number;
  epochs: number;
  Y: number[][];
  init: { W: number[][]; b: number[] }[];
  losses: number[];
  final: { W: number[][]; b: number[] }[];
}
const ref = fixture<{ X: number[][]; cases: Case[] }>("l1-l2-reference.json");
const X = fromRows(ref.X);

describe("L1 and L2 penalties against NumPy (gd)", () => {
  for (const c of ref.cases) {
    const net = () => createNetwork(2, c.layers, c.loss, Float64Array.from(flatLayers(c.init)));
    const Y = Float64Array.from(c.Y.flat());

    it(`${c.name}: every epoch's loss and the final parameters`, () => {
      const n = net();
      const r = train(n, { X, Y }, { optimizer: "gd", learningRate: c.learningRate, epochs: c.epochs, reduction: c.reduction, l1: c.l1, l2: c.l2 });
      expect(maxRelativeError(r.history.loss, c.losses)).toBeLessThan(1e-12);
      expect(maxRelativeError(n.params, flatLayers(c.final))).toBeLessThan(1e-12);
      // Without L1 the run ends elsewhere: the fixture pins the penalty, not just the loss.
      const plain = net();
      train(plain, { X, Y }, { optimizer: "gd", learningRate: c.learningRate, epochs: c.epochs, reduction: c.reduction, l2: c.l2 });
      expect(maxRelativeError(plain.params, flatLayers(c.final))).toBeGreaterThan(1e-6);
    });

    it(`${c.name}: the trace reports the same loss and step`, () => {
      const n = net();
      const t = trace(n, X.data, Y, X.rows, { learningRate: c.learningRate, reduction: c.reduction, l1: c.l1, l2: c.l2 });
      expect(t.loss).toBeCloseTo(c.losses[0], 13);
      const dW1 = t.steps.find((s) => s.name === "dW1")!;
      expect(dW1.formula).toContain("l1·sign(W1)");
      const r = train(n, { X, Y }, { optimizer: "gd", learningRate: c.learningRate, epochs: 1, reduction: c.reduction, l1: c.l1, l2: c.l2 });
      expect(t.steps.find((s) => s.name === "W1'")!.value.flat()).toEqual(Array.from(n.params.subarray(0, 6)));
      expect(r.history.loss[0]).toBe(t.loss);
    });
  }
});

describe("train.l1 in the experiment file", () => {
  const base = {
    data: { X: [[0], [1], [2], [3]], y: [0, 0, 1, 1] },
    model: { layers: [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
  };

  it("defaults to 0 and reaches the training config", () => {
    expect(validateExperiment(base).train.l1).toBe(0);
    const e = validateExperiment({ ...base, train: { l1: 0.25, l2: 0.5 } });
    expect(e.train.l1).toBe(0.25);
    const p = prepareExperiment(e);
    expect(p.config.l1).toBe(0.25);
    expect(p.config.l2).toBe(0.5);
  });

  it("must be a number ≥ 0", () => {
    expect(() => validateExperiment({ ...base, train: { l1: -0.1 } })).toThrow(/train\.l1: must be ≥ 0, got -0\.1/);
    expect(() => validateExperiment({ ...base, train: { l1: "1" } })).toThrow(/train\.l1: expected a number/);
  });
});
