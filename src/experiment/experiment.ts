/** The experiment file (ARCHITECTURE §3) after validation, with every default filled in. */
import type { RngName } from "../core/random.ts";
import type { DataSpec } from "../data/types.ts";
import type { LayerSpec } from "../nn/network.ts";
import type { InitScheme } from "../nn/init.ts";
import { loss, LOSS_NAMES, type LossName } from "../nn/losses.ts";
import { isOptimizerName, OPTIMIZER_FIELDS, optimizerEntry, type OptimizerSpec } from "../nn/optimizers/registry.ts";
import type { Reduction } from "../nn/propagation.ts";
import type { ShuffleName } from "../nn/trainer.ts";

export type InitSpec =
  | { scheme: InitScheme; scale?: number; seed: number; rng: RngName; bias?: number }
  | { params: { W: number[][]; b: number[] }[] };

/** `train`: the optimiser with its own settings (its registry entry's fields), and the shared ones. */
export type TrainSpec = OptimizerSpec & TrainCommonSpec;

export interface TrainCommonSpec {
  epochs: number;
  batchSize: number | null;
  reduction: Reduction;
  l2: number;
  l1: number;
  seed: number;
  rng: RngName;
  /** Each epoch's mini-batch order: a permutation of the original order, or of the previous one (scikit-learn's). */
  shuffle: ShuffleName;
}

export interface Experiment {
  name: string | null;
  data: DataSpec;
  /** Input features computed from the raw columns (src/data/feature-map.ts); null = the raw columns. */
  inputs: string[] | null;
  scale: "none" | "standard";
  model: { layers: LayerSpec[] };
  /** The class labels in output order, when the file lists them; null = from the labels. */
  classes: (number | string)[] | null;
  init: InitSpec;
  loss: LossName;
  train: TrainSpec;
  record: { every: number; paramsAt: number[] };
}

/** The documented defaults of every optional field (each optimiser's own: its registry entry's `defaults`). */
export const DEFAULTS = {
  inputs: null,
  scale: "none",
  init: { scheme: "xavier", seed: 0, rng: "glassbox" },
  train: {
    optimizer: "gd",
    epochs: 1000,
    batchSize: null,
    reduction: "mean",
    l2: 0,
    l1: 0,
    seed: 0,
    rng: "glassbox",
    shuffle: "permutation",
  },
  record: { every: 1, paramsAt: [] as number[] },
} as const;

/**
 * The loss that goes with an output activation when the file names none (Keras' pairing): the one
 * made for it (its registry entry's `requiresOutput`: binary cross-entropy for sigmoid,
 * categorical for softmax), else `mse`.
 */
export function defaultLoss(outputActivation: string): LossName {
  return LOSS_NAMES.find((l) => loss(l).requiresOutput === outputActivation) ?? "mse";
}

/**
 * A file's `train` section without the settings its optimiser does not read (each optimiser's
 * fields are its registry entry's): what a tool that switches a file's optimiser writes, since
 * validation refuses another optimiser's setting.
 */
export function withoutOtherOptimizersFields(train: Record<string, unknown>): Record<string, unknown> {
  const name = train.optimizer ?? DEFAULTS.train.optimizer;
  const own = new Set<string>(isOptimizerName(name) ? optimizerEntry(name).fields.map((f) => f.name) : []);
  return Object.fromEntries(Object.entries(train).filter(([key]) => own.has(key) || !OPTIMIZER_FIELDS.some((f) => f.name === key)));
}
