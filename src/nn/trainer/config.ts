/** A training run's configuration and data, the trainer's live settings, and divergence (src/nn/trainer.ts runs them). */
import { UserError } from "../../core/errors.ts";
import type { Matrix } from "../../core/matrix.ts";
import type { RngName } from "../../core/random.ts";
import type { EpochInfo, History } from "../history.ts";
import type { Network } from "../network.ts";
import type { OptimizerEntry } from "../optimizers/entry.ts";
import type { Optimizer } from "../optimizers/optimizer.ts";
import { optimizerEntry, optimizerOptions, type AllOptimizerOptions, type OptimizerChoice, type OptimizerName } from "../optimizers/registry.ts";
import type { Engine as KernelEngine } from "../../core/wasm/engine.ts";
import type { Reduction } from "../propagation.ts";

export type ShuffleName = "permutation" | "sklearn";
export const SHUFFLE_NAMES: readonly ShuffleName[] = ["permutation", "sklearn"];

/**
 * A training run's configuration: the optimiser and its own settings (a discriminated union on
 * `optimizer`: `momentum` belongs to "sgd", `beta1`/`beta2`/`epsilon` to "adam", `tolerance` to
 * "lbfgs", `learningRate` to all but "lbfgs"; each entry of ./optimizers/registry.ts lists them
 * with their ranges and defaults), and the settings every optimiser shares.
 */
export type TrainConfig = OptimizerChoice & TrainCommon;

export interface TrainCommon {
  /** Infinity trains open-ended (a trainer stepped by its caller). An epoch is one pass over the data (for L-BFGS, one iteration). */
  epochs: number;
  /**
   * null or absent: the whole training set in each step. Else a fresh shuffle of the original row
   * order every epoch (the stream seeded once by `seed`), cut into batches; the last holds the remainder.
   */
  batchSize?: number | null;
  /** "mean" (default, Keras): the gradient is divided by the batch's size; "sum": summed. The reported loss is the same either way. */
  reduction?: Reduction;
  /** L2 penalty, scikit-learn's `alpha`: adds ½·l2·Σ‖W‖² to the summed loss. */
  l2?: number;
  /** L1 penalty, the same convention: adds l1·Σ|W| to the summed loss (biases not penalised). */
  l1?: number;
  /** Seeds the mini-batch shuffling. */
  seed?: number;
  rng?: RngName;
  /**
   * How each epoch's mini-batch order is drawn. "permutation" (default): a fresh permutation of
   * the rows' original order, `np.random.permutation(n)` with rng "numpy"; "sklearn": a
   * permutation of the previous epoch's order, as scikit-learn's MLP (`sklearn.utils.shuffle`)
   * does, so with rng "numpy" and its random_state as the seed its batches are replayed.
   */
  shuffle?: ShuffleName;
  /** Record history every k epochs (and the first and last). Default 1. */
  recordEvery?: number;
  /** Epochs after which to keep a copy of the parameters (0 = before training). */
  paramsAt?: number[];
  /** Called after every epoch; return false to stop training. */
  onEpoch?: (info: EpochInfo) => boolean | void;
  /** The engine the workspaces are made on (memory, threads, kernels; default: the default engine). */
  engine?: KernelEngine;
}

export interface TrainData {
  X: Matrix;
  /** Targets, X.rows × output units (see targets.ts). */
  Y: Float64Array;
  testX?: Matrix | null;
  testY?: Float64Array | null;
}

/** A loss this many times its best so far (and its first) is divergence too, not a bad epoch. */
export const DIVERGENCE_GROWTH = 1e4;

/**
 * Thrown when the loss stops being a finite number or grows by orders of magnitude; carries what
 * was recorded until then. The trainer puts back the last parameters whose loss was good.
 */
export class TrainingDivergedError extends UserError {
  constructor(
    readonly epoch: number,
    readonly value: number,
    readonly history: History,
    /** The learning rate in force (undefined for L-BFGS, which has none). */
    readonly learningRate: number | undefined,
    /** Set when the loss stayed finite but grew far past its best: that best and its epoch. */
    readonly grewFrom?: { loss: number; epoch: number },
  ) {
    super(
      `training diverged at epoch ${epoch}: ` +
        (grewFrom ? `the loss grew from ${grewFrom.loss.toPrecision(4)} (epoch ${grewFrom.epoch}) to ${value.toPrecision(4)}. ` : `the loss became ${value}. `) +
        (learningRate !== undefined ? `Lower train.learningRate (now ${learningRate}) or scale the inputs ("scale": "standard").` : `Scale the inputs ("scale": "standard") or check the data for extreme values.`),
    );
    this.name = "TrainingDivergedError";
  }
}

/** The optimiser's default step size (its registry entry's; 0.01 for one without, which a trace then shows). */
export function defaultLearningRate(optimizer: OptimizerName): number {
  const d = optimizerEntry(optimizer).defaults as Partial<AllOptimizerOptions>;
  return d.learningRate ?? 0.01;
}

/**
 * The optimiser object of a first-order config (gd, sgd with momentum/Nesterov, Adam), from its
 * registry entry with the config's settings (the entry's defaults for the rest); also used by traces.
 */
export function firstOrderOptimizer(net: Network, config: TrainConfig): Optimizer {
  const entry = optimizerEntry(config.optimizer) as OptimizerEntry;
  if (!entry.create) throw new Error(`"${config.optimizer}" is not a first-order optimizer`);
  return entry.create(net.params.length, optimizerOptions(config.optimizer, config));
}

/**
 * What may change between steps (the optimiser's kind may not: make a new trainer for that). Every
 * optimiser's settings are here; the trainer's optimiser reads its own and ignores the others.
 */
export type TrainerSettings = Required<Pick<TrainCommon, "l1" | "l2" | "batchSize" | "reduction" | "epochs" | "recordEvery">> & AllOptimizerOptions & Pick<TrainCommon, "onEpoch">;
