/** scikit-learn MLPs (fixtures fitted by scripts/reference/sklearn_mlp.py) imported and compared with scikit-learn's own predictions. */
import { describe, expect, it } from "vitest";
import { matrix } from "../../src/core/matrix.ts";
import { modelToSklearn, sklearnToModelJson } from "../../src/interop/sklearn.ts";
import { predict, predictOutput, predictProba } from "../../src/nn/predict.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { createModel } from "../../src/nn/model.ts";
import { initialize } from "../../src/nn/init.ts";
import { fixture } from "../helpers.ts";

const expected = fixture("interop/sklearn-expected.json");
const rows = (X: number[][]) => matrix(X.length, X[0].length, Float64Array.from(X.flat()));
const maxAbs = (a: ArrayLike<number>, b: number[]) => Math.max(...b.map((v, i) => Math.abs(a[i] - v)));

describe("import --from sklearn", () => {
  for (const name of ["binary", "multiclass", "multilabel"]) {
    it(`${name}: predictProba equals scikit-learn's predict_proba to 1e-12`, () => {
      const model = modelFromJson(sklearnToModelJson(fixture(`interop/sklearn-${name}.json`)));
      const e = expected[name];
      const P = predictProba(model, rows(e.X));
      expect(P.cols).toBe(e.predict_proba[0].length);
      expect(maxAbs(P.data, e.predict_proba.flat())).toBeLessThan(1e-12);
      if (name !== "multilabel") expect(predict(model, rows(e.X))).toEqual(e.predict);
    });
  }
  for (const name of ["regression", "regression2"]) {
    it(`${name}: the output equals scikit-learn's predict to 1e-12 relative`, () => {
      const model = modelFromJson(sklearnToModelJson(fixture(`interop/sklearn-${name}.json`)));
      const e = expected[name];
      const want = (e.predict as number[] | number[][]).flat();
      const got = predictOutput(model, rows(e.X)).data;
      const scale = Math.max(...want.map(Math.abs));
      expect(maxAbs(got, want) / scale).toBeLessThan(1e-12);
    });
  }

  it("keeps the scaler, the classes and the activations", () => {
    const json = sklearnToModelJson(fixture("interop/sklearn-binary.json"));
    expect(json.classes).toEqual(["no", "yes"]);
    expect(json.scaler?.mean).toHaveLength(2);
    expect(json.layers.map((l) => `${l.units} ${l.activation}`)).toEqual(["5 relu", "3 relu", "1 sigmoid"]);
    expect(json.loss).toBe("binary-crossentropy");
    expect(sklearnToModelJson(fixture("interop/sklearn-regression2.json")).layers.map((l) => l.activation)).toEqual(["linear", "linear"]);
  });

  it("round-trips through its own JSON exactly", () => {
    for (const name of ["binary", "multiclass", "multilabel", "regression", "regression2"]) {
      const doc = fixture(`interop/sklearn-${name}.json`);
      const back = modelToSklearn(modelFromJson(sklearnToModelJson(doc)));
      expect(back.coefs_).toEqual(doc.coefs_);
      expect(back.intercepts_).toEqual(doc.intercepts_);
      expect(back.activation).toBe(doc.activation);
      expect(back.out_activation_).toBe(doc.out_activation_);
      expect(back.classes_).toEqual(doc.classes_);
    }
  });

  it("exports a softmax over two classes as scikit-learn's one logistic unit", () => {
    const model = createModel({ inputSize: 2, layers: [{ units: 3, activation: "tanh" }, { units: 2, activation: "softmax" }], loss: "categorical-crossentropy", classes: ["a", "b"] });
    initialize(model, { scheme: "normal", scale: 1, seed: 4 });
    const doc = modelToSklearn(model);
    expect([doc.out_activation_, doc.coefs_[1][0].length, doc.classes_]).toEqual(["logistic", 1, ["a", "b"]]);
    const X = rows([[0.3, -1], [2, 0.5], [-1, -1]]);
    expect(maxAbs(predictProba(modelFromJson(sklearnToModelJson(doc)), X).data, Array.from(predictProba(model, X).data))).toBeLessThan(1e-15);
  });

  it("names what is wrong in a bad file", () => {
    const doc = fixture("interop/sklearn-binary.json");
    const bad = (change: Record<string, unknown>) => () => sklearnToModelJson({ ...doc, ...change }, "m.json");
    expect(bad({ coefs_: undefined })).toThrow(/^m\.json: coefs_ is missing/);
    expect(bad({ activation: "softsign" })).toThrow(/m\.json: activation: "softsign" is not one of relu, logistic, tanh, identity/);
    expect(bad({ coefs_: [doc.coefs_[0], doc.coefs_[2]] , intercepts_: [doc.intercepts_[0], doc.intercepts_[2]], hidden_layer_sizes: [5] })).toThrow(/coefs_\[1\]: has 3 rows but coefs_\[0\] has 5 columns: the layers do not chain/);
    expect(bad({ intercepts_: [doc.intercepts_[0], [1, 2], doc.intercepts_[2]] })).toThrow(/intercepts_\[1\]: has 2 values, expected 3/);
    expect(bad({ classes_: ["a", "b", "c"] })).toThrow(/classes_: has 3 labels/);
    expect(bad({ classes_: undefined })).toThrow(/classes_ is missing/);
    expect(bad({ n_features_in_: 3 })).toThrow(/n_features_in_: is 3 but coefs_\[0\] has 2 rows/);
    expect(() => sklearnToModelJson([1, 2], "m.json")).toThrow(/^m\.json: expected a JSON object/);
  });
});
