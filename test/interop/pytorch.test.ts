/**
 * `export --to pytorch`: the committed script (pytorch-train.py) is what the exporter writes for
 * pytorch-experiment.json; PyTorch ran it (scripts/reference/pytorch_export.py): its losses over
 * 100 full-batch gradient-descent epochs equal Glassbox's, and the ONNX it saved imports back as
 * the model Glassbox trains.
 */
import type { TrainConfig } from "../../src/nn/train.ts";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { experimentToPytorch } from "../../src/interop/pytorch.ts";
import { onnxToModelJson } from "../../src/interop/onnx.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { fixture, ROOT } from "../helpers.ts";

const DIR = join(ROOT, "test", "fixtures", "interop");
const EXPERIMENT = join(DIR, "pytorch-experiment.json");

describe("export --to pytorch", () => {
  it("writes the script PyTorch ran", () => {
    const script = experimentToPytorch(loadExperiment(EXPERIMENT), relative(ROOT, EXPERIMENT));
    expect(script).toBe(readFileSync(join(DIR, "pytorch-train.py"), "utf8"));
  });

  it("PyTorch's losses over 100 gradient-descent epochs equal Glassbox's to 1e-6 relative, and its trained weights import back", () => {
    const prepared = loadExperiment(EXPERIMENT);
    const { run } = runExperiment(prepared);
    const torch = fixture("interop/pytorch-history.json");
    expect(torch.loss).toHaveLength(100);
    const worst = Math.max(...torch.loss.map((v: number, i: number) => Math.abs(v - run.history.loss[i]) / v));
    expect(worst).toBeLessThan(1e-6);
    const back = modelFromJson(onnxToModelJson(new Uint8Array(readFileSync(join(DIR, "pytorch-trained.onnx")))));
    expect(back.scaler).toEqual(prepared.model.scaler);
    const diff = Math.max(...Array.from(back.params, (p, i) => Math.abs(p - prepared.model.params[i])));
    expect(diff).toBeLessThan(1e-9);
  });

  it("refuses L-BFGS, naming the field", () => {
    const prepared = loadExperiment(EXPERIMENT);
    expect(() => experimentToPytorch({ ...prepared, config: { ...prepared.config, optimizer: "lbfgs" } as TrainConfig }, "e.json")).toThrow(/^e\.json: train\.optimizer "lbfgs" is not exported/);
  });
});
