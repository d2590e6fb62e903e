/**
 * examples/one-feature.json: plain gradient descent with summed gradients finds two sigmoid
 * "cuts" near ±0.5 and classifies all 12 points (reference: scripts/reference/one_feature.py).
 */
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { fixture, flatLayers, maxRelativeError, ROOT } from "../helpers.ts";

const ref = fixture("one-feature-reference.json");

describe("one feature, two hidden neurons", () => {
  it("reproduces the NumPy run and reaches accuracy 1.0 with cuts near ±0.5", () => {
    const p = loadExperiment(`${ROOT}/examples/one-feature.json`);
    const { result } = runExperiment(p);
    for (const mark of ref.losses as { epoch: number; loss: number }[]) {
      expect(maxRelativeError([result.history.loss[mark.epoch - 1]], [mark.loss])).toBeLessThan(1e-9);
    }
    expect(maxRelativeError(p.model.params, flatLayers(ref.final.params))).toBeLessThan(1e-9);
    expect(evaluate(p.model, p.data.X.data, p.data.Y, p.data.X.rows).accuracy).toBe(1);
    const hidden = p.model.layers[0];
    const cuts = [0, 1].map((j) => -hidden.b[j] / hidden.W[j]).sort((a, b) => a - b);
    expect(cuts[0]).toBeGreaterThan(-0.7);
    expect(cuts[0]).toBeLessThan(-0.4);
    expect(cuts[1]).toBeGreaterThan(0.4);
    expect(cuts[1]).toBeLessThan(0.7);
  });
});
