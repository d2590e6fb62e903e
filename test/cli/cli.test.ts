/**
 * The command line end to end: every example trains as it is; user mistakes give one line,
 * exit code 2 and no output file; outputs are complete files.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { ROOT } from "../helpers.ts";
import { captureEachTest } from "./capture.ts";

const c = captureEachTest("glassbox-cli-");

const ex = (name: string) => join(ROOT, "examples", name);
function experiment(json: unknown): string {
  const f = join(c.dir, "exp.json");
  writeFileSync(f, JSON.stringify(json));
  return f;
}
const small = { data: { dataset: "moons", samples: 60, seed: 1 }, model: { layers: [{ units: 4, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { epochs: 20 } };

describe("glassbox train", () => {
  it.each(readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".json") && f !== "moons-deep.json"))("trains examples/%s as it is", async (name) => {
    expect(await run(["train", ex(name)])).toBe(0);
    expect(c.out.join("\n")).toMatch(/after training loss \d/);
    // stderr holds progress at most (a line every few seconds when it is not a terminal, the time estimate of long work)
    expect(c.err.join("").split("\n").filter((l) => l && !/^training[: ]/.test(l))).toEqual([]);
  });

  it("writes a complete run file and a model file that predict can use", async () => {
    const runFile = join(c.dir, "run.json");
    const modelFile = join(c.dir, "model.json");
    expect(await run(["train", ex("three-classes.json"), "--epochs", "50", "--out", runFile, "--model", modelFile])).toBe(0);
    const runJson = JSON.parse(readFileSync(runFile, "utf8"));
    expect(runJson.history.epoch).toHaveLength(50);
    expect(runJson.history.testAccuracy).toHaveLength(50);
    expect(runJson.model.format).toBe("glassbox-model");
    const model = modelFromJson(JSON.parse(readFileSync(modelFile, "utf8")));
    expect(model.classes).toEqual([0, 1, 2]);
    expect(readdirSync(c.dir).sort()).toEqual(["model.json", "run.json"]); // no temporary files left
  });

  it.each([
    ["an unknown activation", { ...small, model: { layers: [{ units: 4, activation: "rleu" }, { units: 1, activation: "sigmoid" }] } }, 'model.layers[0].activation: "rleu" is not one of'],
    ["a misspelt field", { ...small, train: { epocs: 3 } }, 'train.epocs: unknown field; did you mean "epochs"?'],
    ["a wrong type", { ...small, train: { learningRate: "fast" } }, 'train.learningRate: expected a number, got "fast"'],
    ["a missing csv", { ...small, data: { csv: "nope.csv", target: "y" } }, 'data.csv: file "nope.csv" not found (paths are relative to the experiment file)'],
    ["three classes under a sigmoid output", { ...small, data: { dataset: "blobs", samples: 60, centers: 3 } }, 'model.layers[1]: the target has 3 classes (0, 1, 2) but the output layer is 1 sigmoid unit, which separates two: use { "units": 3, "activation": "softmax" }'],
    ["a diverging run", { data: { X: [[1000], [2000], [3000]], y: [1, 2, 3] }, model: { layers: [{ units: 1, activation: "linear" }] }, train: { learningRate: 10, epochs: 100 } }, "training diverged at epoch"],
    ["init params of the wrong shape", { ...small, init: { params: [{ W: [[1]], b: [0] }, { W: [[1]], b: [0] }] } }, "init.params: layer 1: W must be 4×2 (the data has 2 features)"],
  ])("rejects %s: one line, exit 2, nothing written", async (_what, json, expected) => {
    const f = experiment(json);
    const target = join(c.dir, "run.json");
    expect(await run(["train", f, "--out", target, "--model", join(c.dir, "model.json")])).toBe(2);
    const e = c.err.join("");
    expect(e).toContain(expected);
    expect(e.trim().split("\n")).toHaveLength(1);
    expect(e).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(readdirSync(c.dir)).toEqual(["exp.json"]);
  });

  it("rejects a CSV with a bad cell, naming file, line and column", async () => {
    writeFileSync(join(c.dir, "d.csv"), "x1,x2,y\n1,2,0\n3,abc,1\n");
    const f = experiment({ ...small, data: { csv: "d.csv", target: "y" } });
    expect(await run(["train", f, "--out", join(c.dir, "run.json")])).toBe(2);
    expect(c.err.join("")).toContain('d.csv line 3, column "x2": "abc" is not a number');
    expect(existsSync(join(c.dir, "run.json"))).toBe(false);
  });

  it("rejects a bad flag and a bad output name before training", async () => {
    expect(await run(["train", ex("one-feature.json"), "--epochs", "ten"])).toBe(2);
    expect(c.err.join("")).toContain('--epochs needs a whole number ≥ 1, got "ten"');
    c.err.length = 0;
    expect(await run(["train", ex("one-feature.json"), "--out", join(c.dir, "run.txt")])).toBe(2);
    expect(c.err.join("")).toContain("must end in .json");
    c.err.length = 0;
    expect(await run(["train", join(c.dir, "missing.json")])).toBe(2);
    expect(c.err.join("")).toMatch(/cannot read experiment file ".*missing\.json": no such file/);
    c.err.length = 0;
    writeFileSync(join(c.dir, "broken.json"), "{ nope");
    expect(await run(["train", join(c.dir, "broken.json")])).toBe(2);
    expect(c.err.join("")).toContain("is not valid JSON");
  });
});

describe("glassbox predict", () => {
  it("writes predictions and probabilities beside the input columns", async () => {
    const modelFile = join(c.dir, "model.json");
    expect(await run(["train", ex("three-classes.json"), "--model", modelFile])).toBe(0);
    writeFileSync(join(c.dir, "in.csv"), "id,x2,x1\na,0,-5\nb,5,5\n");
    const predictions = join(c.dir, "p.csv");
    expect(await run(["predict", "--model", modelFile, "--csv", join(c.dir, "in.csv"), "--out", predictions])).toBe(0);
    const lines = readFileSync(predictions, "utf8").trim().split("\n");
    expect(lines[0]).toBe("id,x2,x1,predicted,p(0),p(1),p(2)");
    expect(lines).toHaveLength(3);
    const probs = lines[1].split(",").slice(4).map(Number);
    expect(probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it("reports the accuracy when the CSV has the target column, and names missing columns", async () => {
    const modelFile = join(c.dir, "model.json");
    expect(await run(["train", ex("moons-deep.json"), "--epochs", "5", "--model", modelFile])).toBe(0);
    expect(await run(["predict", "--model", modelFile, "--csv", ex("data/moons.csv"), "--out", join(c.dir, "p.csv")])).toBe(0);
    expect(c.out.join("\n")).toMatch(/1000 predictions written to .*accuracy 0\.\d+ against column "y"/);
    writeFileSync(join(c.dir, "bad.csv"), "a,b\n1,2\n");
    expect(await run(["predict", "--model", modelFile, "--csv", join(c.dir, "bad.csv")])).toBe(2);
    expect(c.err.join("")).toContain('the model needs columns "x1", "x2"; the file has "a", "b"');
    c.err.length = 0;
    expect(await run(["predict", "--model", ex("one-feature.json"), "--csv", join(c.dir, "bad.csv")])).toBe(2);
    expect(c.err.join("")).toContain("not a Glassbox model file");
  });
});

describe("glassbox steps", () => {
  it("writes the trace of one iteration as JSON", async () => {
    const f = join(c.dir, "steps.json");
    expect(await run(["steps", ex("twelve-steps.json"), "--out", f])).toBe(0);
    const t = JSON.parse(readFileSync(f, "utf8"));
    expect(t.steps.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(["Z1", "A1", "Z2", "A2", "loss", "dA2", "f'(Z2)", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1", "W1'", "b1'", "W2'", "b2'"]));
    expect(t.learningRate).toBe(0.1);
  });
});

describe("the installed command", () => {
  it("runs through bin/glassbox.js with real exit codes", () => {
    const bin = join(ROOT, "bin", "glassbox.js");
    const ok = execFileSync(process.execPath, [bin, "train", ex("twelve-steps.json"), "--epochs", "10"], { encoding: "utf8" });
    expect(ok).toContain("trained 10 epochs");
    const bad = spawnSync(process.execPath, [bin, "train", ex("nope.json")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("train");
  });
});
