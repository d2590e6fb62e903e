/**
 * `train.shuffle: "sklearn"` replays scikit-learn's mini-batch SGD: its MLPClassifier(solver="sgd")
 * from the same initial weights, shuffled by its own code (sklearn.utils.shuffle on RandomState(7)),
 * recorded by scripts/reference/sklearn_shuffle.py. The default order (a fresh permutation of the
 * original rows each epoch) is another run.
 */
import { describe, expect, it } from "vitest";
import { createRandom, shuffle } from "../../src/core/random.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { fixture, flatLayers, maxRelativeError } from "../helpers.ts";

interface Layers {
  W: number[][];
  b: number[];
}
const ref = fixture<{ X: number[][]; y: number[]; seed: number; epochs: number; batchSize: number; learningRate: number; momentum: number; alpha: number; initial: Layers[]; final: Layers[]; lossCurve: number[]; orders: number[][] }>("sklearn-shuffle-reference.json");

function run(shuffle?: "sklearn" | "permutation") {
  const experiment = validateExperiment({
    data: { X: ref.X, y: ref.y },
    model: { layers: [{ units: 5, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
    classes: [0, 1],
    init: { params: ref.initial },
    loss: "binary-crossentropy",
    train: { optimizer: "sgd", learningRate: ref.learningRate, epochs: ref.epochs, batchSize: ref.batchSize, momentum: ref.momentum, nesterov: true, l2: ref.alpha, seed: ref.seed, rng: "numpy", ...(shuffle ? { shuffle } : {}) },
  });
  const prepared = prepareExperiment(experiment, () => "");
  const { result } = runExperiment(prepared);
  return { losses: result.history.loss, params: prepared.model.params };
}

describe('train.shuffle: "sklearn"', () => {
  it("draws scikit-learn's row orders: each epoch a permutation of the previous one", () => {
    const rng = createRandom("numpy", ref.seed);
    let order = Array.from({ length: ref.X.length }, (_, i) => i);
    for (const expected of ref.orders) {
      const perm = Int32Array.from(order, (_, i) => i);
      shuffle(rng, perm);
      order = Array.from(perm, (k) => order[k]);
      expect(order).toEqual(expected);
    }
  });

  it("replays MLPClassifier(solver='sgd'): every epoch's loss_curve_ and the final weights to 1e-12", () => {
    const { losses, params } = run("sklearn");
    expect(losses).toHaveLength(ref.epochs);
    expect(maxRelativeError(losses, ref.lossCurve)).toBeLessThan(1e-12);
    expect(maxRelativeError(params, flatLayers(ref.final))).toBeLessThan(1e-12);
  });

  it("differs from the default order, which permutes the original rows every epoch", () => {
    const fresh = run();
    expect(fresh.losses[0]).toBeCloseTo(ref.lossCurve[0], 12); // the first epoch's order is the same
    expect(maxRelativeError(fresh.losses, ref.lossCurve)).toBeGreaterThan(1e-6);
    expect(run("permutation").losses).toEqual(fresh.losses);
  });

  it("is refused when it is not one of the two", () => {
    expect(() => validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, train: { optimizer: "sgd", batchSize: 8, shuffle: "keras" } })).toThrow(/train\.shuffle/);
  });
});
