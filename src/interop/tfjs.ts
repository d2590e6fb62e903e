/**
 * TensorFlow.js layers format ⇄ Glassbox models: `model.json` (a Keras model config and a weights
 * manifest) beside its binary weight shards (`group1-shard1of1.bin`), what `model.save("file://…")`
 * and Keras' tensorflowjs converter write. Imported: Sequential models of Dense layers (an
 * InputLayer and Dropout, a no-op when predicting, are passed over); anything else is refused by
 * its class name. Weights are float32: an imported model predicts as TensorFlow.js does to float32
 * precision, and an exported one is rounded to float32.
 *
 * Exported models carry what TensorFlow.js has no field for (classes, column names, loss) in
 * `userDefinedMetadata.glassbox`, read back on import. A scaler is folded into the first layer
 * (W' = W / scale column-wise, b' = b − W'·mean): the exported model takes the raw columns.
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { defaultLoss } from "../experiment/experiment.ts";
import { activation, type ActivationName } from "../nn/activations.ts";
import { isLossName, type LossName } from "../nn/losses.ts";
import type { Model } from "../nn/model.ts";
import { layerToJson } from "../nn/network.ts";
import { MODEL_FORMAT, MODEL_VERSION, type ModelJson } from "../nn/serialize.ts";
import { describe, isObject, namesFromMetadata } from "./check.ts";
import { interopName, KERAS_ACTIVATIONS } from "./names.ts";

export const TFJS_WEIGHTS_FILE = "group1-shard1of1.bin";

export interface TfjsModelJson {
  modelTopology: unknown;
  format: "layers-model";
  generatedBy: string;
  convertedBy: string | null;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: "float32" }[] }[];
  userDefinedMetadata?: { glassbox?: GlassboxMetadata };
}

/** What a Glassbox model has and a layers model does not. */
export interface GlassboxMetadata {
  classes: Label[] | null;
  featureNames: string[];
  targetName: string;
  loss: LossName;
  inputs?: string[];
}

/** The shard files a model.json names, in order (relative to the model.json). */
export function tfjsWeightPaths(modelJson: unknown, where = "model.json"): string[] {
  if (!isObject(modelJson) || !Array.isArray(modelJson.weightsManifest)) {
    throw new UserError(`not a TensorFlow.js layers model: it has no weightsManifest (expected the model.json written by model.save or tensorflowjs_converter)`, where);
  }
  return modelJson.weightsManifest.flatMap((g, i) => {
    if (!isObject(g) || !Array.isArray(g.paths) || !g.paths.every((p) => typeof p === "string")) throw new UserError(`must have a list of paths`, `${where}: weightsManifest[${i}]`);
    return g.paths as string[];
  });
}

interface DenseSpec {
  name: string;
  units: number;
  activation: ActivationName;
  useBias: boolean;
}

/**
 * The model file of a layers model: its model.json (parsed) and a reader of its shard files
 * (the paths of `tfjsWeightPaths`; undefined when a file is missing).
 */
export function tfjsToModelJson(modelJson: unknown, readShard: (path: string) => Uint8Array | undefined, where = "model.json"): ModelJson {
  const paths = tfjsWeightPaths(modelJson, where);
  const doc = modelJson as Record<string, unknown>;
  let topology = doc.modelTopology;
  if (isObject(topology) && isObject(topology.model_config)) topology = topology.model_config; // Keras' converter nests it
  if (!isObject(topology)) throw new UserError(`modelTopology is missing: not a layers model (a graph model from a SavedModel cannot be imported)`, where);
  if (topology.class_name !== "Sequential") throw new UserError(`the model is a ${describe(topology.class_name)}; Glassbox imports Sequential models of Dense layers`, `${where}: modelTopology.class_name`);
  const config = topology.config;
  const layerList = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined; // old Keras: a plain list
  if (!Array.isArray(layerList)) throw new UserError(`has no list of layers`, `${where}: modelTopology.config`);

  let inputSize: number | undefined;
  const dense: DenseSpec[] = [];
  layerList.forEach((layer, i) => {
    const at = `${where}: modelTopology.config.layers[${i}]`;
    if (!isObject(layer) || !isObject(layer.config)) throw new UserError(`is not a layer ({ class_name, config })`, at);
    const c = layer.config;
    if (layer.class_name !== "InputLayer" && layer.class_name !== "Dropout" && layer.class_name !== "Dense") {
      throw new UserError(`layer ${describe(c.name ?? layer.class_name)} is a ${describe(layer.class_name)}; Glassbox imports only Dense layers (with InputLayer and Dropout)`, at);
    }
    const shape = c.batch_input_shape ?? c.batch_shape ?? c.batchInputShape;
    if (inputSize === undefined && Array.isArray(shape)) {
      if (shape.length !== 2 || !Number.isInteger(shape[1])) throw new UserError(`the input shape is [${shape.map((s) => (s === null ? "null" : s)).join(", ")}]; Glassbox imports models over flat feature vectors, [null, features]`, at);
      inputSize = shape[1] as number;
    }
    if (layer.class_name !== "Dense") return; // InputLayer, Dropout: nothing to compute when predicting
    if (!Number.isInteger(c.units) || (c.units as number) < 1) throw new UserError(`units must be a positive integer, got ${describe(c.units)}`, at);
    const act = c.activation ?? "linear";
    const glassboxActivation = typeof act === "string" ? KERAS_ACTIVATIONS.get(act) : undefined;
    if (!glassboxActivation) throw new UserError(`activation ${describe(act)} is not supported: Glassbox has ${[...KERAS_ACTIVATIONS.keys()].join(", ")}`, at);
    dense.push({ name: String(c.name ?? `dense_${dense.length + 1}`), units: c.units as number, activation: glassboxActivation, useBias: c.use_bias !== false });
  });
  if (dense.length === 0) throw new UserError(`has no Dense layer`, `${where}: modelTopology`);
  if (inputSize === undefined) throw new UserError(`the first layer has no batch_input_shape: the input size is unknown`, `${where}: modelTopology.config.layers[0]`);

  // The weights: every manifest entry's bytes, in order, across the shards.
  const bytes = concat(paths.map((p) => {
    const b = readShard(p);
    if (!b) throw new UserError(`its weights file "${p}" is missing: keep it beside model.json`, where);
    return b;
  }));
  const specs = (doc.weightsManifest as { weights?: unknown }[]).flatMap((g) => (Array.isArray(g.weights) ? g.weights : []));
  const tensors = new Map<string, { shape: number[]; values: Float32Array }>();
  let offset = 0;
  specs.forEach((s, i) => {
    const at = `${where}: weightsManifest weight ${i}`;
    if (!isObject(s) || typeof s.name !== "string" || !Array.isArray(s.shape)) throw new UserError(`must be { name, shape, dtype }`, at);
    if (!s.shape.every((k) => Number.isInteger(k) && (k as number) >= 0)) throw new UserError(`${s.name}: the shape [${s.shape.join(", ")}] must be whole numbers ≥ 0`, at);
    if (s.dtype !== "float32" || s.quantization !== undefined) throw new UserError(`${s.name} is ${s.quantization ? "quantized" : describe(s.dtype)}; Glassbox reads float32 weights (convert without quantization)`, at);
    const count = (s.shape as number[]).reduce((a, b) => a * b, 1);
    if (offset + count * 4 > bytes.length) throw new UserError(`the weights files hold ${bytes.length} bytes but the manifest needs more (${s.name} ends at byte ${offset + count * 4}): the weights do not match model.json`, where);
    tensors.set(s.name, { shape: s.shape as number[], values: new Float32Array(bytes.slice(offset, offset + count * 4).buffer) });
    offset += count * 4;
  });
  if (offset !== bytes.length) throw new UserError(`the weights files hold ${bytes.length} bytes but the manifest describes ${offset}: the weights do not match model.json`, where);

  const weightNames = [...tensors.keys()];
  const find = (layer: string, kind: "kernel" | "bias") => {
    const key = weightNames.find((n) => n === `${layer}/${kind}` || n.endsWith(`/${layer}/${kind}`)) ?? weightNames.find((n) => n.endsWith(`${layer}/${kind}`));
    if (!key) throw new UserError(`layer "${layer}" has no ${kind} in the weights manifest`, where);
    return tensors.get(key)!;
  };
  let fanIn = inputSize;
  const layers = dense.map((d) => {
    const kernel = find(d.name, "kernel");
    if (kernel.shape.length !== 2 || kernel.shape[0] !== fanIn || kernel.shape[1] !== d.units) {
      throw new UserError(`layer "${d.name}": the kernel is [${kernel.shape.join(", ")}] but the layer takes ${fanIn} inputs to ${d.units} units ([${fanIn}, ${d.units}]): the shapes do not chain`, where);
    }
    let b = new Array<number>(d.units).fill(0);
    if (d.useBias) {
      const bias = find(d.name, "bias");
      if (bias.shape.length !== 1 || bias.shape[0] !== d.units) throw new UserError(`layer "${d.name}": the bias is [${bias.shape.join(", ")}], expected [${d.units}]`, where);
      b = Array.from(bias.values);
    }
    // Keras' kernel is in × out (row-major); Glassbox's W is out × in.
    const W = Array.from({ length: d.units }, (_, j) => Array.from({ length: fanIn }, (_, k) => kernel.values[k * d.units + j]));
    fanIn = d.units;
    return { units: d.units, activation: d.activation, W, b };
  });

  const meta = isObject(doc.userDefinedMetadata) && isObject(doc.userDefinedMetadata.glassbox) ? (doc.userDefinedMetadata.glassbox as Partial<GlassboxMetadata>) : {};
  const out = layers[layers.length - 1];
  const loss = isLossName(meta.loss) ? meta.loss : defaultLoss(out.activation);
  const classes = Array.isArray(meta.classes) || meta.classes === null ? meta.classes : defaultClasses(out.activation, out.units);
  const names = namesFromMetadata(meta.featureNames, meta.inputs, inputSize);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    inputSize,
    layers,
    loss,
    classes,
    scaler: null,
    featureNames: names.featureNames,
    targetName: typeof meta.targetName === "string" ? meta.targetName : "y",
  };
  if (names.inputs) json.inputs = names.inputs;
  return json;
}

/**
 * Classes when a file names none (by the output's task): 0/1 for one binary unit (sigmoid), 0…k−1
 * for k outputs; none for regression.
 */
export function defaultClasses(output: ActivationName, units: number): Label[] | null {
  const task = activation(output).task;
  if (task === "regression") return null;
  return task === "binary" && units === 1 ? [0, 1] : Array.from({ length: units }, (_, i) => i);
}

/** The model's layers with its scaler folded into the first one (raw inputs in, the same outputs). */
export function foldScaler(model: Model): { units: number; activation: ActivationName; W: number[][]; b: number[] }[] {
  const layers = model.layers.map((l) => ({ units: l.units, activation: l.activation, ...layerToJson(l) }));
  const s = model.scaler;
  if (s) {
    const first = layers[0];
    first.W = first.W.map((row) => row.map((w, k) => w / s.scale[k]));
    first.b = first.b.map((b, j) => b - first.W[j].reduce((acc, w, k) => acc + w * s.mean[k], 0));
  }
  return layers;
}

/** A Glassbox model as TensorFlow.js files: model.json's content and the bytes of `TFJS_WEIGHTS_FILE`. */
export function modelToTfjs(model: Model): { modelJson: TfjsModelJson; weights: Uint8Array } {
  const layers = foldScaler(model);
  const values: number[] = [];
  const weights: TfjsModelJson["weightsManifest"][0]["weights"] = [];
  const kerasLayers = layers.map((l, i) => {
    const name = `dense_${i + 1}`;
    const inputs = i === 0 ? model.inputSize : layers[i - 1].units;
    for (let k = 0; k < inputs; k++) for (let j = 0; j < l.units; j++) values.push(l.W[j][k]);
    values.push(...l.b);
    weights.push({ name: `${name}/kernel`, shape: [inputs, l.units], dtype: "float32" }, { name: `${name}/bias`, shape: [l.units], dtype: "float32" });
    return {
      class_name: "Dense",
      config: {
        units: l.units,
        activation: interopName("keras", l.activation, `layer ${i + 1}`),
        use_bias: true,
        kernel_initializer: { class_name: "Zeros", config: {} },
        bias_initializer: { class_name: "Zeros", config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name,
        trainable: true,
        ...(i === 0 ? { batch_input_shape: [null, model.inputSize] } : {}),
        dtype: "float32",
      },
    };
  });
  const glassbox: GlassboxMetadata = { classes: model.classes, featureNames: model.featureNames, targetName: model.targetName, loss: model.loss };
  if (model.inputs) glassbox.inputs = model.inputs;
  return {
    modelJson: {
      modelTopology: { class_name: "Sequential", config: { name: "glassbox", layers: kerasLayers }, keras_version: "tfjs-layers 4.22.0", backend: "tensor_flow.js" },
      format: "layers-model",
      generatedBy: "Glassbox",
      convertedBy: null,
      weightsManifest: [{ paths: [`./${TFJS_WEIGHTS_FILE}`], weights }],
      userDefinedMetadata: { glassbox },
    },
    weights: new Uint8Array(new Float32Array(values).buffer),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

