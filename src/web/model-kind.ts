/**
 * What the page and its worker share about imported models, with no code of the converters (the
 * main thread recognises a model file by its fields; the worker converts it, model-import.ts).
 */
import type { ModelJson } from "../nn/serialize.ts";
import type { ExperimentJson } from "./setup.ts";

export type ModelFormat = "glassbox" | "sklearn" | "tfjs" | "onnx";

export interface ModelFile {
  name: string;
  bytes: Uint8Array;
}

/** A model read from the files the user chose: its format, its model file and a CSV that came with it. */
export interface ImportedModel {
  format: ModelFormat;
  /** The file the model was read from (model.json, model.onnx, …). */
  name: string;
  model: ModelJson;
  csv: { name: string; text: string } | null;
}

/**
 * The start of a problem the page words itself (the worker speaks no language): the model's
 * input does not fit the page's data, followed by what the data has.
 */
export const DOES_NOT_FIT = "does-not-fit:";
/** A TensorFlow.js model.json chosen without the weights file it names: followed by that file's name. */
export const MISSING_WEIGHTS = "missing-weights:";

/** What kind of model a parsed JSON is, or null (an experiment file, a CSV, anything else). */
export function jsonModelKind(doc: unknown): "glassbox" | "sklearn" | "tfjs" | null {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return null;
  const o = doc as Record<string, unknown>;
  if (o.format === "glassbox-model") return "glassbox";
  // A run file (`glassbox train --out`) holds its model.
  if (o.model && typeof o.model === "object" && (o.model as Record<string, unknown>).format === "glassbox-model") return "glassbox";
  if ("coefs_" in o || "intercepts_" in o) return "sklearn";
  if ("weightsManifest" in o || "modelTopology" in o) return "tfjs";
  return null;
}

/** The experiment file of an imported model over the page's data (its `data` and `train` sections). */
export function modelExperiment(model: ModelJson, data: unknown, train: unknown, name = "imported-model"): ExperimentJson {
  return {
    name,
    data,
    ...(model.inputs ? { inputs: model.inputs } : {}),
    model: { layers: model.layers.map((l) => ({ units: l.units, activation: l.activation })) },
    loss: model.loss,
    init: { params: model.layers.map((l) => ({ W: l.W, b: l.b })) },
    train,
  };
}
