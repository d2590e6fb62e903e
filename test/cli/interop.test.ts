/** `glassbox import` and `glassbox export` end to end: files in, files out, one line and exit 2 for bad input, nothing written. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { matrix } from "../../src/core/matrix.ts";
import { predictProba } from "../../src/nn/predict.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { fixture, ROOT } from "../helpers.ts";
import { captureEachTest } from "./capture.ts";

const c = captureEachTest("glassbox-interop-");

const fx = (name: string) => join(ROOT, "test", "fixtures", "interop", name);
const readModel = (file: string) => modelFromJson(JSON.parse(readFileSync(file, "utf8")));

describe("glassbox import", () => {
  it("imports each format into a model file predict and plot can read", async () => {
    for (const [from, file] of [["sklearn", fx("sklearn-multiclass.json")], ["tfjs", fx("tfjs-dense/model.json")], ["onnx", fx("torch-mlp.onnx")]]) {
      const target = join(c.dir, `${from}.json`);
      expect(await run(["import", "--from", from, file, "--out", target])).toBe(0);
      expect(readModel(target).layers.length).toBe(from === "sklearn" ? 2 : 3);
    }
    expect(c.out.join("\n")).toMatch(/sklearn-multiclass\.json: 4-8-3 \(tanh, softmax\), classes 0, 1, 2, with its scaler → /);
    const e = fixture("interop/sklearn-expected.json").multiclass;
    const P = predictProba(readModel(join(c.dir, "sklearn.json")), matrix(e.X.length, 4, Float64Array.from(e.X.flat())));
    expect(Math.max(...e.predict_proba.flat().map((v: number, i: number) => Math.abs(v - P.data[i])))).toBeLessThan(1e-12);
  });

  it("names the classes and columns a file does not store", async () => {
    const target = join(c.dir, "m.json");
    expect(await run(["import", "--from", "onnx", fx("torch-mlp.onnx"), "--out", target, "--classes", "cat,dog", "--features", "a,b,c"])).toBe(0);
    const m = readModel(target);
    expect([m.classes, m.featureNames]).toEqual([["cat", "dog"], ["a", "b", "c"]]);
    expect(await run(["import", "--from", "onnx", fx("torch-mlp.onnx"), "--out", target, "--classes", "a,b,c"])).toBe(2);
    expect(c.err.at(-1)).toMatch(/^glassbox: --classes: the model's output stands for 2 classes, got 3/);
  });

  it.each([
    ["onnx", "truncated.onnx", /truncated\.onnx: not a complete ONNX file/],
    ["onnx", "torch-leaky.onnx", /torch-leaky\.onnx: node 1 "[^"]+" \(LeakyRelu\): operator LeakyRelu is not supported/],
    ["sklearn", "no-coefs.json", /no-coefs\.json: coefs_ is missing/],
    ["tfjs", "tfjs-conv/model.json", /is a "Conv2D"; Glassbox imports only Dense layers/],
    ["tfjs", "short/model.json", /the weights do not match model\.json/],
    ["onnx", "missing.onnx", /cannot read ONNX model ".*missing\.onnx": no such file/],
  ])("--from %s %s: one line, exit 2, nothing written", async (from, name, message) => {
    writeFileSync(join(c.dir, "truncated.onnx"), readFileSync(fx("torch-mlp.onnx")).subarray(0, 200));
    const doc = fixture("interop/sklearn-binary.json");
    delete doc.coefs_;
    writeFileSync(join(c.dir, "no-coefs.json"), JSON.stringify(doc));
    const short = join(c.dir, "short");
    await import("node:fs").then((fs) => fs.mkdirSync(short));
    writeFileSync(join(short, "model.json"), readFileSync(fx("tfjs-dense/model.json")));
    writeFileSync(join(short, "group1-shard1of1.bin"), readFileSync(fx("tfjs-dense/group1-shard1of1.bin")).subarray(0, 64));
    const file = existsSync(fx(name)) ? fx(name) : join(c.dir, name);
    const target = join(c.dir, "out.json");
    expect(await run(["import", "--from", from, file, "--out", target])).toBe(2);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]).toMatch(message);
    expect(c.err[0].trim().split("\n")).toHaveLength(1);
    expect(existsSync(target)).toBe(false);
  });
});

describe("glassbox export", () => {
  it("writes each format, and each comes back", async () => {
    const model = join(c.dir, "model.json");
    expect(await run(["import", "--from", "sklearn", fx("sklearn-binary.json"), "--out", model])).toBe(0);
    expect(await run(["export", "--to", "onnx", model, "--out", join(c.dir, "m.onnx"), "--dtype", "float64"])).toBe(0);
    expect(await run(["export", "--to", "tfjs", model, "--out", join(c.dir, "tf", "model.json")])).toBe(0);
    expect(await run(["export", "--to", "sklearn", model, "--out", join(c.dir, "sk.json")])).toBe(0);
    expect(readdirSync(join(c.dir, "tf")).sort()).toEqual(["group1-shard1of1.bin", "model.json"]);
    const original = readModel(model);
    for (const [from, file] of [["onnx", "m.onnx"], ["sklearn", "sk.json"], ["tfjs", "tf/model.json"]]) {
      expect(await run(["import", "--from", from, join(c.dir, file), "--out", join(c.dir, `back-${from}.json`)])).toBe(0);
      const back = readModel(join(c.dir, `back-${from}.json`));
      expect(back.classes).toEqual(["no", "yes"]);
      if (from !== "tfjs") expect(Array.from(back.params)).toEqual(Array.from(original.params)); // float64: exact
    }
    expect(JSON.parse(readFileSync(join(c.dir, "sk.json"), "utf8")).coefs_).toEqual(fixture("interop/sklearn-binary.json").coefs_);
  });

  it("refuses what the format cannot hold, writing nothing", async () => {
    const model = join(c.dir, "model.json");
    writeFileSync(model, JSON.stringify({ format: "glassbox-model", version: 1, inputSize: 1, layers: [{ units: 2, activation: "tanh", W: [[1], [2]], b: [0, 0] }, { units: 2, activation: "relu", W: [[1, 0], [0, 1]], b: [0, 0] }, { units: 1, activation: "sigmoid", W: [[1, 1]], b: [0] }], loss: "binary-crossentropy", classes: [0, 1], scaler: null, featureNames: ["x"], targetName: "y" }));
    expect(await run(["export", "--to", "sklearn", model, "--out", join(c.dir, "sk.json")])).toBe(2);
    expect(c.err.at(-1)).toMatch(/hidden layers use tanh and relu; a scikit-learn MLP has one activation for all hidden layers/);
    expect(await run(["export", "--to", "onnx", model, "--out", join(c.dir, "m.json")])).toBe(2);
    expect(c.err.at(-1)).toMatch(/--out ".*m\.json": the file name must end in \.onnx/);
    expect(readdirSync(c.dir)).toEqual(["model.json"]);
  });
});

describe("glassbox export --to pytorch", () => {
  it("writes the experiment's training script, and refuses another file name", async () => {
    const script = join(c.dir, "train.py");
    expect(await run(["export", "--to", "pytorch", fx("pytorch-experiment.json"), "--out", script])).toBe(0);
    expect(readFileSync(script, "utf8")).toMatch(/^#!\/usr\/bin\/env python3\n"""Trains the Glassbox experiment /);
    expect(await run(["export", "--to", "pytorch", fx("pytorch-experiment.json"), "--out", join(c.dir, "train.txt")])).toBe(2);
    expect(c.err.at(-1)).toMatch(/must end in \.py/);
    expect(existsSync(join(c.dir, "train.txt"))).toBe(false);
  });
});

describe("glassbox plot --model --csv", () => {
  it("draws an imported model over a CSV of its columns", async () => {
    const model = join(c.dir, "model.json");
    expect(await run(["import", "--from", "sklearn", fx("sklearn-binary.json"), "--out", model])).toBe(0);
    const e = fixture("interop/sklearn-expected.json").binary;
    const csv = join(c.dir, "rows.csv");
    writeFileSync(csv, ["x1,x2,y", ...e.X.map((r: number[], i: number) => `${r[0]},${r[1]},${e.predict[i]}`)].join("\n") + "\n");
    for (const view of ["boundary", "network"]) {
      expect(await run(["plot", view, "--model", model, "--csv", csv, "--out", join(c.dir, `${view}.svg`)])).toBe(0);
      expect(readFileSync(join(c.dir, `${view}.svg`), "utf8")).toMatch(/^<svg/);
    }
    expect(c.out.join("\n")).toMatch(/boundary \(model file .*model\.json\) written to/);
    expect(await run(["plot", "boundary", "--model", model, "--out", join(c.dir, "x.svg")])).toBe(2);
    expect(c.err.at(-1)).toMatch(/--model and --csv go together/);
    expect(await run(["plot", "history", "--model", model, "--csv", csv, "--out", join(c.dir, "x.svg")])).toBe(2);
    expect(existsSync(join(c.dir, "x.svg"))).toBe(false);
  });
});
