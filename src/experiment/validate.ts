/**
 * Structural validation of an experiment file: every field's type and range, unknown fields,
 * and the rules that need no data (loss ↔ output activation). Rules that need the data
 * (classes, feature count, explicit parameter shapes) are checked in prepare.ts, still before any work.
 */
import { UserError } from "../core/errors.ts";
import { RNG_NAMES } from "../core/random.ts";
import { parseFeatureName } from "../data/feature-map.ts";
import type { DatasetEntry } from "../data/dataset.ts";
import { DATASET_NAMES, DATASETS } from "../data/generate.ts";
import type { DataSpec } from "../data/types.ts";
import { activation as activationOf, ACTIVATION_NAMES } from "../nn/activations.ts";
import { INIT_SCHEMES } from "../nn/init.ts";
import { LOSS_NAMES, loss as lossOf } from "../nn/losses.ts";
import type { LayerSpec } from "../nn/network.ts";
import type { OptimizerEntry, OptimizerField } from "../nn/optimizers/entry.ts";
import { OPTIMIZER_FIELDS, OPTIMIZER_NAMES, optimizerEntry, optimizersWith } from "../nn/optimizers/registry.ts";
import { SHUFFLE_NAMES } from "../nn/trainer.ts";
import { array, boolean, join, knownFields, number, object, oneOf, optional, string, type Json, type JsonObject } from "./check.ts";
import { DEFAULTS, defaultLoss, type Experiment, type InitSpec, type TrainSpec } from "./experiment.ts";

const TOP = ["name", "description", "data", "inputs", "scale", "model", "classes", "init", "loss", "train", "record"];
const CSV_FIELDS = ["csv", "target", "features", "splitColumn", "testFraction", "seed", "rng"];
const INLINE_FIELDS = ["X", "y", "testFraction", "seed", "rng"];
const LAYER_FIELDS = ["units", "activation"];
const INIT_FIELDS = ["scheme", "scale", "seed", "rng", "bias"];
const RECORD_FIELDS = ["every", "paramsAt"];

/**
 * Every field an experiment file may have, by JSON path (`train.beta1`, `model.layers[].units`):
 * the lists the validator checks against, for the README's field table and its test.
 */
export function acceptedFields(): string[] {
  const under = (section: string, fields: readonly string[]) => fields.map((f) => `${section}.${f}`);
  const top = TOP.filter((f) => !["data", "model", "init", "train", "record"].includes(f));
  const data = [...new Set([...DATASET_FIELDS, ...CSV_FIELDS, ...INLINE_FIELDS])];
  return [...top, ...under("data", data), ...under("model.layers[]", LAYER_FIELDS), ...under("init", [...INIT_FIELDS, "params"]), ...under("train", TRAIN_FIELDS), ...under("record", RECORD_FIELDS)];
}

export function validateExperiment(json: unknown): Experiment {
  const o = object(json, "(experiment)");
  knownFields(o, TOP, "");
  if (o.data === undefined) throw new UserError('missing; give a dataset ({ "dataset": "moons" }), a csv file or inline X and y', "data");
  if (o.model === undefined) throw new UserError('missing; give { "layers": [ { "units": 4, "activation": "relu" }, … ] }', "model");
  const name = optional(o, "name", "", string, null);
  if (o.description !== undefined) string(o.description, "description");
  const data = validateData(o.data);
  const inputs = optional(o, "inputs", "", validateInputs, DEFAULTS.inputs);
  const scale = optional(o, "scale", "", (v, p) => oneOf(v, ["none", "standard"] as const, p), DEFAULTS.scale);
  const layers = validateModel(o.model);
  const output = layers[layers.length - 1];
  const lossName = optional(o, "loss", "", (v, p) => oneOf(v, LOSS_NAMES, p), defaultLoss(output.activation));
  const needs = lossOf(lossName).requiresOutput;
  if (needs && output.activation !== needs) {
    const fix = JSON.stringify(defaultLoss(output.activation));
    throw new UserError(`"${lossName}" needs a ${needs} output layer, but the last layer is ${output.activation}: use ${fix} or a ${needs} output`, "loss");
  }
  if (output.activation === "softmax" && output.units < 2) {
    throw new UserError("a softmax output needs at least 2 units (one per class); for two classes use 1 sigmoid unit", `model.layers[${layers.length - 1}].units`);
  }
  const classes = optional(o, "classes", "", validateClasses, null);
  if (classes && output.activation !== "sigmoid" && output.activation !== "softmax") {
    throw new UserError(`lists classes, but the ${output.activation} output layer does regression: use a sigmoid (two classes) or softmax output, or remove classes`, "classes");
  }
  const init = validateInit(o.init);
  const train = validateTrain(o.train);
  const record = validateRecord(o.record, train.epochs);
  return { name, data, inputs, scale, model: { layers }, classes, init, loss: lossName, train, record };
}

/** A generated set's fields: the generator options its registry entries read, and the shared ones. */
export const DATASET_FIELDS: readonly string[] = ["dataset", ...new Set((Object.values(DATASETS) as DatasetEntry[]).flatMap((d) => d.options)), "seed", "rng", "testFraction", "splitSeed"];

function validateData(v: Json): DataSpec {
  const o = object(v, "data");
  const kinds = ["dataset", "csv", "X"].filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) {
    throw new UserError(kinds.length === 0 ? 'needs one of "dataset", "csv" or "X" (with "y")' : `give only one of ${kinds.map((k) => `"${k}"`).join(", ")}`, "data");
  }
  const testFraction = optional(o, "testFraction", "data", (x, p) => number(x, p, { min: 0, max: 0.99 }), undefined);
  const seed = optional(o, "seed", "data", (x, p) => number(x, p, { integer: true, min: 0, max: 4294967295 }), undefined);
  const rng = optional(o, "rng", "data", (x, p) => oneOf(x, RNG_NAMES, p), undefined);
  if (o.dataset !== undefined) {
    knownFields(o, DATASET_FIELDS, "data");
    const dataset = oneOf(o.dataset, DATASET_NAMES, "data.dataset");
    const groups = optional(o, "groups", "data", validateGroups, undefined);
    return {
      dataset,
      testFraction,
      seed,
      rng,
      splitSeed: optional(o, "splitSeed", "data", (x, p) => number(x, p, { integer: true, min: 0 }), undefined),
      samples: optional(o, "samples", "data", (x, p) => number(x, p, { integer: true, min: 2, max: 10_000_000 }), undefined),
      noise: optional(o, "noise", "data", (x, p) => number(x, p, { min: 0 }), undefined),
      factor: optional(o, "factor", "data", (x, p) => number(x, p, { min: 0, max: 1 }), undefined),
      centers: optional(o, "centers", "data", (x, p) => number(x, p, { integer: true, min: 1 }), undefined),
      std: optional(o, "std", "data", (x, p) => number(x, p, { min: 0 }), undefined),
      groups,
    };
  }
  if (o.csv !== undefined) {
    knownFields(o, CSV_FIELDS, "data");
    if (o.target === undefined) throw new UserError('missing; name the label column, e.g. "target": "y"', "data.target");
    return {
      csv: string(o.csv, "data.csv"),
      target: Array.isArray(o.target) ? array(o.target, "data.target", { minLength: 1 }).map((t, i) => string(t, join("data.target", i))) : string(o.target, "data.target"),
      features: optional(o, "features", "data", (x, p) => array(x, p, { minLength: 1 }).map((f, i) => string(f, join(p, i))), undefined),
      splitColumn: optional(o, "splitColumn", "data", string, undefined),
      testFraction,
      seed,
      rng,
    };
  }
  knownFields(o, INLINE_FIELDS, "data");
  if (o.y === undefined) throw new UserError("missing; inline data needs y (one target per row of X)", "data.y");
  const X = array(o.X, "data.X", { minLength: 1 }).map((row, i) => array(row, join("data.X", i), { minLength: 1 }).map((x, j) => number(x, `data.X[${i}][${j}]`)));
  const y = array(o.y, "data.y").map((t, i) =>
    typeof t === "string" ? t : Array.isArray(t) ? array(t, join("data.y", i), { minLength: 1 }).map((x, j) => number(x, `data.y[${i}][${j}]`)) : number(t, join("data.y", i)),
  );
  return { X, y, testFraction, seed, rng };
}

/** The class labels in output order (unit k stands for classes[k]), as scikit-learn's `classes_`. */
function validateClasses(v: Json, path: string): (number | string)[] {
  const list = array(v, path, { minLength: 2 }).map((c, i) => {
    if (typeof c === "string" && c !== "") return c;
    return number(c, join(path, i));
  });
  if (new Set(list.map((c) => typeof c)).size > 1) throw new UserError("mixes numbers and strings: write every class the same way", path);
  const seen = new Set<number | string>();
  list.forEach((c, i) => {
    if (seen.has(c)) throw new UserError(`${JSON.stringify(c)} is listed twice`, join(path, i));
    seen.add(c);
  });
  return list;
}

/** The names' forms; whether their columns exist is checked against the data (prepare.ts). */
function validateInputs(v: Json, path: string): string[] {
  return array(v, path, { minLength: 1 }).map((x, i) => {
    const name = string(x, join(path, i));
    parseFeatureName(name, join(path, i));
    return name;
  });
}

function validateGroups(v: Json, path: string) {
  return array(v, path, { minLength: 1 }).map((g, i) => {
    const p = join(path, i);
    const o = object(g, p);
    knownFields(o, ["mean", "std", "count", "label"], p);
    for (const k of ["mean", "std", "count", "label"]) if (o[k] === undefined) throw new UserError("missing", join(p, k));
    const mean = array(o.mean, join(p, "mean"), { minLength: 1 }).map((x, j) => number(x, `${p}.mean[${j}]`));
    const std = array(o.std, join(p, "std")).map((x, j) => number(x, `${p}.std[${j}]`, { min: 0 }));
    if (std.length !== mean.length) throw new UserError(`needs ${mean.length} values, one per feature of mean`, join(p, "std"));
    const label = typeof o.label === "string" ? o.label : number(o.label, join(p, "label"));
    return { mean, std, count: number(o.count, join(p, "count"), { integer: true, min: 1 }), label };
  });
}

function validateModel(v: Json): LayerSpec[] {
  const o = object(v, "model");
  knownFields(o, ["layers"], "model");
  const layers = array(o.layers, "model.layers", { minLength: 1 });
  return layers.map((l, i) => {
    const p = join("model.layers", i);
    const lo = object(l, p);
    knownFields(lo, LAYER_FIELDS, p);
    if (lo.units === undefined) throw new UserError("missing; how many neurons this layer has", join(p, "units"));
    if (lo.activation === undefined) throw new UserError(`missing; one of ${ACTIVATION_NAMES.join(", ")}`, join(p, "activation"));
    const units = number(lo.units, join(p, "units"), { integer: true, min: 1, max: 4096 });
    const activation = oneOf(lo.activation, ACTIVATION_NAMES, join(p, "activation"));
    if (activationOf(activation).outputOnly && i < layers.length - 1) {
      throw new UserError(`${activation} is only for the output layer; use ${ACTIVATION_NAMES.filter((a) => !activationOf(a).outputOnly).join(", ")} here`, join(p, "activation"));
    }
    return { units, activation };
  });
}

function validateInit(v: Json | undefined): InitSpec {
  if (v === undefined) return { ...DEFAULTS.init };
  const o = object(v, "init");
  if (o.params !== undefined) {
    knownFields(o, ["params"], "init");
    const params = array(o.params, "init.params", { minLength: 1 }).map((layer, l) => {
      const p = join("init.params", l);
      const lo = object(layer, p);
      knownFields(lo, ["W", "b"], p);
      const W = array(lo.W, join(p, "W"), { minLength: 1 }).map((row, j) => array(row, `${p}.W[${j}]`, { minLength: 1 }).map((x, k) => number(x, `${p}.W[${j}][${k}]`)));
      const b = array(lo.b, join(p, "b"), { minLength: 1 }).map((x, j) => number(x, `${p}.b[${j}]`));
      return { W, b };
    });
    return { params };
  }
  knownFields(o, INIT_FIELDS, "init");
  return {
    scheme: optional(o, "scheme", "init", (x, p) => oneOf(x, INIT_SCHEMES, p), DEFAULTS.init.scheme),
    scale: optional(o, "scale", "init", (x, p) => number(x, p, { min: 0 }), undefined),
    bias: optional(o, "bias", "init", (x, p) => number(x, p), undefined),
    seed: optional(o, "seed", "init", (x, p) => number(x, p, { integer: true, min: 0, max: 4294967295 }), DEFAULTS.init.seed),
    rng: optional(o, "rng", "init", (x, p) => oneOf(x, RNG_NAMES, p), DEFAULTS.init.rng),
  };
}

/** `train`'s fields every optimiser shares; each optimiser's own come from its registry entry. */
export const TRAIN_COMMON_FIELDS = ["optimizer", "epochs", "batchSize", "reduction", "l2", "l1", "seed", "rng", "shuffle"] as const;
export const TRAIN_FIELDS: readonly string[] = [...TRAIN_COMMON_FIELDS, ...OPTIMIZER_FIELDS.map((f) => f.name)];

/** One optimiser setting, checked against its registry entry's type and range. */
function optimizerField(f: OptimizerField, v: Json, path: string): number | boolean {
  if (f.type === "boolean") return boolean(v, path);
  const x = number(v, path, { min: f.min, max: f.max, exclusiveMin: f.exclusiveMin, exclusiveMax: f.exclusiveMax });
  return x;
}

function validateTrain(v: Json | undefined): TrainSpec {
  const o: JsonObject = v === undefined ? {} : object(v, "train");
  knownFields(o, TRAIN_FIELDS, "train");
  const d = DEFAULTS.train;
  const optimizer = optional(o, "optimizer", "train", (x, p) => oneOf(x, OPTIMIZER_NAMES, p), d.optimizer);
  const entry = optimizerEntry(optimizer) as OptimizerEntry;
  // Another optimiser's setting would be silently unused: refuse it, naming the ones that read it.
  for (const f of OPTIMIZER_FIELDS) {
    if (o[f.name] === undefined || entry.fields.some((g) => g.name === f.name)) continue;
    const owners = optimizersWith(f.name);
    const fix = f.name === "momentum" || f.name === "nesterov" ? ` (Keras' SGD and scikit-learn's solver "sgd" take momentum; "sgd" without batchSize is the full batch)` : "";
    const readers = owners.map((n) => `"${n}"`).join(", ");
    const todo = owners.length === 1 ? `use "optimizer": "${owners[0]}"${fix}, or remove ${f.name}` : `remove ${f.name}, or use one of those optimizers`;
    throw new UserError(`"${optimizer}" does not use ${f.name}, which ${readers} read${owners.length === 1 ? "s" : ""}: ${todo}`, join("train", f.name));
  }
  const own: Record<string, number | boolean> = {};
  for (const f of entry.fields) own[f.name] = optional(o, f.name, "train", (x, p) => optimizerField(f, x, p), entry.defaults[f.name]);
  const spec = {
    optimizer,
    ...own,
    epochs: optional(o, "epochs", "train", (x, p) => number(x, p, { integer: true, min: 1, max: 100_000_000 }), d.epochs),
    batchSize: o.batchSize === null ? null : optional(o, "batchSize", "train", (x, p) => number(x, p, { integer: true, min: 1 }), d.batchSize),
    reduction: optional(o, "reduction", "train", (x, p) => oneOf(x, ["mean", "sum"] as const, p), d.reduction),
    l2: optional(o, "l2", "train", (x, p) => number(x, p, { min: 0 }), d.l2),
    l1: optional(o, "l1", "train", (x, p) => number(x, p, { min: 0 }), d.l1),
    seed: optional(o, "seed", "train", (x, p) => number(x, p, { integer: true, min: 0, max: 4294967295 }), d.seed),
    rng: optional(o, "rng", "train", (x, p) => oneOf(x, RNG_NAMES, p), d.rng),
    shuffle: optional(o, "shuffle", "train", (x, p) => oneOf(x, SHUFFLE_NAMES, p), d.shuffle),
  } as TrainSpec;
  if (entry.fullBatchOnly !== null && spec.batchSize !== null) throw new UserError(entry.fullBatchOnly, "train.batchSize");
  return spec;
}

function validateRecord(v: Json | undefined, epochs: number): Experiment["record"] {
  if (v === undefined) return { every: DEFAULTS.record.every, paramsAt: [] };
  const o = object(v, "record");
  knownFields(o, RECORD_FIELDS, "record");
  return {
    every: optional(o, "every", "record", (x, p) => number(x, p, { integer: true, min: 1 }), DEFAULTS.record.every),
    paramsAt: optional(o, "paramsAt", "record", (x, p) => array(x, p).map((e, i) => number(e, join(p, i), { integer: true, min: 0, max: epochs })), []),
  };
}
