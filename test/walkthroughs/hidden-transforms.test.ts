/**
 * The hidden-layer-transforms article, trained as scikit-learn trains it (L-BFGS, alpha 1e-4,
 * from scikit-learn's own initial parameters): the ring's three hidden neurons make a closed
 * region and map the data into the cube where the output neuron's plane separates it; the
 * gaussian groups' two hidden neurons spread the points over the unit square.
 * Fixtures: scripts/reference/hidden_transforms.py and sklearn_lbfgs.py.
 */
import { describe, expect, it } from "vitest";
import { fromRows } from "../../src/core/matrix.ts";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { setParams } from "../../src/nn/init.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { train } from "../../src/nn/train.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { hiddenActivations } from "../../src/viz/index.ts";
import { fixture, ROOT } from "../helpers.ts";

const trained = (name: string) => {
  const p = loadExperiment(`${ROOT}/examples/${name}.json`);
  const { result } = runExperiment(p);
  return { p, result };
};

describe("circles, three hidden neurons", () => {
  const { p, result } = trained("circles-three-neurons");

  it("separates the ring (≥ 0.97), as scikit-learn does from the same start", () => {
    const acc = result.history.accuracy[result.history.accuracy.length - 1];
    expect(acc).toBeGreaterThanOrEqual(0.97);
    const sk = fixture("hidden-transforms-reference.json").circles.runs[0];
    expect(sk.accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it("a plane in the hidden cube puts ≥ 97 % of the points on their class's side", () => {
    const h = { data: hiddenActivations(p.model, p.split, 1).train };
    const out = p.model.layers[1];
    const y = p.split.train.y as number[];
    let right = 0;
    for (let i = 0; i < y.length; i++) {
      const z = out.W[0] * h.data[3 * i] + out.W[1] * h.data[3 * i + 1] + out.W[2] * h.data[3 * i + 2] + out.b[0];
      if ((z > 0 ? 1 : 0) === y[i]) right++;
    }
    expect(right / y.length).toBeGreaterThanOrEqual(0.97);
  });

  it("from scikit-learn's 20 starts, Glassbox's L-BFGS separates the ring as often as scikit-learn (±2)", () => {
    const runs = fixture("hidden-transforms-reference.json").circles.runs as { accuracy: number; loss: number; initialLayers: { W: number[][]; b: number[] }[] }[];
    const X = p.data.X;
    let ours = 0;
    for (const r of runs) {
      const net = createNetwork(2, [{ units: 3, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
      setParams(net, r.initialLayers);
      train(net, { X, Y: p.data.Y }, { optimizer: "lbfgs", epochs: 1000, l2: 1e-4, tolerance: 1e-4 });
      if (evaluate(net, X.data, p.data.Y, X.rows, 1e-4).accuracy >= 0.97) ours++;
    }
    const theirs = runs.filter((r) => r.accuracy >= 0.97).length;
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(2);
  });
});

describe("gaussian groups, two hidden neurons", () => {
  const { p, result } = trained("gauss-two-neurons");

  it("reaches scikit-learn's loss from scikit-learn's start (random_state 0, alpha 1e-4)", () => {
    const sk = fixture("sklearn-lbfgs-reference.json").gaussianGroups.runs.find((r: { alpha: number; randomState: number }) => r.alpha === 1e-4 && r.randomState === 0);
    const loss = evaluate(p.model, p.data.X.data, p.data.Y, p.data.X.rows, 1e-4).loss;
    expect(loss).toBeLessThanOrEqual(sk.loss * 1.02);
    expect(result.history.accuracy[result.history.accuracy.length - 1]).toBeGreaterThanOrEqual(0.99);
  });

  it("spreads the points over the unit square: no corner holds more than half of them", () => {
    const h = { data: hiddenActivations(p.model, p.split, 1).train };
    const n = p.split.train.X.rows;
    for (const [cx, cy] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      let k = 0;
      for (let i = 0; i < n; i++) if (Math.abs(h.data[2 * i] - cx) < 0.1 && Math.abs(h.data[2 * i + 1] - cy) < 0.1) k++;
      expect(k).toBeLessThanOrEqual(n / 2);
    }
  });

  it("the data picture is standardised: mean 0 and unit spread per feature", () => {
    const X = p.data.X;
    for (let j = 0; j < 2; j++) {
      let s = 0, s2 = 0;
      for (let i = 0; i < X.rows; i++) { s += X.data[2 * i + j]; s2 += X.data[2 * i + j] ** 2; }
      expect(Math.abs(s / X.rows)).toBeLessThan(1e-9);
      expect(s2 / X.rows).toBeCloseTo(1, 9);
    }
  });
});
