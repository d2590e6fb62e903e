/** What the page and its training worker say to each other (the worker's API, through comlink). */
import type { Trace } from "../nn/trace.ts";
import type { ExperimentJson, Feature } from "./setup.ts";
import type { ModelJson } from "../nn/serialize.ts";
import type { ImportedModel, ModelFile } from "./model-kind.ts";
import type { StepHover } from "./step-arithmetic.ts";
import type { Problem } from "./problem.ts";
import type { Stop } from "./stop.ts";

/** The square of input space the Playground's heatmaps cover: [−6, 6]² (other data: its own extent). */
export const DOMAIN: readonly [number, number] = [-6, 6];

/** [xmin, xmax, ymin, ymax] of the plane the heatmaps cover (for 1-D data, y is unused). */
export type Domain = [number, number, number, number];
/** Grid cells per side of every heatmap (one forward pass gives every neuron's map). */
export const GRID = 100;

export interface LayerInfo {
  units: number;
  activation: string;
}

/** What the worker reports once the set-up is ready. */
export interface SetupInfo {
  /** Names of the network's inputs, as the experiment file writes them ("x1", "sin(x2)", …). */
  inputs: string[];
  layers: LayerInfo[];
  task: "binary" | "multiclass" | "regression";
  /** Class labels in output order (null for regression). */
  classes: string[] | null;
  /** Regression: the training targets' range (a file's output is coloured over it, blue to orange); else [−1, 1]. */
  valueRange: [number, number];
  /** Columns of the raw data (before any feature map): 1 gives the 1-D mode, more than 2 no heatmaps. */
  rawDim: number;
  /** The plane every heatmap covers. */
  domain: Domain;
  /** Raw points (samples × rawDim) and targets (class index, or the value for regression), for the scatter. */
  train: { X: Float64Array; y: Float64Array };
  test: { X: Float64Array; y: Float64Array };
  /** Each network input over the grid (after the file's feature map and scaler), GRID² values; null without a plane. */
  inputGrids: Float32Array[] | null;
  /** Each of the seven features over the grid, GRID² values (they never change), by the page's names. */
  featureGrids: Record<Feature, Float32Array>;
  parameterCount: number;
  /** Threads the engine computes with: 2 where the page is cross-origin isolated, else 1. */
  threads: number;
}

export interface Frame {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Every parameter, layer by layer as the engine lays them out: W₁ (out × in, row-major), b₁, W₂, … */
  params: Float64Array;
  /** Each layer's activations over the grid (GRID² × units, row-major), when refreshed; else null. */
  grids: Float32Array[] | null;
  /** Whether this frame refreshes the drawings (the grids, where the data is a plane, and the edges). */
  refreshed: boolean;
  /** Set when training stopped on its own (the loss diverged, L-BFGS converged, a file's epochs were done): the page words it. */
  stop: Stop | null;
  playing: boolean;
}

export interface LiveSettings {
  learningRate: number;
  batchSize: number | null;
  l1: number;
  l2: number;
  momentum: number;
}

/** The views beyond TensorFlow Playground's: each one the same `src/viz` function the CLI draws with. */
export type ExtraView = "hidden" | "morph" | "surface" | "landscape" | "history" | "steps" | "neurons";

export interface ViewRequest {
  name: ExtraView;
  /** The page's language: the picture's words in it (viz/words). */
  lang?: "en" | "zh";
  width: number;
  height?: number;
  /** hidden, morph: which hidden layer (1-based). */
  layer?: number;
  /** morph: 0 = input space … 1 = hidden space. */
  t?: number;
  /** 3-D views: degrees. */
  azimuth?: number;
  elevation?: number;
  /** landscape: the two parameters ("W1[0,1]", "b2[0]"), and heatmap or 3-D. */
  params?: [string, string];
  mode?: "heatmap" | "3d";
  /** steps: which step of the iteration (1-based). */
  step?: number;
  /** steps: the highlighted cell of the computed matrix (row, column), and the hover text's words in the page's language. */
  cell?: [number, number];
  words?: StepWords;
}

/** The step inspector's words, as templates: "not shown: {n}", "penalty", "{optimizer} step". */
export interface StepWords {
  more: string;
  penalty: string;
  step: string;
}

export interface ViewResult {
  /** "" when the view cannot be drawn for this model (`unavailable` says why). */
  svg: string;
  /** surface, morph: the model reads this many data columns, not the two the plane is made of. */
  unavailable?: { columns: number };
  /** landscape: the two parameters drawn (the defaults when none were asked for). */
  params?: [string, string];
  /** steps: how many steps the iteration has. */
  steps?: number;
  /** steps: the computed matrix's cells and the highlighted cell's arithmetic (null in the twelve-steps article's layout). */
  hover?: StepHover | null;
}

export interface PlaygroundWorker {
  /** Builds data, network and trainer from an experiment file; frames go to `onFrame`. A file that does not prepare throws its Problem. */
  setup(experiment: ExperimentJson, onFrame: (frame: Frame) => void, files?: Record<string, string>, model?: ModelJson, stopAt?: number | null): Promise<SetupInfo>;
  /** Validates and prepares an experiment without touching the current one: null, or what is wrong. */
  check(experiment: ExperimentJson, files?: Record<string, string>, model?: ModelJson): Problem | null;
  play(): void;
  /** Trains at most this many epochs a second while playing (Infinity: as fast as it goes). */
  pace(epochsPerSecond: number): void;
  /** Stops after the current slice; returns the epoch it stopped at (its frame is the last one). */
  pause(): number;
  /** One epoch, then a frame with grids. */
  step(): void;
  /** Settings that change a running training in place (those given; a file's network takes the learning rate only). */
  update(settings: Partial<LiveSettings>): void;
  /** Sets one parameter (a weight or a bias) at once; a frame with grids follows. */
  setParam(index: number, value: number): void;
  /** The trained model as a model file (what `glassbox predict` and `plot --model` read). */
  modelJson(): unknown;
  /** The set-up as a workbook whose cells compute the descent (`glassbox sheet`), from the current weights. */
  spreadsheet(iterations: number): Promise<Uint8Array>;
  /** Epochs/s over the last second of training (for meters). */
  rate(): number;
  /** Draws one of the extra views at the current parameters; throws a message when it does not apply. */
  view(request: ViewRequest): ViewResult;
  /** The network's parameter names, as the CLI spells them ("W1[0,0]", "b1[0]", …). */
  paramNames(): string[];
  /** The trace of one full-batch iteration at the current parameters (the step inspector's numbers). */
  trace(): Trace;
  /** Applies that iteration's update (the trace's W′, b′) to the network; a frame follows. */
  applyIteration(): void;

  // Importing a model: with `model`, setup and check put it in the place of the experiment's network (model-import.ts).
  /** Reads chosen files as one model (Glassbox, scikit-learn, TensorFlow.js or ONNX); throws the converter's message. */
  readModel(files: ModelFile[]): ImportedModel;
  /** The current model's outputs for raw rows, as `glassbox predict` computes them. */
  predict(rows: number[][]): number[][];
}
