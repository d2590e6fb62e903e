/** `inputs` through the command line: train with a feature map, predict from raw columns. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { fromRows } from "../../src/core/matrix.ts";
import { circles } from "../../src/data/circles.ts";
import { featureMap } from "../../src/data/feature-map.ts";
import { predictOutput } from "../../src/nn/predict.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { captureEachTest } from "./capture.ts";

const c = captureEachTest("glassbox-inputs-");

describe("train and predict with input features", () => {
  it("trains on mapped CSV columns and predicts from the raw columns of another CSV", async () => {
    const { X, y } = circles({ samples: 200, noise: 0.05, factor: 0.5, seed: 4 });
    const rows = Array.from({ length: X.rows }, (_, i) => `${X.data[2 * i]},${X.data[2 * i + 1]},${y[i]}`);
    writeFileSync(join(c.dir, "rings.csv"), ["u,v,ring", ...rows].join("\n"));
    const experiment = {
      data: { csv: "rings.csv", target: "ring" },
      inputs: ["u^2", "x2^2", "u*v"],
      scale: "standard",
      model: { layers: [{ units: 1, activation: "sigmoid" }] },
      train: { optimizer: "adam", learningRate: 0.1, epochs: 300 },
    };
    writeFileSync(join(c.dir, "exp.json"), JSON.stringify(experiment));
    const modelFile = join(c.dir, "model.json");
    expect(await run(["train", join(c.dir, "exp.json"), "--model", modelFile])).toBe(0);
    const model = modelFromJson(JSON.parse(readFileSync(modelFile, "utf8")));
    expect([model.inputSize, model.inputs, model.featureNames]).toEqual([3, ["u^2", "x2^2", "u*v"], ["u", "v"]]);

    // Raw columns in another order, an extra column, the target present.
    const points = [[0, 0], [0.95, 0.1], [-0.3, 0.2], [0.1, -1.02]];
    writeFileSync(join(c.dir, "in.csv"), ["id,v,u,ring", ...points.map(([u, v], i) => `p${i},${v},${u},${(i + 1) % 2}`)].join("\n"));
    const predictions = join(c.dir, "p.csv");
    expect(await run(["predict", "--model", modelFile, "--csv", join(c.dir, "in.csv"), "--out", predictions])).toBe(0);
    expect(c.err.join("")).toBe("");
    expect(c.out.join("\n")).toMatch(/4 predictions written to .*accuracy 1\.000 against column "ring"/);
    const lines = readFileSync(predictions, "utf8").trim().split("\n");
    // A binary model writes one probability column per class: p(0) = 1 − p(1), as predict_proba.
    expect(lines[0]).toBe("id,v,u,ring,predicted,p(0),p(1)");
    expect(lines.slice(1).map((l) => l.split(",")[4])).toEqual(["1", "0", "1", "0"]);
    // The same numbers as the library: raw → map → scaler → network.
    const mapped = featureMap(model.inputs!, model.featureNames).apply(fromRows(points));
    const p = predictOutput(model, mapped);
    expect(lines.slice(1).map((l) => Number(l.split(",")[6]))).toEqual(Array.from(p.data));
    expect(lines.slice(1).map((l) => Number(l.split(",")[5]))).toEqual(Array.from(p.data, (q) => 1 - q));
  });

  it("needs the raw columns, and names a bad inputs entry in the experiment file", async () => {
    writeFileSync(join(c.dir, "exp.json"), JSON.stringify({ data: { dataset: "moons", samples: 40 }, inputs: ["x1", "sin(x3)"], model: { layers: [{ units: 1, activation: "sigmoid" }] }, train: { epochs: 5 } }));
    expect(await run(["train", join(c.dir, "exp.json")])).toBe(2);
    expect(c.err.join("")).toContain('exp.json: inputs[1]: "x3" is out of range: the data has 2 feature columns (x1, x2)');
    c.err.length = 0;

    writeFileSync(join(c.dir, "exp.json"), JSON.stringify({ data: { dataset: "moons", samples: 40 }, inputs: ["x1*x2", "cos(x2)"], model: { layers: [{ units: 1, activation: "sigmoid" }] }, train: { epochs: 5 } }));
    const modelFile = join(c.dir, "model.json");
    expect(await run(["train", join(c.dir, "exp.json"), "--model", modelFile])).toBe(0);
    writeFileSync(join(c.dir, "in.csv"), "x1,z\n1,2\n");
    expect(await run(["predict", "--model", modelFile, "--csv", join(c.dir, "in.csv")])).toBe(2);
    expect(c.err.join("")).toContain('the model needs column "x2"; the file has "x1", "z"');
    c.err.length = 0;
    const json = JSON.parse(readFileSync(modelFile, "utf8"));
    writeFileSync(modelFile, JSON.stringify({ ...json, inputs: ["x1*x2", "tan(x2)"] }));
    writeFileSync(join(c.dir, "in.csv"), "x1,x2\n1,2\n");
    expect(await run(["predict", "--model", modelFile, "--csv", join(c.dir, "in.csv")])).toBe(2);
    expect(c.err.join("")).toContain('model.json: inputs[1]: "tan(x2)" is not an input feature; write xK, xK^2, xJ*xK, sin(xK) or cos(xK)');
  });
});
