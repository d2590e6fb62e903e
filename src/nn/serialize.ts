/** The model file (ARCHITECTURE §4): plain JSON, versioned. */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { activation, isActivationName, type ActivationName } from "./activations.ts";
import { isLossName, loss as lossOf, type LossName } from "./losses.ts";
import type { Scaler } from "../core/scaler.ts";
import { taskOf } from "./targets.ts";
import { createModel, type Model } from "./model.ts";
import { layerToJson } from "./network.ts";
import { setParams } from "./init.ts";

export const MODEL_FORMAT = "glassbox-model";
export const MODEL_VERSION = 1;

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  version: number;
  inputSize: number;
  layers: { units: number; activation: ActivationName; W: number[][]; b: number[] }[];
  loss: LossName;
  classes: Label[] | null;
  scaler: { mean: number[]; scale: number[] } | null;
  featureNames: string[];
  targetName: string;
  /** The input feature map's names (model.ts); absent in files without one. */
  inputs?: string[] | null;
}

export function modelToJson(model: Model): ModelJson {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    inputSize: model.inputSize,
    layers: model.layers.map((l) => ({ units: l.units, activation: l.activation, ...layerToJson(l) })),
    loss: model.loss,
    classes: model.classes,
    scaler: model.scaler,
    featureNames: model.featureNames,
    targetName: model.targetName,
    ...(model.inputs ? { inputs: model.inputs } : {}),
  };
}

const FIX = 'pass a file written by "glassbox train --model" (or train it again)';

const describe = (v: unknown): string =>
  v === undefined ? "missing" : v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "string" ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v) : typeof v === "object" ? "an object" : String(v);

function fail(message: string, path: string): never {
  throw new UserError(`${message}; ${FIX}`, path);
}

function list(v: unknown, path: string, length?: number, what = "values"): unknown[] {
  if (!Array.isArray(v)) fail(`expected a list of ${what}, got ${describe(v)}`, path);
  if (length !== undefined && v.length !== length) fail(`has ${v.length} ${what}, expected ${length}`, path);
  return v;
}

function numbers(v: unknown, path: string, length: number, o: { positive?: boolean } = {}): number[] {
  const a = list(v, path, length, "numbers");
  a.forEach((x, i) => {
    if (typeof x !== "number" || !Number.isFinite(x)) fail(`expected a finite number, got ${describe(x)}`, `${path}[${i}]`);
    if (o.positive && !(x > 0)) fail(`must be > 0, got ${x}`, `${path}[${i}]`);
  });
  return a as number[];
}

function names(v: unknown, path: string, length?: number): string[] {
  const a = list(v, path, length, "names");
  const seen = new Set<string>();
  a.forEach((x, i) => {
    if (typeof x !== "string" || x === "") fail(`expected a non-empty name, got ${describe(x)}`, `${path}[${i}]`);
    if (seen.has(x)) fail(`names ${JSON.stringify(x)} twice`, path);
    seen.add(x);
  });
  return a as string[];
}

/**
 * Reads a model file's JSON, checked as fully as an experiment file: every field's type and
 * shape (weights, scaler, names, classes) against the layers, so that a model that loads can
 * predict. A problem is a UserError naming its JSON path.
 */
export function modelFromJson(json: unknown, where = "model"): Model {
  const at = (k: string) => `${where}.${k}`;
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new UserError(`not a model file (expected a JSON object, got ${describe(json)}); ${FIX}`, where);
  const o = json as Record<string, unknown>;
  if (o.format !== MODEL_FORMAT) throw new UserError(`not a Glassbox model file (format is ${describe(o.format)}, expected "${MODEL_FORMAT}"); pass the file written by "glassbox train --model"`, where);
  if (o.version !== MODEL_VERSION) {
    const newer = typeof o.version === "number" && o.version > MODEL_VERSION;
    throw new UserError(`model file version ${describe(o.version)} is not supported (this Glassbox reads version ${MODEL_VERSION})${newer ? "; use the newer Glassbox that wrote it" : `; ${FIX}`}`, at("version"));
  }
  if (!Number.isInteger(o.inputSize) || (o.inputSize as number) < 1) fail(`inputSize must be a positive whole number, got ${describe(o.inputSize)}`, at("inputSize"));
  const inputSize = o.inputSize as number;
  if (!Array.isArray(o.layers) || o.layers.length === 0) fail(`layers must be a non-empty list, got ${describe(o.layers)}`, at("layers"));
  const rawLayers = o.layers as unknown[];
  let fanIn = inputSize;
  const layers = rawLayers.map((l, i) => {
    const p = `${at("layers")}[${i}]`;
    if (!l || typeof l !== "object" || Array.isArray(l)) fail(`expected a layer object, got ${describe(l)}`, p);
    const lo = l as Record<string, unknown>;
    if (!isActivationName(lo.activation)) fail(`unknown activation ${describe(lo.activation)}`, `${p}.activation`);
    if (activation(lo.activation).outputOnly && i < rawLayers.length - 1) fail(`${lo.activation} is only for the output layer`, `${p}.activation`);
    if (!Number.isInteger(lo.units) || (lo.units as number) < 1) fail(`units must be a positive whole number, got ${describe(lo.units)}`, `${p}.units`);
    const units = lo.units as number;
    const Wrows = list(lo.W, `${p}.W`, units, "rows");
    const W = Wrows.map((row, j) => numbers(row, `${p}.W[${j}]`, fanIn));
    const b = numbers(lo.b, `${p}.b`, units);
    fanIn = units;
    return { units, activation: lo.activation as ActivationName, W, b };
  });
  const output = layers[layers.length - 1];
  if (!isLossName(o.loss)) fail(`unknown loss ${describe(o.loss)}`, at("loss"));
  const needs = lossOf(o.loss).requiresOutput;
  if (needs && output.activation !== needs) fail(`loss "${o.loss}" needs a ${needs} output layer, but the last layer is ${output.activation}`, at("loss"));

  const inputs = o.inputs ?? null;
  if (inputs !== null) names(inputs, at("inputs"), inputSize);
  let featureNames: string[] | undefined;
  if (o.featureNames === undefined) {
    if (inputs !== null) fail("a model with inputs needs featureNames (the raw columns the inputs are computed from)", at("featureNames"));
  } else {
    featureNames = names(o.featureNames, at("featureNames"), inputs === null ? inputSize : undefined);
    if (featureNames.length === 0) fail("needs at least one name", at("featureNames"));
  }
  if (o.targetName !== undefined && (typeof o.targetName !== "string" || o.targetName === "")) fail(`expected a column name, got ${describe(o.targetName)}`, at("targetName"));

  let scaler: Scaler | null = null;
  if (o.scaler !== undefined && o.scaler !== null) {
    if (typeof o.scaler !== "object" || Array.isArray(o.scaler)) fail(`expected null or { "mean": […], "scale": […] }, got ${describe(o.scaler)}`, at("scaler"));
    const so = o.scaler as Record<string, unknown>;
    scaler = { mean: numbers(so.mean, at("scaler.mean"), inputSize), scale: numbers(so.scale, at("scaler.scale"), inputSize, { positive: true }) };
  }

  const classes = modelClasses(o.classes, output, at("classes"));
  const model = createModel({
    inputSize,
    layers: layers.map((l) => ({ units: l.units, activation: l.activation })),
    loss: o.loss,
    classes,
    scaler,
    featureNames,
    targetName: o.targetName as string | undefined,
    inputs: inputs as string[] | null,
  });
  setParams(model, layers);
  return model;
}

/**
 * The classes field against the output layer: two for one sigmoid unit, one per unit for several
 * sigmoid units (multi-label, as scikit-learn's MLPClassifier writes them) or softmax, none for regression.
 */
function modelClasses(v: unknown, output: { units: number; activation: ActivationName }, path: string): Label[] | null {
  const task = taskOf(output.activation);
  if (task === "regression") {
    if (v !== undefined && v !== null) fail(`a ${output.activation} output does regression, so classes must be null, got ${describe(v)}`, path);
    return null;
  }
  const expected = task === "binary" && output.units === 1 ? 2 : output.units;
  const a = list(v, path, undefined, "class labels");
  if (a.length !== expected) {
    fail(`has ${a.length} class${a.length === 1 ? "" : "es"} but the output layer (${output.units} ${output.activation} unit${output.units === 1 ? "" : "s"}) stands for ${expected}`, path);
  }
  a.forEach((c, i) => {
    if (!((typeof c === "number" && Number.isFinite(c)) || (typeof c === "string" && c !== ""))) fail(`expected a class label (a number or a non-empty string), got ${describe(c)}`, `${path}[${i}]`);
  });
  if (new Set(a).size !== a.length) fail("lists a class twice", path);
  return a as Label[];
}
