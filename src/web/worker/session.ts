/**
 * One training session of the worker: an experiment (or an imported model over the page's data)
 * prepared, its resumable trainer on the worker's engine, the workspaces of the train and test
 * sets and of the grid, and what the page is told of it (SetupInfo).
 */
import { extentOf } from "../../viz/chart/extent.ts";
import type { Matrix } from "../../core/matrix.ts";
import type { Engine } from "../../core/wasm/engine.ts";
import { mapInputs } from "../../data/feature-map.ts";
import { prepareExperiment, type Prepared } from "../../experiment/prepare.ts";
import { validateExperiment } from "../../experiment/validate.ts";
import { emptyHistory, type History } from "../../nn/history.ts";
import type { Model } from "../../nn/model.ts";
import { outputLayer } from "../../nn/network.ts";
import { createWorkspace, disposeWorkspace, type Workspace } from "../../nn/propagation.ts";
import type { ModelJson } from "../../nn/serialize.ts";
import { taskOf } from "../../nn/targets.ts";
import { createTrainer, type Trainer } from "../../nn/trainer.ts";
import { scaledInputs } from "../../viz/model-data.ts";
import { DOMAIN, GRID, type Frame, type SetupInfo } from "../protocol.ts";
import type { ExperimentJson } from "../setup.ts";
import { prepareForModel } from "../model-import.ts";
import { domainOf, featureGridsOver, gridColumn, gridPoints, PLAYGROUND_DATASETS } from "./grid.ts";

export interface Session {
  prepared: Prepared;
  model: Model;
  /** What the page has measured so far (train and test loss and accuracy at each frame). */
  history: History;
  /** Parameters at frames, thinned to at most MAX_PATH, for the landscape's descent path. */
  path: { epoch: number; params: Float64Array }[];
  trainer: Trainer;
  trainWs: Workspace;
  testWs: Workspace | null;
  gridX: Matrix | null;
  gridWs: Workspace | null;
  onFrame: (frame: Frame) => void;
  /** The epoch a file's own run ends at (its `train.epochs`, setup.ts fileEpochs), until training reaches it; null: open-ended, as the Playground. */
  stopAt: number | null;
}

/** The experiment validated and prepared, or an imported model (model-import.ts) in the place of the experiment's network. */
export function prepare(json: ExperimentJson, files: Record<string, string>, model?: ModelJson): { experiment: ReturnType<typeof validateExperiment>; p: Prepared } {
  if (model) {
    const p = prepareForModel(model, json, (path) => files[path]);
    return { experiment: p.experiment, p };
  }
  const experiment = validateExperiment({ ...json, train: { ...((json.train as object | undefined) ?? {}), epochs: 1 } });
  return { experiment, p: prepareExperiment(experiment, (path) => files[path]) };
}

/** A session of the prepared experiment on the engine, and the page's description of its network and data. */
export function createSession(
  { experiment, p }: ReturnType<typeof prepare>,
  eng: Engine,
  threads: number,
  onFrame: (frame: Frame) => void,
  stopAt: number | null = null,
): { session: Session; info: SetupInfo } {
  const config = { ...p.config, epochs: Infinity, recordEvery: 1e9, paramsAt: [], engine: eng };
  const trainer = createTrainer(p.model, p.data, config);
  const rawData = p.raw;
  const rawDim = rawData.train.X.cols;
  const domain = domainOf(rawData.train.X, "dataset" in experiment.data && PLAYGROUND_DATASETS.has(experiment.data.dataset));
  const raw = rawDim <= 2 ? gridPoints(domain, rawDim) : null;
  // The grid goes through the same feature map and scaler as the data.
  const gridX = raw ? { rows: raw.rows, cols: p.model.inputSize, data: scaledInputs(p.model, mapInputs(p.model, raw)) } : null;
  const inputs = p.model.inputs ?? p.model.featureNames;
  const classes = p.model.classes;
  // Targets for the scatter: the class's index, or the value itself.
  const targets = (y: readonly (number | string)[]): Float64Array => Float64Array.from(y, (v) => (classes ? classes.findIndex((c) => c === v) : Number(v)));
  const test = rawData.test;
  const session: Session = {
    prepared: p,
    model: p.model,
    history: emptyHistory(!!p.data.testX && p.data.testX.rows > 0),
    path: [],
    trainer,
    trainWs: createWorkspace(p.model, p.data.X.rows, { lean: true, engine: eng }),
    testWs: p.data.testX && p.data.testX.rows > 0 ? createWorkspace(p.model, p.data.testX.rows, { lean: true, engine: eng }) : null,
    gridX,
    gridWs: gridX ? createWorkspace(p.model, GRID * GRID, { engine: eng }) : null,
    onFrame,
    stopAt,
  };
  const featureGrids = featureGridsOver(gridPoints([DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1]], 2));
  const inputGrids = gridX ? inputs.map((_, c) => gridColumn(gridX, c)) : null;
  const info: SetupInfo = {
    inputs,
    layers: p.model.layers.map((l) => ({ units: l.units, activation: l.activation })),
    task: taskOf(outputLayer(p.model).activation) as SetupInfo["task"],
    classes: classes ? classes.map(String) : null,
    valueRange: [-1, 1],
    rawDim,
    domain,
    train: { X: rawData.train.X.data.slice(), y: targets(rawData.train.y) },
    test: { X: test ? test.X.data.slice() : new Float64Array(0), y: test ? targets(test.y) : new Float64Array(0) },
    featureGrids,
    inputGrids,
    parameterCount: p.model.params.length,
    threads,
  };
  // The targets' range (±1 around a single value).
  if (info.task === "regression") info.valueRange = extentOf(info.train.y);
  return { session, info };
}

/** Frees the session's trainer and workspaces. */
export function disposeSession(s: Session): void {
  s.trainer.dispose();
  for (const ws of [s.trainWs, s.testWs, s.gridWs]) if (ws) disposeWorkspace(ws);
}
