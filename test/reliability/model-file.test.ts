/** Model files are checked as fully as experiment files: a JSON path and the fix, never a crash or a silent NaN. */
import fc from "fast-check";
import { jsonValue as jsonArbitrary, mutate } from "./json-arbitraries.ts";
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { fromRows } from "../../src/core/matrix.ts";
import { predict } from "../../src/nn/predict.ts";
import { modelFromJson, modelToJson, type ModelJson } from "../../src/nn/serialize.ts";
import { createModel } from "../../src/nn/model.ts";

function binaryModel(): ModelJson {
  const m = createModel({
    inputSize: 2,
    layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }],
    loss: "binary-crossentropy",
    classes: [0, 1],
    scaler: { mean: [0.5, -1], scale: [2, 3] },
    featureNames: ["a", "b"],
    targetName: "y",
  });
  m.params.forEach((_, i) => (m.params[i] = Math.sin(i + 1)));
  return JSON.parse(JSON.stringify(modelToJson(m)));
}

function softmaxModel(): ModelJson {
  const m = createModel({ inputSize: 2, layers: [{ units: 3, activation: "softmax" }], loss: "categorical-crossentropy", classes: ["a", "b", "c"], featureNames: ["x1", "x2"] });
  return JSON.parse(JSON.stringify(modelToJson(m)));
}

const bad = (json: unknown) => {
  try {
    modelFromJson(json, "m.json");
  } catch (e) {
    if (isUserError(e)) return e.message;
    throw e;
  }
  throw new Error("accepted");
};

describe("model files from the hostile-input trial", () => {
  it("a scaler one value short, without scale, or given as a string", () => {
    const j = binaryModel();
    expect(bad({ ...j, scaler: { mean: [0.5], scale: [2, 3] } })).toMatch(/^m\.json\.scaler\.mean: has 1 numbers, expected 2; pass a file written by "glassbox train --model"/);
    expect(bad({ ...j, scaler: { mean: [0.5, 1] } })).toMatch(/^m\.json\.scaler\.scale: expected a list of numbers, got missing/);
    expect(bad({ ...j, scaler: "standard" })).toMatch(/^m\.json\.scaler: expected null or \{ "mean"/);
    expect(bad({ ...j, scaler: { mean: [0, 0], scale: [1, 0] } })).toMatch(/^m\.json\.scaler\.scale\[1\]: must be > 0/);
  });

  it("null or non-numeric weights", () => {
    const j = binaryModel();
    const layers = structuredClone(j.layers) as unknown as { W: unknown[][]; b: unknown[] }[];
    layers[0].W[1][0] = null;
    expect(bad({ ...j, layers })).toMatch(/^m\.json\.layers\[0\]\.W\[1\]\[0\]: expected a finite number, got null/);
    const l2 = structuredClone(j.layers) as unknown as { W: unknown[][]; b: unknown[] }[];
    l2[1].b = ["0"];
    expect(bad({ ...j, layers: l2 })).toMatch(/^m\.json\.layers\[1\]\.b\[0\]: expected a finite number, got "0"/);
  });

  it("classes that do not match the output", () => {
    const j = binaryModel();
    expect(bad({ ...j, classes: null })).toMatch(/^m\.json\.classes: expected a list of class labels, got null/);
    expect(bad({ ...j, classes: [0, 1, 2] })).toMatch(/^m\.json\.classes: has 3 classes but the output layer \(1 sigmoid unit\) stands for 2/);
    expect(bad({ ...j, classes: [1] })).toMatch(/has 1 class but/);
    expect(bad({ ...j, classes: [1, 1] })).toMatch(/lists a class twice/);
    const s = softmaxModel();
    expect(bad({ ...s, classes: ["a", "b"] })).toMatch(/^m\.json\.classes: has 2 classes but the output layer \(3 softmax units\) stands for 3/);
  });

  it("feature names as a string or one name short", () => {
    const j = binaryModel();
    expect(bad({ ...j, featureNames: "a,b" })).toMatch(/^m\.json\.featureNames: expected a list of names, got "a,b"/);
    expect(bad({ ...j, featureNames: ["a"] })).toMatch(/^m\.json\.featureNames: has 1 names, expected 2/);
    expect(bad({ ...j, targetName: 7 })).toMatch(/^m\.json\.targetName: expected a column name/);
  });

  it("other versions, other formats, not an object", () => {
    expect(bad({ ...binaryModel(), version: 2 })).toMatch(/version 2 is not supported .*use the newer Glassbox/);
    expect(bad({ ...binaryModel(), version: "1" })).toMatch(/version "1" is not supported/);
    expect(bad([1, 2])).toMatch(/expected a JSON object, got an array/);
    expect(bad(null)).toMatch(/got null/);
  });

  it("a valid file still loads and predicts its classes", () => {
    const m = modelFromJson(binaryModel());
    expect(predict(m, fromRows([[0, 0], [5, 5]])).every((v) => v === 0 || v === 1)).toBe(true);
  });
});

const jsonValue = jsonArbitrary({ maxInt: 5, maxString: 5, maxKey: 6 });

describe("mutated model files (property)", () => {
  it("load into a model that predicts finite outputs, or fail with one user error", () => {
    const bases = [binaryModel(), softmaxModel()];
    fc.assert(
      fc.property(fc.nat(1), fc.array(fc.nat(), { minLength: 0, maxLength: 5 }), jsonValue, fc.boolean(), (b, pick, v, remove) => {
        const json = mutate(bases[b], pick, v, remove);
        let model;
        try {
          model = modelFromJson(json);
        } catch (e) {
          expect(isUserError(e), String((e as Error).stack)).toBe(true);
          expect((e as Error).message).not.toMatch(/\n/);
          return;
        }
        const labels = predict(model, fromRows([Array.from({ length: model.inputSize }, (_, i) => i * 0.3)]));
        if (model.classes) expect(model.classes).toContain(labels[0]);
        else expect(labels.every((x) => Number.isFinite(x))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
