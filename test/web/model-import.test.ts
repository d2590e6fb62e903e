/**
 * The page's model import and hover arithmetic without a browser: the files the user picks read
 * as `glassbox import` reads them, the page's data prepared for the model, the arithmetic of each
 * kind of cell with the trace's own numbers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importModelJson } from "../../src/cli/commands/import.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { firstIteration } from "../../src/experiment/first-iteration.ts";
import { modelFromJson, modelToJson } from "../../src/nn/serialize.ts";
import { fmt } from "../../src/viz/format.ts";
import { prepareForModel, readModelFiles } from "../../src/web/model-import.ts";
import { DOES_NOT_FIT, MISSING_WEIGHTS } from "../../src/web/model-kind.ts";
import { importedJob } from "../../src/web/imported.ts";
import { defaultSetup } from "../../src/web/setup.ts";
import { arithmetic, MAX_TERMS } from "../../src/web/step-arithmetic.ts";

const FX = "test/fixtures/interop";
const bytes = (path: string, name = path.split("/").pop()!) => ({ name, bytes: new Uint8Array(readFileSync(path)) });

describe("the page reads a model as glassbox import does", () => {
  it("scikit-learn, TensorFlow.js (with its weights) and ONNX give the CLI's model file", () => {
    const cases: [Parameters<typeof importModelJson>[0], string, ReturnType<typeof bytes>[]][] = [
      ["sklearn", `${FX}/sklearn-multiclass.json`, [bytes(`${FX}/sklearn-multiclass.json`)]],
      ["tfjs", `${FX}/tfjs-sigmoid/model.json`, [bytes(`${FX}/tfjs-sigmoid/model.json`), bytes(`${FX}/tfjs-sigmoid/group1-shard1of1.bin`)]],
      ["onnx", `${FX}/torch-softmax.onnx`, [bytes(`${FX}/torch-softmax.onnx`)]],
    ];
    for (const [format, path, files] of cases) {
      const page = readModelFiles(files);
      expect(page.format).toBe(format);
      expect(page.model).toEqual(modelToJson(modelFromJson(importModelJson(format, path))));
    }
  });

  it("a model.json without its .bin names the missing file; an experiment file is not a model", () => {
    expect(() => readModelFiles([bytes(`${FX}/tfjs-dense/model.json`)])).toThrow(`${MISSING_WEIGHTS}group1-shard1of1.bin`);
    expect(() => readModelFiles([{ name: "e.json", bytes: new TextEncoder().encode(JSON.stringify({ data: {}, model: { layers: [] } })) }])).toThrow(/no model among the chosen files/);
  });

  it("over the Playground's circle, a scikit-learn model's classes stand for the data's 0 and 1; a 3-input model does not fit", () => {
    const m = readModelFiles([bytes(`${FX}/sklearn-binary.json`)]);
    expect(m.model.classes).toEqual(["no", "yes"]);
    const job = importedJob(m, defaultSetup(), null);
    const p = prepareForModel(m.model, job.experiment, () => undefined);
    const plain = prepareExperiment(validateExperiment({ ...job.experiment, init: { scheme: "xavier" }, train: { epochs: 1 } }));
    expect(p.split.train.y).toEqual(plain.split.train.y.map((v) => (v === 0 ? "no" : "yes")));
    // The model's own scaler, not one fitted to the page's data.
    expect(Array.from(p.data.X.data.slice(0, 2))).toEqual(Array.from(plain.split.train.X.data.slice(0, 2)).map((v, c) => (v - m.model.scaler!.mean[c]) / m.model.scaler!.scale[c]));
    const torch = readModelFiles([bytes(`${FX}/torch-mlp.onnx`)]);
    expect(() => prepareForModel(torch.model, importedJob(torch, defaultSetup(), null).experiment, () => undefined)).toThrow(`${DOES_NOT_FIT}2`);
  });
});

describe("the step inspector's arithmetic", () => {
  const p = prepareExperiment(
    validateExperiment({
      data: { dataset: "xor", samples: 20, seed: 2 },
      model: { layers: [{ units: 3, activation: "relu" }, { units: 1, activation: "sigmoid" }] },
      train: { optimizer: "gd", learningRate: 0.1, l2: 0.5, epochs: 1 },
    }),
  );
  const trace = firstIteration(p);
  const v = (name: string) => trace.steps.find((s) => s.name === name)!.value;
  const f = (x: number) => (fmt(x, 4).startsWith("−") ? `(${fmt(x, 4)})` : fmt(x, 4));

  it("dW sums over the samples, the first terms and the last written out, with the penalty's part", () => {
    const text = arithmetic(trace, "dW1", 1, 0)!;
    const [dZ, A, dW] = [v("dZ1"), v("A0"), v("dW1")];
    const terms = dZ.map((_, s) => `${f(dZ[s][1])}×${f(A[s][0])}`);
    let sum = 0;
    dZ.forEach((_, s) => (sum += dZ[s][1] * A[s][0]));
    expect(text).toBe(`dW1[1,0] = Σᵢ dZ1[i,1]·A0[i,0] = ${terms.slice(0, MAX_TERMS - 1).join(" + ")} + … + ${terms[19]} (not shown: ${20 - MAX_TERMS}) + ${f(dW[1][0] - sum)} (penalty) = ${fmt(dW[1][0], 4)}`);
  });

  it("activations, slopes, deltas and biases use the cell's own numbers", () => {
    const [Z, A1] = [v("Z1"), v("A1")];
    expect(arithmetic(trace, "A1", 2, 1)).toBe(`A1[2,1] = relu(Z1[2,1]) = relu(${fmt(Z[2][1], 4)}) = ${fmt(A1[2][1], 4)}`);
    const [A2, Y, dZ2] = [v("A2"), v("Y"), v("dZ2")];
    expect(arithmetic(trace, "dZ2", 3, 0)).toBe(`dZ2[3,0] = (1/n)·(A2 − Y) = (1/20)·(${fmt(A2[3][0], 4)} − ${f(Y[3][0])}) = ${fmt(dZ2[3][0], 4)}`);
    const db = v("db2");
    expect(arithmetic(trace, "db2", 0, 0)).toMatch(new RegExp(`^db2\\[0\\] = Σᵢ dZ2\\[i,0\\] = .* = ${fmt(db[0][0], 4)}$`));
    expect(arithmetic(trace, "W1", 0, 0)).toBeNull();
  });
});
