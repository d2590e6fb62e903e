/**
 * From a validated experiment to everything training needs: data loaded, scaled and encoded,
 * the model built and initialised. Every check that needs the data happens here, before any
 * training, so a bad file fails fast and writes nothing.
 */
import { UserError } from "../core/errors.ts";
import type { Matrix } from "../core/matrix.ts";
import { applyScaler } from "../data/apply-scaler.ts";
import { featureMap, mapSplit } from "../data/feature-map.ts";
import { fitStandardScaler } from "../data/fit-scaler.ts";
import { loadData, type ReadText } from "../data/load.ts";
import type { DataSplit, LabeledData } from "../data/types.ts";
import { initialize, setParams } from "../nn/init.ts";
import { createModel, type Model } from "../nn/model.ts";
import { outputLayer } from "../nn/network.ts";
import { classesFor, encodeTargets, labelsFromRows, taskOf } from "../nn/targets.ts";
import type { TrainConfig, TrainData } from "../nn/train.ts";
import type { Experiment } from "./experiment.ts";

/** Above this a regression target's squared error, summed, is no longer a finite double. */
const MAX_TARGET = 1e100;

export interface Prepared {
  experiment: Experiment;
  model: Model;
  /**
   * The data the network's input sees, unscaled: as loaded, with `inputs` computed when the
   * experiment has them (their names are then the feature names).
   */
  split: DataSplit;
  /** The data as loaded: the raw columns (the same as `split` without `inputs`). */
  raw: DataSplit;
  /** Scaled inputs and encoded targets, ready for `train`. */
  data: TrainData;
  config: TrainConfig;
}

export interface PrepareOptions {
  /**
   * Called once the data is loaded and the input size known, before the network is made: a check
   * that refuses the network's shape (its layer sizes, input first) fails before any parameter exists.
   */
  beforeModel?: (sizes: readonly number[]) => void;
}

/**
 * `readText` supplies the files the experiment names (`data.csv`, by the path as written there);
 * generated and inline data need none. No I/O here: in Node, `loadExperiment` (src/cli) reads
 * them from beside the experiment file; the page passes the texts it has.
 */
export function prepareExperiment(experiment: Experiment, readText?: ReadText, o: PrepareOptions = {}): Prepared {
  const loaded = loadData(experiment.data, readText);
  const layers = experiment.model.layers;
  const output = layers[layers.length - 1];
  const outputPath = `model.layers[${layers.length - 1}]`;
  const task = taskOf(output.activation);
  // Targets given as rows: one-hot rows become their classes; several values stay rows (regression).
  const where = "csv" in experiment.data ? "data.target" : "data.y";
  const rowsTo = (p: LabeledData): LabeledData => {
    if (!p.Y) {
      if (task === "regression" && output.units !== 1) {
        throw new UserError(`one target value per row, but the output layer has ${output.units} ${output.activation} units: give ${output.units} values per row (y: [[…], …] or ${output.units} target columns) or set the units to 1`, outputPath);
      }
      return p;
    }
    const declared = experiment.classes;
    const labels = labelsFromRows(task, output.units, p.Y, declared, where);
    return labels ? { X: p.X, y: labels } : p;
  };
  const raw: DataSplit = { ...loaded, train: rowsTo(loaded.train), test: loaded.test ? rowsTo(loaded.test) : null };
  const map = experiment.inputs ? featureMap(experiment.inputs, raw.featureNames) : null;
  const split = map ? mapSplit(raw, map) : raw;
  const inputSize = split.train.X.cols;

  const allLabels = split.test ? [...split.train.y, ...split.test.y] : split.train.y;
  const classes = split.train.Y ? null : classesFor(task, output.units, allLabels, outputPath, experiment.classes);
  o.beforeModel?.([inputSize, ...layers.map((l) => l.units)]);
  const scaler = experiment.scale === "standard" ? fitStandardScaler(split.train.X) : null;
  const model = createModel({ inputSize, layers, loss: experiment.loss, classes, scaler, featureNames: raw.featureNames, targetName: raw.targetName, inputs: map?.names ?? null });

  if ("params" in experiment.init) {
    try {
      setParams(model, experiment.init.params);
    } catch (e) {
      const given = map ? "inputs give" : "data has";
      throw new UserError(`${(e as Error).message} (the ${given} ${inputSize} feature${inputSize === 1 ? "" : "s"})`, "init.params");
    }
  } else {
    initialize(model, experiment.init);
  }

  const units = outputLayer(model).units;
  const scale = (X: Matrix): Matrix => (scaler ? applyScaler(X, scaler) : X);
  const data: TrainData = {
    X: scale(split.train.X),
    Y: split.train.Y ? split.train.Y.data : encodeTargets(split.train.y, classes, units, "data"),
    testX: split.test ? scale(split.test.X) : null,
    testY: split.test ? (split.test.Y ? split.test.Y.data : encodeTargets(split.test.y, classes, units, "data (test rows)")) : null,
  };
  if (classes === null) {
    // Squared errors of targets this large overflow before the first update: say so, not "diverged".
    let big = 0;
    for (const Y of [data.Y, data.testY]) if (Y) for (let i = 0; i < Y.length; i++) big = Math.max(big, Math.abs(Y[i]));
    if (big > MAX_TARGET) throw new UserError(`targets as large as ${big.toPrecision(3)} are out of range (their squared error overflows): rescale the target values (e.g. divide them by ${(10 ** Math.floor(Math.log10(big))).toExponential(0)})`, where);
  }
  // The validated `train` is a TrainConfig already (the optimiser and its own settings, the shared ones).
  const config: TrainConfig = { ...experiment.train, recordEvery: experiment.record.every, paramsAt: experiment.record.paramsAt };
  return { experiment, model, split, raw, data, config };
}
