/**
 * `glassbox export --to tfjs|onnx|sklearn MODEL --out PATH [--dtype float32|float64]`
 * MODEL is a model file (train --model, import) or a run file (train --out). Every file is made
 * in memory first, then written whole.
 * `glassbox export --to pytorch EXPERIMENT --out train.py`: a training script of the experiment.
 */
import { dirname, join } from "node:path";
import { UserError } from "../../core/errors.ts";
import { experimentToPytorch, modelToOnnx, modelToSklearn, modelToTfjs, TFJS_WEIGHTS_FILE, type ExportFormat } from "../../interop/index.ts";
import type { Model } from "../../nn/model.ts";
import { modelFromJson } from "../../nn/serialize.ts";
import { loadExperiment, readJsonFile } from "../experiment-file.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { isRunJson } from "./pictures.ts";

export interface ExportFlags {
  to: ExportFormat;
  out: string;
  dtype?: "float32" | "float64";
}

/** A model file, or the model inside a run file. */
export function readModelFile(file: string): Model {
  const json = readJsonFile(file, "model file");
  return isRunJson(json) ? modelFromJson(json.model, `${file}: model`) : modelFromJson(json, file);
}

export function exportCommand(file: string, flags: ExportFlags, print: (line: string) => void = console.log): void {
  const ext = flags.to === "onnx" ? "onnx" : flags.to === "pytorch" ? "py" : "json";
  outputKind(flags.out, [ext] as const, "--out");
  if (flags.to === "pytorch") {
    if (flags.dtype) throw new UserError(`--dtype is for --to onnx (the PyTorch script trains in float64)`);
    const script = experimentToPytorch(loadExperiment(file), file);
    writeFileAtomic(flags.out, script);
    print(`${file} → ${flags.out} (a PyTorch training script; python3 ${flags.out} trains and writes trained.onnx)`);
    return;
  }
  if (flags.dtype && flags.to !== "onnx") throw new UserError(`--dtype is for --to onnx (TensorFlow.js stores float32, scikit-learn's JSON float64)`);
  const model = readModelFile(file);
  if (flags.to === "onnx") {
    const dtype = flags.dtype ?? "float32";
    writeFileAtomic(flags.out, modelToOnnx(model, { dtype }));
    print(`${file} → ${flags.out} (ONNX, ${dtype}, Gemm layers; input "input" [N, ${model.inputSize}], output "output")`);
  } else if (flags.to === "sklearn") {
    writeFileAtomic(flags.out, JSON.stringify(modelToSklearn(model, file)) + "\n");
    print(`${file} → ${flags.out} (scikit-learn ${model.classes ? "MLPClassifier" : "MLPRegressor"} attributes; the README shows how to load them)`);
  } else {
    const { modelJson, weights } = modelToTfjs(model);
    const weightsFile = join(dirname(flags.out), TFJS_WEIGHTS_FILE);
    writeFileAtomic(weightsFile, weights);
    writeFileAtomic(flags.out, JSON.stringify(modelJson) + "\n");
    print(`${file} → ${flags.out} and ${weightsFile} (TensorFlow.js layers model, float32${model.scaler ? ", the scaler folded into the first layer" : ""})`);
  }
}
