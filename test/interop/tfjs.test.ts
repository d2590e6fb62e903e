/** TensorFlow.js layers models (fixtures saved by TensorFlow.js: scripts/reference/tfjs_models.ts) imported, and Glassbox models exported and loaded by TensorFlow.js. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { matrix } from "../../src/core/matrix.ts";
import { modelToTfjs, tfjsToModelJson } from "../../src/interop/tfjs.ts";
import { createModel } from "../../src/nn/model.ts";
import { initialize } from "../../src/nn/init.ts";
import { predictOutput } from "../../src/nn/predict.ts";
import { modelFromJson, modelToJson } from "../../src/nn/serialize.ts";
import { fixture, ROOT } from "../helpers.ts";

const DIR = join(ROOT, "test", "fixtures", "interop");
const expected = fixture("interop/tfjs-expected.json");
const rows = (X: number[][]) => matrix(X.length, X[0].length, Float64Array.from(X.flat()));
const load = (name: string) => {
  const json = JSON.parse(readFileSync(join(DIR, `tfjs-${name}`, "model.json"), "utf8"));
  return { json, read: (p: string) => new Uint8Array(readFileSync(join(DIR, `tfjs-${name}`, p))) };
};
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(b, (v, i) => Math.abs(a[i] - v) / Math.max(Math.abs(v), 1e-3)));

beforeAll(async () => {
  tf.env().set("IS_NODE", false); // no notice about tfjs-node
  await tf.setBackend("cpu");
});

describe("import --from tfjs", () => {
  for (const name of ["dense", "sigmoid", "regression"]) {
    it(`${name}: predicts what TensorFlow.js predicted, to float32 precision`, () => {
      const { json, read } = load(name);
      const model = modelFromJson(tfjsToModelJson(json, read));
      const e = expected[name];
      expect(maxRel(predictOutput(model, rows(e.X)).data, e.predict.flat())).toBeLessThan(1e-5);
    });
  }

  it("reads the classes from the output layer and the bias-free layer as zeros", () => {
    const { json, read } = load("sigmoid");
    const m = tfjsToModelJson(json, read);
    expect(m.classes).toEqual([0, 1]);
    expect(m.layers[0].b).toEqual([0, 0, 0, 0, 0]);
    expect(tfjsToModelJson(load("dense").json, load("dense").read).classes).toEqual([0, 1, 2]);
    expect(tfjsToModelJson(load("regression").json, load("regression").read).classes).toBeNull();
  });

  it("refuses anything but Dense layers by name, and weights that do not match", () => {
    const conv = load("conv");
    expect(() => tfjsToModelJson(conv.json, conv.read, "conv/model.json")).toThrow(/conv\/model\.json: modelTopology\.config\.layers\[0\]: .*is a "Conv2D"; Glassbox imports only Dense layers/);
    const { json, read } = load("dense");
    expect(() => tfjsToModelJson(json, (p) => read(p).slice(0, 40))).toThrow(/the weights do not match model\.json/);
    expect(() => tfjsToModelJson(json, () => undefined)).toThrow(/weights file "\.\/group1-shard1of1\.bin" is missing/);
    const shifted = structuredClone(json);
    shifted.weightsManifest[0].weights[0].shape = [3, 4];
    expect(() => tfjsToModelJson(shifted, read)).toThrow(/the kernel is \[3, 4\] but the layer takes 2 inputs to 6 units/);
    const elu = structuredClone(json);
    elu.modelTopology.config.layers[1].config.activation = "elu";
    expect(() => tfjsToModelJson(elu, read)).toThrow(/activation "elu" is not supported/);
  });
});

describe("export --to tfjs", () => {
  const model = createModel({
    inputSize: 3,
    layers: [{ units: 5, activation: "tanh" }, { units: 4, activation: "relu" }, { units: 3, activation: "softmax" }],
    loss: "categorical-crossentropy",
    classes: ["a", "b", "c"],
    scaler: { mean: [1, -2, 0.5], scale: [2, 0.5, 3] },
    featureNames: ["p", "q", "r"],
    targetName: "kind",
  });
  initialize(model, { scheme: "normal", scale: 0.8, seed: 3 });
  const X = [[1, 2, 3], [-1, 0.5, 2], [4, -3, 0], [0, 0, 0]];

  it("TensorFlow.js loads the files and predicts the same to float32 precision", async () => {
    const { modelJson, weights } = modelToTfjs(model);
    const text = JSON.stringify(modelJson); // as written to disk
    const parsed = JSON.parse(text);
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: parsed.modelTopology, weightSpecs: parsed.weightsManifest[0].weights, weightData: weights.slice().buffer }));
    const got = (tfModel.predict(tf.tensor2d(X)) as tf.Tensor).dataSync();
    expect(maxRel(got, predictOutput(model, rows(X)).data)).toBeLessThan(1e-5);
  });

  it("comes back with its classes, names and loss, predicting the same to float32 precision", () => {
    const { modelJson, weights } = modelToTfjs(model);
    const back = modelFromJson(tfjsToModelJson(JSON.parse(JSON.stringify(modelJson)), () => weights));
    expect(back.classes).toEqual(["a", "b", "c"]);
    expect(back.featureNames).toEqual(["p", "q", "r"]);
    expect(back.targetName).toBe("kind");
    expect(back.loss).toBe("categorical-crossentropy");
    expect(maxRel(predictOutput(back, rows(X)).data, predictOutput(model, rows(X)).data)).toBeLessThan(1e-5);
    // A model without a scaler comes back with its float32-rounded parameters exactly.
    const plain = modelFromJson({ ...modelToJson(model), scaler: null });
    const again = modelFromJson(tfjsToModelJson(modelToTfjs(plain).modelJson, () => modelToTfjs(plain).weights));
    expect(Array.from(again.params)).toEqual(Array.from(Float32Array.from(plain.params)));
  });
});
