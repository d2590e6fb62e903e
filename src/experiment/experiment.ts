/** The experiment file (ARCHITECTURE §3) after validation, with every default filled in. */
import type { RngName } from "../core/random.ts";
import type { DataSpec } from "../data/types.ts";
import type { LayerSpec } from "../nn/network.ts";
import type { InitScheme } from "../nn/init.ts";
import type { LossName } from "../nn/losses.ts";
import type { OptimizerName } from "../nn/optimizers/optimizer.ts";
import type { Reduction } from "../nn/propagation.ts";
import type { ShuffleName } from "../nn/trainer.ts";

export type InitSpec =
  | { scheme: InitScheme; scale?: number; seed: number; rng: RngName; bias?: number }
  | { params: { W: number[][]; b: number[] }[] };

export interface TrainSpec {
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number | null;
  reduction: Reduction;
  l2: number;
  l1: number;
  momentum: number;
  nesterov: boolean;
  beta1: number;
  beta2: number;
  epsilon: number;
  tolerance: number;
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

/** The documented defaults of every optional field. */
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
    momentum: 0,
    nesterov: false,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    tolerance: 1e-5,
    seed: 0,
    rng: "glassbox",
    shuffle: "permutation",
  },
  record: { every: 1, paramsAt: [] as number[] },
} as const;

/** The loss that goes with an output activation when the file names none (Keras' pairing). */
export function defaultLoss(outputActivation: string): LossName {
  if (outputActivation === "sigmoid") return "binary-crossentropy";
  if (outputActivation === "softmax") return "categorical-crossentropy";
  return "mse";
}
