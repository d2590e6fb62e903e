import { describe, expect, it } from "vitest";
import { validateExperiment } from "../../src/experiment/validate.ts";

const base = () => ({
  data: { dataset: "moons", samples: 100 },
  model: { layers: [{ units: 4, activation: "relu" }, { units: 1, activation: "sigmoid" }] },
});
const with_ = (patch: (e: any) => void) => {
  const e: any = base();
  patch(e);
  return e;
};
const message = (json: unknown): string => {
  try {
    validateExperiment(json);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a validation error");
};

describe("experiment validation", () => {
  it("fills every documented default", () => {
    const e = validateExperiment(base());
    expect(e.loss).toBe("binary-crossentropy");
    expect(e.scale).toBe("none");
    expect(e.init).toEqual({ scheme: "xavier", seed: 0, rng: "glassbox" });
    expect(e.train).toMatchObject({ optimizer: "gd", learningRate: 0.01, epochs: 1000, batchSize: null, reduction: "mean", l2: 0 });
    expect(validateExperiment(with_((x) => (x.train = { optimizer: "adam" }))).train.learningRate).toBe(0.001);
    expect(validateExperiment(with_((x) => (x.model.layers[1] = { units: 3, activation: "softmax" }))).loss).toBe("categorical-crossentropy");
  });

  it.each([
    ["an unknown activation", (x: any) => (x.model.layers[1].activation = "rleu"), 'model.layers[1].activation: "rleu" is not one of relu, sigmoid, tanh, linear, softmax'],
    ["a misspelt field", (x: any) => (x.train = { lerningRate: 0.1 }), 'train.lerningRate: unknown field; did you mean "learningRate"?'],
    ["an unknown top-level field", (x: any) => (x.optimiser = "adam"), "optimiser: unknown field"],
    ["a wrong type", (x: any) => (x.train = { epochs: "100" }), 'train.epochs: expected a number, got "100"'],
    ["a fractional count", (x: any) => (x.train = { epochs: 2.5 }), "train.epochs: expected a whole number, got 2.5"],
    ["a negative learning rate", (x: any) => (x.train = { learningRate: -1 }), "train.learningRate: must be > 0, got -1"],
    ["no layers", (x: any) => (x.model.layers = []), "model.layers: needs at least 1 entry"],
    ["missing units", (x: any) => delete x.model.layers[0].units, "model.layers[0].units: missing"],
    ["softmax in a hidden layer", (x: any) => (x.model.layers[0].activation = "softmax"), "model.layers[0].activation: softmax is only for the output layer"],
    ["a loss that does not fit the output", (x: any) => (x.loss = "categorical-crossentropy"), 'loss: "categorical-crossentropy" needs a softmax output layer, but the last layer is sigmoid'],
    ["an unknown dataset", (x: any) => (x.data.dataset = "moon"), 'data.dataset: "moon" is not one of moons, circles'],
    ["two data sources", (x: any) => (x.data.csv = "a.csv"), 'data: give only one of "dataset", "csv"'],
    ["a csv without a target", (x: any) => (x.data = { csv: "a.csv" }), 'data.target: missing; name the label column'],
    ["batchSize with gd", (x: any) => (x.train = { batchSize: 10 }), 'train.batchSize: "gd" is full-batch gradient descent; for mini-batches use "optimizer": "sgd"'],
    ["an unknown optimizer", (x: any) => (x.train = { optimizer: "rmsprop" }), 'train.optimizer: "rmsprop" is not one of gd, sgd, adam, lbfgs'],
    ["a snapshot after the last epoch", (x: any) => (x.train = { epochs: 10 }, x.record = { paramsAt: [20] }), "record.paramsAt[0]: must be ≤ 10, got 20"],
    ["an unknown init scheme", (x: any) => (x.init = { scheme: "glorot" }), 'init.scheme: "glorot" is not one of normal, uniform, xavier, he, zeros-bias'],
    ["a non-numeric parameter", (x: any) => (x.init = { params: [{ W: [["a"]], b: [0] }] }), 'init.params[0].W[0][0]: expected a number, got "a"'],
    ["no data", (x: any) => delete x.data, "data: missing"],
    ["not an object", () => 0, ""],
  ])("rejects %s with its JSON path", (_what, patch, expected) => {
    const json = with_(patch as (x: any) => void);
    if (expected === "") {
      expect(message(42)).toMatch(/expected an object/);
      return;
    }
    expect(message(json)).toContain(expected);
  });
});

describe("init.bias", () => {
  it("starts every bias at the value given, after the scheme's own draws (the weights are unchanged)", async () => {
    const { prepareExperiment } = await import("../../src/experiment/prepare.ts");
    const base = { data: { X: [[0, 1], [1, 0], [1, 1]], y: [0, 1, 1] }, model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] } };
    const plain = prepareExperiment(validateExperiment({ ...base, init: { scheme: "uniform", scale: 0.5, seed: 4 } })).model;
    const shifted = prepareExperiment(validateExperiment({ ...base, init: { scheme: "uniform", scale: 0.5, seed: 4, bias: 0.1 } })).model;
    shifted.layers.forEach((l, i) => {
      expect(Array.from(l.b)).toEqual(new Array(l.units).fill(0.1));
      expect(Array.from(l.W)).toEqual(Array.from(plain.layers[i].W));
    });
  });

  it("must be a number", () => {
    expect(() => validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, init: { scheme: "he", bias: "0.1" } })).toThrow(/init\.bias: expected a number/);
  });
});
