/**
 * What "Compare" trains: variants of the page's set-up, each a change to it (a `Partial<Setup>`),
 * on the page's current data. The presets are the articles' series — hidden neurons 1, 2, 3, 6, 8,
 * 30; the four activations; depth against width with the same eight neurons — and "vary one
 * setting" builds a series from the values the user picks. For a walkthrough or an opened file the
 * same change is made to its experiment file (its hidden layers, its training settings).
 */
import { ACTIVATIONS, INITS, LEARNING_RATES, LIMITS, OPTIMIZERS, optimizerFields, REGULARIZATION_RATES, toExperiment, withPageSettings, type ExperimentJson, type Setup } from "./setup.ts";
import { withoutOtherOptimizersFields } from "../experiment/experiment.ts";

export const MAX_VARIANTS = 6;

export type PresetName = "neurons" | "activation" | "depth" | "custom";
export const PRESETS: readonly PresetName[] = ["neurons", "activation", "depth", "custom"];

/** The settings "vary one setting" offers, each with the values its control has. */
export type VaryKey = "neurons" | "layers" | "activation" | "learningRate" | "batchSize" | "regularizationRate" | "optimizer" | "init";
export const VARY_KEYS: readonly VaryKey[] = ["neurons", "layers", "activation", "learningRate", "batchSize", "regularizationRate", "optimizer", "init"];
/** What a walkthrough's file lets vary (its data is its own: no Playground regularisation rate). */
export const FILE_VARY_KEYS: readonly VaryKey[] = ["neurons", "layers", "activation", "learningRate", "batchSize", "optimizer", "init"];

export const VARY_VALUES: Readonly<Record<VaryKey, readonly (number | string)[]>> = {
  neurons: [1, 2, 3, 4, 6, 8, 12, 16, 30],
  layers: [0, 1, 2, 3, 4, 6],
  activation: ACTIVATIONS,
  learningRate: LEARNING_RATES,
  batchSize: [1, 2, 5, 10, 20, 30],
  regularizationRate: REGULARIZATION_RATES,
  optimizer: OPTIMIZERS,
  init: INITS,
};

/** The values a fresh "vary" starts with: a spread a first look learns from. */
export const VARY_DEFAULTS: Readonly<Record<VaryKey, readonly (number | string)[]>> = {
  neurons: [1, 2, 4, 8],
  layers: [0, 1, 2, 4],
  activation: ACTIVATIONS,
  learningRate: [0.003, 0.03, 0.3, 3],
  batchSize: [1, 10, 30],
  regularizationRate: [0, 0.001, 0.01, 0.1],
  optimizer: ["sgd", "momentum", "adam", "lbfgs"],
  init: INITS,
};

/** One multiple: its change to the set-up, and how to name it (`kind` and `value` are worded by the page). */
export interface Variant {
  kind: VaryKey | "shape";
  value: number | string;
  patch: Partial<Setup>;
}

/** The units of the page's first hidden layer (or 4), for series that vary the others. */
function width(setup: Setup): number {
  return setup.networkShape[0] ?? 4;
}

export function variantFor(setup: Setup, key: VaryKey, value: number | string): Variant {
  switch (key) {
    case "neurons":
      return { kind: key, value, patch: { networkShape: [Number(value)] } };
    case "layers":
      return { kind: key, value, patch: { networkShape: Array.from({ length: Number(value) }, () => width(setup)) } };
    case "activation":
      // Activations need a hidden layer to act in.
      return { kind: key, value, patch: { activation: value as Setup["activation"], ...(setup.networkShape.length ? {} : { networkShape: [4] }) } };
    case "learningRate":
      return { kind: key, value, patch: { learningRate: Number(value) } };
    case "batchSize":
      return { kind: key, value, patch: { batchSize: Number(value) } };
    case "regularizationRate":
      return { kind: key, value, patch: { regularizationRate: Number(value), regularization: setup.regularization === "none" ? "L2" : setup.regularization } };
    case "optimizer":
      return { kind: key, value, patch: { optimizer: value as Setup["optimizer"] } };
    case "init":
      return { kind: key, value, patch: { init: value as Setup["init"] } };
  }
}

/** A preset's series on this set-up. */
export function presetVariants(setup: Setup, preset: PresetName, vary: VaryKey, values: readonly (number | string)[]): Variant[] {
  switch (preset) {
    case "neurons":
      return [1, 2, 3, 6, 8, 30].map((n) => variantFor(setup, "neurons", n));
    case "activation":
      return ACTIVATIONS.map((a) => variantFor(setup, "activation", a));
    case "depth":
      // Eight neurons each time: one layer of 8, two of 4, four of 2.
      return [[8], [4, 4], [2, 2, 2, 2]].map((shape) => ({ kind: "shape", value: `${shape.length}×${shape[0]}`, patch: { networkShape: shape } }));
    case "custom":
      return values.slice(0, MAX_VARIANTS).map((v) => variantFor(setup, vary, v));
  }
}

/** The set-up with the variant's change, clamped to what the controls allow. */
export function applyVariant(setup: Setup, v: Variant): Setup {
  const next = { ...setup, ...v.patch };
  next.networkShape = next.networkShape.slice(0, LIMITS.layers).map((u) => Math.max(1, Math.min(LIMITS.neurons, u)));
  return next;
}

/** The experiment file a variant trains: the Playground's set-up, or the opened file with the same change. */
export function variantExperiment(setup: Setup, file: ExperimentJson | null, v: Variant): ExperimentJson {
  const next = applyVariant(setup, v);
  if (!file) return toExperiment(next, 1);
  return patchFile(withPageSettings(file, next), setup, v);
}

/** A file's experiment with a variant's change: its hidden layers, activations or training settings. */
function patchFile(file: ExperimentJson, setup: Setup, v: Variant): ExperimentJson {
  const model = (file.model as { layers: { units: number; activation: string }[] } & Record<string, unknown>) ?? { layers: [] };
  const layers = model.layers ?? [];
  const output = layers[layers.length - 1];
  const hidden = layers.slice(0, -1);
  const activation = hidden[0]?.activation ?? "tanh";
  const train = { ...((file.train as Record<string, unknown> | undefined) ?? {}) };
  const p = v.patch;
  let nextHidden = hidden;
  if (p.networkShape) {
    const act = p.activation ?? activation;
    nextHidden = (v.kind === "layers" ? p.networkShape.map(() => hidden[0]?.units ?? 4) : p.networkShape).map((units) => ({ units, activation: act }));
  } else if (p.activation) {
    nextHidden = hidden.map((l) => ({ ...l, activation: p.activation! }));
  }
  if (p.batchSize !== undefined) {
    // Mini-batches are SGD's: full-batch gradient descent becomes SGD; L-BFGS has none (it stays full-batch).
    if (train.optimizer === "gd") train.optimizer = "sgd";
    if (train.optimizer !== "lbfgs") train.batchSize = p.batchSize;
  }
  if (p.optimizer !== undefined) {
    const o = p.optimizer;
    delete train.momentum;
    delete train.nesterov;
    Object.assign(train, optimizerFields(o, setup.momentum));
    if (o === "gd" || o === "lbfgs") delete train.batchSize;
    if (o === "lbfgs") delete train.learningRate;
  }
  // A scheme replaces the file's explicit starting parameters (the seed, if it has one, stays).
  const fileInit = (file.init as Record<string, unknown> | undefined) ?? {};
  const init = p.init !== undefined ? { scheme: p.init, ...(fileInit.seed !== undefined ? { seed: fileInit.seed } : {}) } : file.init;
  // A file's explicit starting parameters no longer fit a network of another shape.
  const reshaped = nextHidden !== hidden && nextHidden.length + 1 !== layers.length ? true : nextHidden.some((l, i) => l.units !== hidden[i]?.units);
  const out: ExperimentJson = { ...file, model: { ...model, layers: [...nextHidden, output] }, train: p.optimizer !== undefined ? withoutOtherOptimizersFields(train) : train };
  if (reshaped && init && typeof init === "object" && "params" in init) delete out.init;
  else if (init !== undefined) out.init = init;
  return out;
}
