/**
 * The page's set-up: the one state object of the playground. It is what the URL holds, what the
 * controls show and what the worker trains, and it converts to an experiment file (ARCHITECTURE §3),
 * so `glassbox train` reproduces what the page trained. Field names and meanings follow
 * TensorFlow Playground's state, so its links read here unchanged (see url-state.ts).
 */
import { playgroundDatasets, type PlaygroundDatasetName } from "../data/generate.ts";
import type { Lang } from "./i18n.ts";
import { DEFAULTS } from "../experiment/experiment.ts";
import { defaultLearningRate } from "../nn/trainer/config.ts";
import { isOptimizerName, type OptimizerName } from "../nn/optimizers/registry.ts";

export type Problem = "classification" | "regression";
/** TensorFlow Playground's sets, from the dataset registry (each entry's `playground`). */
export type ClassDataset = PlaygroundDatasetName<"classification">;
export type RegDataset = PlaygroundDatasetName<"regression">;
export type HiddenActivation = "relu" | "tanh" | "sigmoid" | "linear";
export type Regularization = "none" | "L1" | "L2";
/** TensorFlow Playground's seven input features, by its URL names. */
export type Feature = "x" | "y" | "xSquared" | "ySquared" | "xTimesY" | "sinX" | "sinY";

/** Glassbox's additions to the Playground's state (its links leave them at these defaults). */
export type Optimizer = "sgd" | "gd" | "momentum" | "nesterov" | "adam" | "lbfgs";
export type PageLoss = "binary-crossentropy" | "mse" | "sse";
export type InitName = "xavier" | "he" | "normal" | "uniform";
export const OPTIMIZERS: readonly Optimizer[] = ["sgd", "gd", "momentum", "nesterov", "adam", "lbfgs"];
export const PAGE_LOSSES: readonly PageLoss[] = ["binary-crossentropy", "mse", "sse"];
export const INITS: readonly InitName[] = ["xavier", "he", "normal", "uniform"];
export const MOMENTA = [0.5, 0.9, 0.95, 0.99];

export const CLASS_DATASETS: readonly ClassDataset[] = playgroundDatasets("classification");
export const REG_DATASETS: readonly RegDataset[] = playgroundDatasets("regression");
export const ACTIVATIONS: readonly HiddenActivation[] = ["relu", "tanh", "sigmoid", "linear"];
export const REGULARIZATIONS: readonly Regularization[] = ["none", "L1", "L2"];
export const PROBLEMS: readonly Problem[] = ["classification", "regression"];
export const FEATURES: readonly Feature[] = ["x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"];

/** Each feature as the experiment file's `inputs` writes it, and as the page labels it. */
export const FEATURE_INPUT: Readonly<Record<Feature, string>> = {
  x: "x1",
  y: "x2",
  xSquared: "x1^2",
  ySquared: "x2^2",
  xTimesY: "x1*x2",
  sinX: "sin(x1)",
  sinY: "sin(x2)",
};
export const FEATURE_LABEL: Readonly<Record<Feature, string>> = {
  x: "X₁",
  y: "X₂",
  xSquared: "X₁²",
  ySquared: "X₂²",
  xTimesY: "X₁X₂",
  sinX: "sin(X₁)",
  sinY: "sin(X₂)",
};

/**
 * How fast play trains: as fast as the machine goes, or at a pace to watch, TensorFlow
 * Playground's (an epoch a display frame, about 60 a second) or slower.
 */
export const SPEEDS = ["max", "60", "10"] as const;
export type Speed = (typeof SPEEDS)[number];

/** Epochs a second at a speed (Infinity: as fast as it goes). */
export function epochsPerSecond(speed: Speed): number {
  return speed === "max" ? Infinity : Number(speed);
}

/** Controls a teacher can hide (TensorFlow Playground's `<name>_hide=true`). */
export const HIDABLE = [
  "showTestData",
  "discretize",
  "playButton",
  "stepButton",
  "resetButton",
  "learningRate",
  "activation",
  "regularization",
  "regularizationRate",
  "problem",
  "dataset",
  "percTrainData",
  "noise",
  "batchSize",
  "numHiddenLayers",
  // Glassbox's own controls.
  "optimizer",
  "loss",
  "init",
  "speed",
] as const;
export type Hidable = (typeof HIDABLE)[number];

/** Limits of the controls. Hidden layers: TensorFlow Playground caps at 6 × 8; here 10 × 32. */
export const LIMITS = {
  layers: 10,
  neurons: 32,
  batchSize: [1, 30],
  percTrainData: [10, 90],
  noise: [0, 50],
} as const;

export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

export interface Setup {
  problem: Problem;
  dataset: ClassDataset;
  regDataset: RegDataset;
  /** TensorFlow Playground's noise slider, 0–50 (percent). */
  noise: number;
  /** Percent of the points used for training, 10–90. */
  percTrainData: number;
  batchSize: number;
  features: Feature[];
  /** Units of each hidden layer. */
  networkShape: number[];
  activation: HiddenActivation;
  learningRate: number;
  regularization: Regularization;
  /**
   * TensorFlow Playground's rate: each update also subtracts learningRate·rate·w (L2) or
   * learningRate·rate·sign(w) (L1), whatever the batch size (see `toExperiment`).
   */
  regularizationRate: number;
  /** Seeds the data, the split, the initial weights and the batch order. */
  seed: number;
  showTestData: boolean;
  discretize: boolean;
  hide: Hidable[];
  /** sgd: mini-batches of `batchSize` (the Playground's); gd and lbfgs: the whole training set. */
  optimizer: Optimizer;
  /** momentum and nesterov: μ. */
  momentum: number;
  /** Classification: binary cross-entropy (default), or squared errors; regression: mse or sse. */
  loss: PageLoss;
  init: InitName;
  /** How fast play trains (SPEEDS). */
  speed: Speed;
  /**
   * A walkthrough of examples/ by name, or "file" for an experiment opened from disk: the page then
   * trains that file as it is (its data, network and optimiser), with the learning rate as set here.
   */
  example: string | null;
  /** The page's language as the link names it (`lang=zh|en`); null: the browser's. */
  lang: Lang | null;
}

export const DEFAULT_SETUP: Readonly<Setup> = Object.freeze({
  problem: "classification",
  dataset: "circle",
  regDataset: "reg-plane",
  noise: 0,
  percTrainData: 50,
  batchSize: 10,
  features: ["x", "y"],
  networkShape: [4, 2],
  activation: "tanh",
  learningRate: 0.03,
  regularization: "none",
  regularizationRate: 0,
  seed: 1,
  showTestData: false,
  discretize: false,
  hide: [],
  optimizer: "sgd",
  momentum: 0.9,
  loss: "binary-crossentropy",
  init: "xavier",
  speed: "max",
  example: null,
  lang: null,
} satisfies Setup);

export function defaultSetup(): Setup {
  return { ...DEFAULT_SETUP, features: [...DEFAULT_SETUP.features], networkShape: [...DEFAULT_SETUP.networkShape], hide: [] };
}

/** TensorFlow Playground's sample counts. */
export const SAMPLES: Readonly<Record<Problem, number>> = { classification: 500, regression: 1200 };

export function datasetOf(setup: Setup): ClassDataset | RegDataset {
  return setup.problem === "classification" ? setup.dataset : setup.regDataset;
}

export function trainCount(setup: Setup): number {
  const n = SAMPLES[setup.problem];
  // As the split does it (scikit-learn's train_test_split): the test share is rounded up.
  return n - Math.ceil(testFraction(setup) * n);
}

export function testFraction(setup: Setup): number {
  return round6(1 - setup.percTrainData / 100);
}

/** The settings that change the training without starting it again (as in TensorFlow Playground). */
export function liveSettings(setup: Setup): { learningRate: number; batchSize: number | null; l1: number; l2: number; momentum: number } {
  const { l1, l2 } = penalties(setup);
  const usesMomentum = setup.optimizer === "momentum" || setup.optimizer === "nesterov";
  return { learningRate: setup.learningRate, batchSize: fullBatch(setup) ? null : setup.batchSize, l1, l2, momentum: usesMomentum ? setup.momentum : 0 };
}

/** gd and L-BFGS take the whole training set at each step. */
export function fullBatch(setup: Setup): boolean {
  return setup.optimizer === "gd" || setup.optimizer === "lbfgs";
}

/** The loss the experiment file names: regression has no cross-entropy. */
export function lossOf(setup: Setup): PageLoss {
  return setup.problem === "regression" && setup.loss === "binary-crossentropy" ? "mse" : setup.loss;
}

/**
 * The experiment's `l1`/`l2` are scikit-learn's alpha convention (mean loss + l2/(2m)·Σ‖W‖² over
 * a batch of m), so a per-update decay of learningRate·rate·w needs l2 = rate·m; the same for l1.
 */
function penalties(setup: Setup): { l1: number; l2: number } {
  const m = fullBatch(setup) ? trainCount(setup) : Math.min(setup.batchSize, trainCount(setup));
  const alpha = setup.regularizationRate * m;
  return { l1: setup.regularization === "L1" ? alpha : 0, l2: setup.regularization === "L2" ? alpha : 0 };
}

export interface ExperimentJson {
  [key: string]: unknown;
}

/** The experiment file that trains this set-up for `epochs` epochs, as the page does. */
export function toExperiment(setup: Setup, epochs: number): ExperimentJson {
  const { optimizer, ...momentum } = optimizerFields(setup.optimizer, setup.momentum);
  const classification = setup.problem === "classification";
  const { l1, l2 } = penalties(setup);
  return {
    name: `playground-${datasetOf(setup)}`,
    description: "Exported from the Glassbox playground; `glassbox train` on this file reproduces its run.",
    data: {
      dataset: datasetOf(setup),
      samples: SAMPLES[setup.problem],
      noise: setup.noise / 100,
      seed: setup.seed,
      testFraction: testFraction(setup),
    },
    inputs: FEATURES.filter((f) => setup.features.includes(f)).map((f) => FEATURE_INPUT[f]),
    model: {
      layers: [
        ...setup.networkShape.map((units) => ({ units, activation: setup.activation })),
        { units: 1, activation: classification ? "sigmoid" : "linear" },
      ],
    },
    init: { scheme: setup.init, seed: setup.seed },
    loss: lossOf(setup),
    train: {
      optimizer,
      ...(setup.optimizer === "lbfgs" ? {} : { learningRate: setup.learningRate }),
      ...(fullBatch(setup) ? {} : { batchSize: setup.batchSize }),
      ...momentum,
      epochs: Math.max(1, epochs),
      ...(l1 > 0 ? { l1 } : {}),
      ...(l2 > 0 ? { l2 } : {}),
      seed: setup.seed,
    },
  };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** An experiment file as the page trains it: as it is, at the page's learning rate (L-BFGS has none). */
export function withPageSettings(file: ExperimentJson, setup: Setup): ExperimentJson {
  const train = { ...((file.train as Record<string, unknown> | undefined) ?? {}) };
  if (train.optimizer !== "lbfgs") train.learningRate = setup.learningRate;
  return { ...file, train };
}

/** Where a file's own run ends: the `train.epochs` it gives (a whole number above 0), or null (the page trains on, as the Playground does). */
export function fileEpochs(file: ExperimentJson): number | null {
  const epochs = ((file.train as Record<string, unknown> | undefined) ?? {}).epochs;
  return typeof epochs === "number" && Number.isInteger(epochs) && epochs > 0 ? epochs : null;
}

/** The learning rate a file trains with (its own, or the engine's default for its optimiser). */
export function fileLearningRate(file: ExperimentJson): number {
  const train = (file.train as Record<string, unknown> | undefined) ?? {};
  if (typeof train.learningRate === "number") return train.learningRate;
  return defaultLearningRate(isOptimizerName(train.optimizer) ? train.optimizer : DEFAULTS.train.optimizer);
}

/**
 * The page's optimiser as an experiment file names it: momentum and Nesterov are SGD's, with
 * their μ (and `nesterov`); the others are the engine's own.
 */
export function optimizerFields(o: Optimizer, momentum: number): { optimizer: OptimizerName; momentum?: number; nesterov?: true } {
  if (o === "momentum") return { optimizer: "sgd", momentum };
  if (o === "nesterov") return { optimizer: "sgd", momentum, nesterov: true };
  return { optimizer: o };
}
