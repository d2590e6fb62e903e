/** The model file (DESIGN §4): plain JSON, versioned. */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { isActivationName, type ActivationName } from "./activations.ts";
import { isLossName, type LossName } from "./losses.ts";
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

/** Reads a model file's JSON, rejecting anything that is not a complete version-1 model. */
export function modelFromJson(json: unknown, where = "model"): Model {
  const o = json as Partial<ModelJson> | null;
  if (!o || typeof o !== "object") throw new UserError("not a model file (expected a JSON object)", where);
  if (o.format !== MODEL_FORMAT) throw new UserError(`not a Glassbox model file (format is ${JSON.stringify(o.format)}, expected "${MODEL_FORMAT}"); pass the file written by "glassbox train --model"`, where);
  if (o.version !== MODEL_VERSION) throw new UserError(`model file version ${o.version} is not supported (this Glassbox reads version ${MODEL_VERSION})`, where);
  if (!Number.isInteger(o.inputSize) || (o.inputSize as number) < 1) throw new UserError("inputSize must be a positive integer", `${where}.inputSize`);
  if (!Array.isArray(o.layers) || o.layers.length === 0) throw new UserError("layers must be a non-empty array", `${where}.layers`);
  o.layers.forEach((l, i) => {
    if (!isActivationName(l?.activation)) throw new UserError(`unknown activation ${JSON.stringify(l?.activation)}`, `${where}.layers[${i}].activation`);
    if (!Number.isInteger(l.units) || l.units < 1) throw new UserError("units must be a positive integer", `${where}.layers[${i}].units`);
  });
  if (!isLossName(o.loss)) throw new UserError(`unknown loss ${JSON.stringify(o.loss)}`, `${where}.loss`);
  const inputs = o.inputs ?? null;
  if (inputs !== null) {
    if (!Array.isArray(inputs) || !inputs.every((n) => typeof n === "string")) throw new UserError("must be a list of feature names", `${where}.inputs`);
    if (inputs.length !== o.inputSize) throw new UserError(`has ${inputs.length} names but inputSize is ${o.inputSize} (one name per input)`, `${where}.inputs`);
    if (!Array.isArray(o.featureNames)) throw new UserError("a model with inputs needs featureNames (the raw columns the inputs are computed from)", `${where}.featureNames`);
  }
  const model = createModel({
    inputSize: o.inputSize as number,
    layers: o.layers.map((l) => ({ units: l.units, activation: l.activation })),
    loss: o.loss,
    classes: o.classes ?? null,
    scaler: o.scaler ?? null,
    featureNames: o.featureNames,
    targetName: o.targetName,
    inputs,
  });
  try {
    setParams(model, o.layers);
  } catch (e) {
    throw new UserError((e as Error).message, `${where}.layers`);
  }
  if (!model.params.every(Number.isFinite)) throw new UserError("parameters must be finite numbers", `${where}.layers`);
  return model;
}
