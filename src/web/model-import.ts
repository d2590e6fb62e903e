/**
 * Importing a model into the page (the worker's side): a Glassbox model file, a scikit-learn MLP
 * JSON, a TensorFlow.js layers model (model.json with its .bin weights) or an ONNX graph becomes
 * the model file of ARCHITECTURE §4 through src/interop; then the page's data is prepared for it
 * as `glassbox plot --model m.json --csv data.csv` prepares a CSV (cli/commands/model-source.ts):
 * the model, with its own scaler, classes and weights, takes the place of the experiment's network.
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { matrix, type Matrix } from "../core/matrix.ts";
import { applyScaler } from "../data/apply-scaler.ts";
import { featureMap, mapInputs, mapSplit } from "../data/feature-map.ts";
import { loadData } from "../data/load.ts";
import type { DataSplit, LabeledData } from "../data/types.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { validateExperiment } from "../experiment/validate.ts";
import { onnxToModelJson, sklearnToModelJson, tfjsToModelJson, tfjsWeightPaths } from "../interop/index.ts";
import { predictOutput } from "../nn/predict.ts";
import { modelFromJson, modelToJson, type ModelJson } from "../nn/serialize.ts";
import { encodeTargets } from "../nn/targets.ts";
import type { Model } from "../nn/model.ts";
import type { ExperimentJson } from "./setup.ts";
import { DOES_NOT_FIT, jsonModelKind, MISSING_WEIGHTS, type ImportedModel, type ModelFile } from "./model-kind.ts";

const text = (f: ModelFile): string => new TextDecoder().decode(f.bytes);
const base = (path: string): string => path.split("/").pop() ?? path;

function parseJson(f: ModelFile): unknown {
  try {
    return JSON.parse(text(f));
  } catch (e) {
    throw new UserError(`not valid JSON (${(e as Error).message})`, f.name);
  }
}

/** Reads the chosen files as one model (and the CSV beside it, if any); throws the converter's message. */
export function readModelFiles(files: readonly ModelFile[]): ImportedModel {
  const csvFile = files.find((f) => f.name.toLowerCase().endsWith(".csv"));
  const csv = csvFile ? { name: csvFile.name, text: text(csvFile) } : null;
  const onnx = files.find((f) => f.name.toLowerCase().endsWith(".onnx"));
  const checked = (json: ModelJson, name: string): ModelJson => modelToJson(modelFromJson(json, name));
  if (onnx) return { format: "onnx", name: onnx.name, model: checked(onnxToModelJson(onnx.bytes, onnx.name), onnx.name), csv };
  for (const f of files.filter((x) => x.name.toLowerCase().endsWith(".json"))) {
    const doc = parseJson(f);
    const kind = jsonModelKind(doc);
    if (kind === "glassbox") {
      const o = doc as Record<string, unknown>;
      return { format: "glassbox", name: f.name, model: modelToJson(modelFromJson(o.format === "glassbox-model" ? o : o.model, f.name)), csv };
    }
    if (kind === "sklearn") return { format: "sklearn", name: f.name, model: checked(sklearnToModelJson(doc, f.name), f.name), csv };
    if (kind === "tfjs") {
      const missing = tfjsWeightPaths(doc, f.name).find((p) => !files.some((x) => x.name === base(p)));
      if (missing !== undefined) throw new Error(`${MISSING_WEIGHTS}${base(missing)}`);
      const shard = (p: string): Uint8Array | undefined => files.find((x) => x.name === base(p))?.bytes;
      return { format: "tfjs", name: f.name, model: checked(tfjsToModelJson(doc, shard, f.name), f.name), csv };
    }
  }
  throw new UserError("no model among the chosen files (a Glassbox model or run file, a scikit-learn MLP JSON, a TensorFlow.js model.json with its .bin, or an .onnx file)");
}

/** The data's columns as the model's: the same names, the model's names picked by name, or the same count by position. */
function alignColumns(split: DataSplit, model: ModelJson): DataSplit {
  const want = model.featureNames;
  const have = split.featureNames;
  const rename = (p: LabeledData, pick: number[] | null): LabeledData => {
    if (!pick) return p;
    const X = matrix(p.X.rows, pick.length);
    for (let r = 0; r < p.X.rows; r++) pick.forEach((c, k) => (X.data[r * pick.length + k] = p.X.data[r * p.X.cols + c]));
    return { ...p, X };
  };
  let pick: number[] | null = null;
  if (want.every((n, i) => have[i] === n) && have.length === want.length) pick = null;
  else if (want.every((n) => have.includes(n))) pick = want.map((n) => have.indexOf(n));
  else if (have.length === want.length) pick = null;
  else throw new Error(`${DOES_NOT_FIT}${have.length}`);
  return { ...split, train: rename(split.train, pick), test: split.test ? rename(split.test, pick) : null, featureNames: [...want] };
}

/**
 * The data's labels as the model's classes: as they are when each is one of them, else the
 * data's classes in order stand for the model's first ones (the Playground's 0 and 1 for a
 * model's "no" and "yes"). A regression model takes the values as they are.
 */
function alignLabels(split: DataSplit, model: ModelJson): DataSplit {
  const classes = model.classes;
  const labels = [...split.train.y, ...(split.test?.y ?? [])];
  if (!classes) {
    if (labels.some((v) => typeof v !== "number")) throw new Error(`${DOES_NOT_FIT}labels`);
    return split;
  }
  const byText = new Map(classes.map((c) => [String(c), c]));
  if (labels.every((v) => byText.has(String(v)))) {
    const as = (p: LabeledData): LabeledData => ({ ...p, y: p.y.map((v) => byText.get(String(v))!) });
    return { ...split, train: as(split.train), test: split.test ? as(split.test) : null };
  }
  const distinct = [...new Set(labels.map(String))].sort((a, b) => (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) ? Number(a) - Number(b) : a.localeCompare(b)));
  if (distinct.length > classes.length || distinct.length > 20) throw new Error(`${DOES_NOT_FIT}labels`);
  const to = new Map<string, Label>(distinct.map((d, i) => [d, classes[i]]));
  const as = (p: LabeledData): LabeledData => ({ ...p, y: p.y.map((v) => to.get(String(v))!) });
  return { ...split, train: as(split.train), test: split.test ? as(split.test) : null };
}

/**
 * Everything training needs, for an imported model over the data an experiment file names
 * (model-kind.ts `modelExperiment`). Throws DOES_NOT_FIT when the model cannot read that data.
 */
export function prepareForModel(json: ModelJson, experimentJson: ExperimentJson, readText: (path: string) => string | undefined): Prepared {
  const model: Model = modelFromJson(json, "model");
  const experiment = validateExperiment({ ...experimentJson, train: { ...((experimentJson.train as object | undefined) ?? {}), epochs: 1 } });
  const raw = alignLabels(alignColumns(loadData(experiment.data, readText), json), json);
  const split = model.inputs ? mapSplit(raw, featureMap(model.inputs, model.featureNames)) : raw;
  const units = json.layers[json.layers.length - 1].units;
  if (!model.classes && units > 1 && !split.train.Y) throw new Error(`${DOES_NOT_FIT}labels`);
  const scale = (X: Matrix): Matrix => (model.scaler ? applyScaler(X, model.scaler) : X);
  const encode = (p: LabeledData): Float64Array => (p.Y ? p.Y.data : encodeTargets(p.y, model.classes, units, "data"));
  const t = experiment.train;
  return {
    experiment,
    model,
    split,
    raw,
    data: { X: scale(split.train.X), Y: encode(split.train), testX: split.test ? scale(split.test.X) : null, testY: split.test ? encode(split.test) : null },
    // The validated `train` is a TrainConfig already (as prepareExperiment uses it).
    config: { ...t, recordEvery: experiment.record.every, paramsAt: experiment.record.paramsAt },
  };
}

/** The model's outputs for raw rows (what `glassbox predict` writes: probabilities or values). */
export function predictRows(model: Model, rows: readonly (readonly number[])[]): number[][] {
  const cols = model.featureNames.length;
  const X = matrix(rows.length, model.inputs ? cols : model.inputSize, Float64Array.from(rows.flat()));
  const out = predictOutput(model, mapInputs(model, X));
  return Array.from({ length: out.rows }, (_, i) => Array.from(out.data.subarray(i * out.cols, (i + 1) * out.cols)));
}

