/**
 * scikit-learn's MLPClassifier / MLPRegressor ⇄ Glassbox models, through a JSON of the fitted
 * attributes (the README's `glassbox_json` writes it): `coefs_` (one in × out matrix per layer),
 * `intercepts_`, `activation` (hidden layers), `out_activation_`, `classes_` (classifiers),
 * `n_features_in_`, `hidden_layer_sizes`, optionally a StandardScaler's `scaler: { mean_, scale_ }`
 * and `feature_names_in_`. scikit-learn computes `X·coefs_ + intercepts_` layer by layer: the
 * Glassbox layer's W is coefs_ transposed (out × in), so predictions agree to rounding.
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { defaultLoss } from "../experiment/experiment.ts";
import { activation, type ActivationName } from "../nn/activations.ts";
import type { Model } from "../nn/model.ts";
import { layerToJson } from "../nn/network.ts";
import { MODEL_FORMAT, MODEL_VERSION, type ModelJson } from "../nn/serialize.ts";
import { describe, isObject, numberList, numberMatrix, transpose } from "./check.ts";
import { SKLEARN_HIDDEN, SKLEARN_OUTPUT } from "./names.ts";

export interface SklearnMlpJson {
  type: "MLPClassifier" | "MLPRegressor";
  coefs_: number[][][];
  intercepts_: number[][];
  activation: SklearnActivation;
  out_activation_: SklearnOutActivation;
  n_features_in_: number;
  hidden_layer_sizes: number[];
  classes_?: Label[];
  scaler?: { mean_: number[] | null; scale_: number[] | null };
  feature_names_in_?: string[];
}

// scikit-learn's own names; which Glassbox activation each one is, is that entry's `interop.sklearn`.
type SklearnActivation = "relu" | "logistic" | "tanh" | "identity";
type SklearnOutActivation = "logistic" | "softmax" | "identity";

const isClassifierOutput = (a: ActivationName): boolean => activation(a).task !== "regression";

/** The `out_activation_` names of a classifier (or else of a regressor), as "a or b". */
function outputNames(classifier: boolean): string {
  return [...SKLEARN_OUTPUT].filter(([, a]) => isClassifierOutput(a) === classifier).map(([name]) => name).join(" or ");
}

/** The Glassbox activation of a scikit-learn name from `table`. */
function oneOf(v: unknown, table: ReadonlyMap<string, ActivationName>, where: string): ActivationName {
  const found = typeof v === "string" ? table.get(v) : undefined;
  if (found) return found;
  throw new UserError(`${describe(v)} is not one of ${[...table.keys()].join(", ")}`, where);
}

/** The model file (ARCHITECTURE §4) of a fitted scikit-learn MLP's JSON; `where` names the file in messages. */
export function sklearnToModelJson(doc: unknown, where = "sklearn model"): ModelJson {
  if (!isObject(doc)) throw new UserError(`expected a JSON object of a fitted MLPClassifier or MLPRegressor (see the README's glassbox_json), got ${describe(doc)}`, where);
  const at = (field: string) => `${where}: ${field}`;
  for (const field of ["coefs_", "intercepts_", "activation", "out_activation_"]) {
    if (doc[field] === undefined) throw new UserError(`${field} is missing: write the fitted model's ${field} (the README's glassbox_json does)`, where);
  }
  const type = doc.type ?? (doc.classes_ !== undefined ? "MLPClassifier" : "MLPRegressor");
  if (type !== "MLPClassifier" && type !== "MLPRegressor") throw new UserError(`${describe(type)} is not MLPClassifier or MLPRegressor (the only scikit-learn models Glassbox imports)`, at("type"));
  if (!Array.isArray(doc.coefs_) || doc.coefs_.length === 0) throw new UserError(`must be a non-empty list of matrices (one per layer), got ${describe(doc.coefs_)}`, at("coefs_"));
  const coefs = doc.coefs_.map((c, i) => numberMatrix(c, at(`coefs_[${i}]`)));
  if (!Array.isArray(doc.intercepts_) || doc.intercepts_.length !== coefs.length) {
    throw new UserError(`must be a list of ${coefs.length} bias vectors (one per matrix of coefs_), got ${describe(doc.intercepts_)}`, at("intercepts_"));
  }
  const inputSize = coefs[0].length;
  if (doc.n_features_in_ !== undefined && doc.n_features_in_ !== inputSize) {
    throw new UserError(`is ${describe(doc.n_features_in_)} but coefs_[0] has ${inputSize} rows (one per input feature)`, at("n_features_in_"));
  }
  coefs.forEach((c, i) => {
    if (i > 0 && c.length !== coefs[i - 1][0].length) {
      throw new UserError(`has ${c.length} rows but coefs_[${i - 1}] has ${coefs[i - 1][0].length} columns: the layers do not chain`, at(`coefs_[${i}]`));
    }
  });
  const biases = doc.intercepts_.map((b, i) => numberList(b, at(`intercepts_[${i}]`), coefs[i][0].length));
  if (doc.hidden_layer_sizes !== undefined) {
    const sizes = numberList(doc.hidden_layer_sizes, at("hidden_layer_sizes"));
    const actual = coefs.slice(0, -1).map((c) => c[0].length);
    if (sizes.join() !== actual.join()) throw new UserError(`is [${sizes.join(", ")}] but coefs_ has hidden layers of [${actual.join(", ")}]`, at("hidden_layer_sizes"));
  }
  const hidden = oneOf(doc.activation, SKLEARN_HIDDEN, at("activation"));
  const output = oneOf(doc.out_activation_, SKLEARN_OUTPUT, at("out_activation_"));
  const outName = doc.out_activation_ as SklearnOutActivation;
  const units = coefs[coefs.length - 1][0].length;

  let classes: Label[] | null = null;
  if (type === "MLPClassifier") {
    if (!isClassifierOutput(output)) throw new UserError(`an MLPClassifier's output is ${outputNames(true)}, not ${outName}`, at("out_activation_"));
    if (!Array.isArray(doc.classes_)) throw new UserError(`classes_ is missing: an MLPClassifier needs its classes_ (the label of each output)`, where);
    classes = doc.classes_ as Label[];
    const bad = classes.findIndex((c) => typeof c !== "number" && typeof c !== "string");
    if (bad >= 0) throw new UserError(`entry ${bad} is ${describe(classes[bad])}: labels are numbers or strings`, at("classes_"));
    const expected = activation(output).task === "binary" && units === 1 ? 2 : units;
    if (classes.length !== expected) throw new UserError(`has ${classes.length} labels but the output layer's ${units} unit${units === 1 ? "" : "s"} stand for ${expected}`, at("classes_"));
  } else if (isClassifierOutput(output)) {
    throw new UserError(`an MLPRegressor's output is ${outputNames(false)}, not ${outName}`, at("out_activation_"));
  }

  let scaler: ModelJson["scaler"] = null;
  if (doc.scaler !== undefined && doc.scaler !== null) {
    if (!isObject(doc.scaler)) throw new UserError(`must be { "mean_": […], "scale_": […] } (a fitted StandardScaler's), got ${describe(doc.scaler)}`, at("scaler"));
    const s = doc.scaler;
    const mean = s.mean_ === null || s.mean_ === undefined ? new Array<number>(inputSize).fill(0) : numberList(s.mean_, at("scaler.mean_"), inputSize);
    const scale = s.scale_ === null || s.scale_ === undefined ? new Array<number>(inputSize).fill(1) : numberList(s.scale_, at("scaler.scale_"), inputSize);
    if (scale.some((v) => v === 0)) throw new UserError("has a zero: every scale must be non-zero", at("scaler.scale_"));
    scaler = { mean, scale };
  }
  let featureNames = Array.from({ length: inputSize }, (_, i) => `x${i + 1}`);
  if (doc.feature_names_in_ !== undefined) {
    const names = doc.feature_names_in_;
    if (!Array.isArray(names) || names.length !== inputSize || !names.every((n) => typeof n === "string")) {
      throw new UserError(`must be ${inputSize} column names, got ${describe(names)}`, at("feature_names_in_"));
    }
    featureNames = names as string[];
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    inputSize,
    layers: coefs.map((c, i) => ({ units: c[0].length, activation: i === coefs.length - 1 ? output : hidden, W: transpose(c), b: biases[i] })),
    loss: defaultLoss(output),
    classes,
    scaler,
    featureNames,
    targetName: "y",
  };
}

/**
 * The same JSON for a Glassbox model, for scikit-learn to load (the README shows how). It has
 * what scikit-learn can hold: one activation for every hidden layer, and a logistic (binary or
 * multi-label), softmax (several classes) or identity (regression) output (a softmax over two
 * classes becomes one logistic unit, as scikit-learn has it). A model with an input
 * feature map (`inputs`) is refused: scikit-learn would be given the raw columns.
 */
export function modelToSklearn(model: Model, where = "model"): SklearnMlpJson {
  if (model.inputs) throw new UserError(`the model computes its inputs (${model.inputs.join(", ")}) from the raw columns, which scikit-learn's MLP cannot do; export to onnx or tfjs instead`, where);
  const hiddenNames = [...new Set(model.layers.slice(0, -1).map((l) => l.activation))];
  if (hiddenNames.length > 1) throw new UserError(`its hidden layers use ${hiddenNames.join(" and ")}; a scikit-learn MLP has one activation for all hidden layers`, where);
  const hiddenSk = hiddenNames.length ? activation(hiddenNames[0]).interop.sklearn : undefined;
  if (hiddenNames.length && !hiddenSk?.hidden) throw new UserError(`a ${hiddenNames[0]} hidden layer has no scikit-learn equivalent`, where);
  const out = model.layers[model.layers.length - 1];
  const classifier = model.classes !== null;
  const outSk = activation(out.activation).interop.sklearn;
  const outName = outSk?.output && isClassifierOutput(out.activation) === classifier ? (outSk.name as SklearnOutActivation) : undefined;
  if (!outName) {
    throw new UserError(`its output layer is ${out.activation} for ${classifier ? "classes" : "regression"}; scikit-learn's MLPs have ${outputNames(classifier)} outputs there`, where);
  }
  const layers = model.layers.map((l) => layerToJson(l));
  let outActivation = outName;
  if (out.activation === "softmax" && out.units === 2) {
    // scikit-learn's binary classifiers have one logistic unit: softmax(z)₁ = σ(z₁ − z₀).
    const { W, b } = layers[layers.length - 1];
    layers[layers.length - 1] = { W: [W[1].map((w, k) => w - W[0][k])], b: [b[1] - b[0]] };
    outActivation = "logistic";
  }
  const json: SklearnMlpJson = {
    type: classifier ? "MLPClassifier" : "MLPRegressor",
    coefs_: layers.map((l) => transpose(l.W)),
    intercepts_: layers.map((l) => l.b),
    activation: hiddenSk ? (hiddenSk.name as SklearnActivation) : "relu",
    out_activation_: outActivation,
    n_features_in_: model.inputSize,
    hidden_layer_sizes: model.layers.slice(0, -1).map((l) => l.units),
  };
  if (classifier) json.classes_ = [...model.classes!];
  if (model.scaler) json.scaler = { mean_: [...model.scaler.mean], scale_: [...model.scaler.scale] };
  json.feature_names_in_ = [...model.featureNames];
  return json;
}
