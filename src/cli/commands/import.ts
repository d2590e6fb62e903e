/**
 * `glassbox import --from sklearn|tfjs|onnx FILE --out model.json [--classes a,b] [--features x,y]`
 * A model trained elsewhere becomes a Glassbox model file (ARCHITECTURE §4), checked by the same
 * reader as every model file before anything is written.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../../core/errors.ts";
import type { Label } from "../../core/label.ts";
import { onnxToModelJson, sklearnToModelJson, tfjsToModelJson, type ImportFormat } from "../../interop/index.ts";
import { modelFromJson, modelToJson, type ModelJson } from "../../nn/serialize.ts";
import { readJsonFile } from "../experiment-file.ts";
import { outputKind, writeFileAtomic } from "../files.ts";

export interface ImportFlags {
  from: ImportFormat;
  out: string;
  /** Class labels in output order, for formats that do not store them. */
  classes?: string;
  /** Input column names, for formats that do not store them. */
  features?: string;
}

function readBytes(file: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    throw new UserError(`cannot read ${what} "${file}": no such file`);
  }
}

/** The model file's JSON of FILE in the given format (nothing written). */
export function importModelJson(from: ImportFormat, file: string): ModelJson {
  if (from === "sklearn") return sklearnToModelJson(readJsonFile(file, "scikit-learn model"), file);
  if (from === "onnx") return onnxToModelJson(readBytes(file, "ONNX model"), file);
  const dir = dirname(file);
  return tfjsToModelJson(readJsonFile(file, "TensorFlow.js model"), (path) => {
    try {
      return new Uint8Array(readFileSync(resolve(dir, path)));
    } catch {
      return undefined;
    }
  }, file);
}

const label = (s: string): Label => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : s.trim());

export function importCommand(file: string, flags: ImportFlags, print: (line: string) => void = console.log): void {
  outputKind(flags.out, ["json"] as const, "--out");
  const json = importModelJson(flags.from, file);
  if (flags.classes !== undefined) {
    const classes = flags.classes.split(",").map(label);
    const units = json.layers[json.layers.length - 1].units;
    const wanted = json.classes?.length ?? (units === 1 ? 2 : units);
    if (json.classes === null) throw new UserError(`--classes: the model does regression (a ${json.layers[json.layers.length - 1].activation} output); classes need a sigmoid or softmax output`);
    if (classes.length !== wanted) throw new UserError(`--classes: the model's output stands for ${wanted} classes, got ${classes.length} (${classes.join(", ")})`);
    json.classes = classes;
  }
  if (flags.features !== undefined) {
    const names = flags.features.split(",").map((s) => s.trim());
    if (names.length !== json.inputSize) throw new UserError(`--features: the model takes ${json.inputSize} inputs, got ${names.length} names`);
    json.featureNames = names;
  }
  const model = modelFromJson(json, file);
  writeFileAtomic(flags.out, JSON.stringify(modelToJson(model)) + "\n");
  const shape = [model.inputSize, ...model.layers.map((l) => l.units)].join("-");
  const what = model.classes ? `classes ${model.classes.join(", ")}` : "regression";
  print(`${file}: ${shape} (${model.layers.map((l) => l.activation).join(", ")}), ${what}${model.scaler ? ", with its scaler" : ""} → ${flags.out}`);
}
