/**
 * A model = a network plus what it needs to meet raw data: the classes its outputs stand for,
 * the input scaler fitted on the training data, the names of its input and target columns, and
 * the input feature map, if any (raw columns → map → scaler → network).
 */
import type { Label } from "../core/label.ts";
import type { Scaler } from "../core/scaler.ts";
import { createNetwork, outputLayer, type LayerSpec, type Network } from "./network.ts";
import type { LossName } from "./losses.ts";
import { taskOf, type Task } from "./targets.ts";

export interface Model extends Network {
  /** Class labels in output order (index 0 ↔ output 0, or ↔ probability < 0.5 for one sigmoid unit); null for regression. */
  readonly classes: Label[] | null;
  readonly scaler: Scaler | null;
  /** The raw data columns it reads (without `inputs`, one per network input). */
  readonly featureNames: string[];
  readonly targetName: string;
  /**
   * The experiment's input features computed from the raw columns (`"x1*x2"`, `"sin(x1)"`, …;
   * src/data/feature-map.ts), one per network input; null = the raw columns themselves. The
   * engine only stores the names: whoever predicts from raw rows applies the map first.
   */
  readonly inputs: string[] | null;
}

export interface ModelOptions {
  inputSize: number;
  layers: readonly LayerSpec[];
  loss: LossName;
  classes?: Label[] | null;
  scaler?: Scaler | null;
  featureNames?: string[];
  targetName?: string;
  inputs?: string[] | null;
  params?: Float64Array;
}

export function createModel(o: ModelOptions): Model {
  const net = createNetwork(o.inputSize, o.layers, o.loss, o.params);
  return {
    ...net,
    classes: o.classes ?? null,
    scaler: o.scaler ?? null,
    featureNames: o.featureNames ?? Array.from({ length: o.inputSize }, (_, i) => `x${i + 1}`),
    targetName: o.targetName ?? "y",
    inputs: o.inputs ?? null,
  };
}

export function modelTask(model: Network): Task {
  return taskOf(outputLayer(model).activation);
}
