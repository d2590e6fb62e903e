import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRows } from "../../src/core/matrix.ts";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { predict, predictOutput, predictProba, score } from "../../src/nn/predict.ts";
import { modelFromJson, modelToJson } from "../../src/nn/serialize.ts";
import { createWorkspace, objectiveAndGradient } from "../../src/nn/propagation.ts";
import { trace } from "../../src/nn/trace.ts";
import { ROOT } from "../helpers.ts";

function csvExperiment(): string {
  const dir = mkdtempSync(join(tmpdir(), "glassbox-io-"));
  const rows = ["height,weight,species"];
  // Three well-separated groups with string labels, on scales far from unit variance.
  const groups: [string, number, number][] = [["cat", 25, 4000], ["dog", 60, 25000], ["horse", 160, 500000]];
  groups.forEach(([name, h, w], g) => {
    for (let i = 0; i < 20; i++) rows.push(`${h + ((i * 7 + g) % 10) - 5},${w * (1 + (((i * 3) % 7) - 3) / 30)},${name}`);
  });
  writeFileSync(join(dir, "animals.csv"), rows.join("\n"));
  const exp = {
    data: { csv: "animals.csv", target: "species" },
    scale: "standard",
    model: { layers: [{ units: 5, activation: "tanh" }, { units: 3, activation: "softmax" }] },
    train: { optimizer: "adam", learningRate: 0.05, epochs: 200 },
  };
  writeFileSync(join(dir, "exp.json"), JSON.stringify(exp));
  return join(dir, "exp.json");
}

describe("models: string classes, scaling, save and load", () => {
  const p = loadExperiment(csvExperiment());
  runExperiment(p);
  const raw = p.split.train;

  it("learns string labels and predicts them from raw (unscaled) inputs", () => {
    expect(p.model.classes).toEqual(["cat", "dog", "horse"]);
    expect(p.model.scaler!.mean[1]).toBeGreaterThan(1000);
    expect(score(p.model, raw.X, raw.y)).toBe(1);
    expect(predict(p.model, fromRows([[24, 4100], [158, 490000]]))).toEqual(["cat", "horse"]);
  });

  it("round-trips through the model file exactly", () => {
    const json = JSON.parse(JSON.stringify(modelToJson(p.model)));
    expect(json).toMatchObject({ format: "glassbox-model", version: 1, inputSize: 2, loss: "categorical-crossentropy", featureNames: ["height", "weight"], targetName: "species" });
    const back = modelFromJson(json);
    expect(Array.from(back.params)).toEqual(Array.from(p.model.params));
    expect(Array.from(predictOutput(back, raw.X).data)).toEqual(Array.from(predictOutput(p.model, raw.X).data));
  });

  it("predictProba rows are distributions; one sigmoid unit gives [1 − p, p]", () => {
    const P = predictProba(p.model, raw.X);
    for (let i = 0; i < P.rows; i++) expect(P.data[3 * i] + P.data[3 * i + 1] + P.data[3 * i + 2]).toBeCloseTo(1, 12);
    const binary = loadExperiment(join(ROOT, "examples", "twelve-steps.json"));
    const B = predictProba(binary.model, binary.split.train.X);
    const out = predictOutput(binary.model, binary.split.train.X);
    expect(B.cols).toBe(2);
    expect(B.data[1]).toBe(out.data[0]);
    expect(B.data[0]).toBe(1 - out.data[0]);
  });

  it("rejects files that are not version-1 models", () => {
    const json = modelToJson(p.model);
    expect(() => modelFromJson({ ...json, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => modelFromJson({ ...json, format: "keras" })).toThrow(/not a Glassbox model file/);
    expect(() => modelFromJson({ ...json, layers: [{ ...json.layers[0], activation: "rleu" }, json.layers[1]] })).toThrow(/model.layers\[0\].activation: unknown activation "rleu"/);
    expect(() => modelFromJson({ ...json, layers: [{ ...json.layers[0], W: [[1]] }, json.layers[1]] })).toThrow(/model.layers\[0\].W: has 1 rows, expected 5/);
  });
});

describe("the trace is what training computes", () => {
  it("softmax + cross-entropy, mean reduction: dW, db and the update equal the engine's gradient step", () => {
    const p = loadExperiment(join(ROOT, "examples", "three-classes.json"));
    const { model, data } = p;
    const t = trace(model, data.X.data, data.Y, data.X.rows, { learningRate: 0.5, reduction: "mean", optimizer: "gd" });
    const ws = createWorkspace(model, data.X.rows);
    const objective = objectiveAndGradient(model, data.X.data, data.Y, ws, "mean");
    expect(t.steps.find((s) => s.name === "loss")!.value[0][0]).toBeCloseTo(objective, 14);
    const g = (name: string) => t.steps.find((s) => s.name === name)!.value.flat();
    const gradient = [...g("dW1"), ...g("db1"), ...g("dW2"), ...g("db2")];
    expect(gradient).toEqual(Array.from(ws.grad));
    const updated = [...g("W1'"), ...g("b1'"), ...g("W2'"), ...g("b2'")];
    updated.forEach((v, i) => expect(v).toBe(model.params[i] - 0.5 * ws.grad[i]));
    // The fused output delta equals the chain rule it stands for: dA2 ⊙ softmax' (shown as A − Y).
    expect(t.steps.find((s) => s.name === "dZ2")!.formula).toContain("(A2 − Y)");
  });
});
