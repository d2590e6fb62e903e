/**
 * Glassbox in a browser (the playground's Web Worker and page): the engine, its data, experiments
 * and pictures, with nothing from Node. Files come in as text: an experiment is
 * `prepareExperiment(validateExperiment(JSON.parse(text)), (path) => files[path])`.
 * The Node entry (src/index.ts) re-exports all of this and adds disk, PNG and GIF.
 */
export * from "./core/matrix.ts";
export { createRandom, GlassboxRandom, permutation, shuffle, uniform, gaussian, type Random, type RngName } from "./core/random.ts";
export { NumpyRandom } from "./core/numpy-mt19937.ts";
export { UserError, isUserError } from "./core/errors.ts";
export type { Label } from "./core/label.ts";
export type { Scaler } from "./core/scaler.ts";

export { activation, ACTIVATION_NAMES, type Activation, type ActivationName } from "./nn/activations.ts";
export { loss, LOSS_NAMES, type Loss, type LossName } from "./nn/losses.ts";
export { OPTIMIZERS, OPTIMIZER_NAMES, OPTIMIZER_FIELDS, optimizerOptions, type OptimizerName, type OptimizerChoice, type AllOptimizerOptions } from "./nn/optimizers/registry.ts";
export type { OptimizerEntry, OptimizerField } from "./nn/optimizers/entry.ts";
export type { Optimizer } from "./nn/optimizers/optimizer.ts";
export { createNetwork, cloneNetwork, layerViews, parameterCount, type Layer, type LayerSpec, type Network } from "./nn/network.ts";
export { createModel, type Model } from "./nn/model.ts";
export { initialize, initialise, setParams, INIT_SCHEMES, type InitOptions, type InitScheme } from "./nn/init.ts";
export { createWorkspace, forward, backward, objectiveAndGradient, type Workspace, type Reduction } from "./nn/propagation.ts";
export { createEngine, defaultEngine, Engine, type EngineOptions } from "./core/wasm/engine.ts";
export { train, TrainingDivergedError, type TrainConfig, type TrainData, type TrainResult } from "./nn/train.ts";
export { createTrainer, SHUFFLE_NAMES, type Trainer, type TrainerSettings, type StoppedBy, type ShuffleName } from "./nn/trainer.ts";
export type { History, Snapshot, EpochInfo } from "./nn/history.ts";
export { minimizeLbfgs, createLbfgs, type LbfgsStepper } from "./nn/lbfgs.ts";
export { trace, type Trace, type TraceStep } from "./nn/trace.ts";
export { predict, predictProba, predictOutput, score } from "./nn/predict.ts";
export { evaluate } from "./nn/evaluate.ts";
export { forwardOutput, passRows } from "./nn/passes.ts";
export { modelToJson, modelFromJson, type ModelJson } from "./nn/serialize.ts";
export { classesFor, encodeTargets } from "./nn/targets.ts";

export * from "./data/index.ts";

export { validateExperiment } from "./experiment/validate.ts";
export { parseJsonText, JsonSyntaxError, type JsonTextOptions } from "./experiment/json-text.ts";
export { DEFAULTS, type Experiment } from "./experiment/experiment.ts";
export { prepareExperiment, type Prepared } from "./experiment/prepare.ts";
export { runExperiment, type RunJson } from "./experiment/run.ts";

// Models in other formats (scikit-learn JSON, TensorFlow.js layers, ONNX): contents in, contents out.
export * from "./interop/index.ts";

// Pictures: the same functions the CLI uses.
export * from "./viz/index.ts";
