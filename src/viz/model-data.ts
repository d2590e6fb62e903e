/** Moving between a model, its raw data and the scaled/encoded numbers the network sees. */
import { matrix, type Matrix } from "../core/matrix.ts";
import { applyScalerInto } from "../core/scaler.ts";
import { mapInputs } from "../data/feature-map.ts";
import type { DataSplit } from "../data/types.ts";
import type { Snapshot } from "../nn/history.ts";
import type { Model } from "../nn/model.ts";
import { createNetwork } from "../nn/network.ts";
import { createWorkspace, forward, type Workspace } from "../nn/propagation.ts";
import { encodeTargets } from "../nn/targets.ts";
import { rawInputCount } from "./raw-plane.ts";
import type { RunLike, ViewInput } from "./view.ts";

/** A copy of the model holding other parameters (same classes, scaler and names). */
export function modelWithParams(model: Model, params: Float64Array): Model {
  const net = createNetwork(model.inputSize, model.layers, model.loss, params);
  return { ...model, ...net };
}

export function snapshotParams(model: Model, snap: Snapshot): Float64Array {
  const p = new Float64Array(model.params.length);
  let o = 0;
  snap.layers.forEach((l, i) => {
    const layer = model.layers[i];
    for (let r = 0; r < layer.units; r++) for (let c = 0; c < layer.inputSize; c++) p[o++] = l.W[r][c];
    for (let r = 0; r < layer.units; r++) p[o++] = l.b[r];
  });
  return p;
}

/** The model as it was after `epoch` (a copy), from the run's snapshots. */
export function modelAtEpoch(model: Model, run: RunLike | undefined, epoch: number): Model {
  const snaps = run?.snapshots ?? [];
  const snap = snaps.find((s) => s.epoch === epoch);
  if (!snap) {
    const have = snaps.map((s) => s.epoch);
    throw new RangeError(`no parameters recorded for epoch ${epoch}` + (have.length ? ` (recorded: ${have.slice(0, 12).join(", ")}${have.length > 12 ? ", …" : ""})` : " (the run has no snapshots: set record.paramsAt)"));
  }
  return modelWithParams(model, snapshotParams(model, snap));
}

/** The model a view draws: options.epoch picks a snapshot, else the model itself. */
export function modelFor(input: ViewInput, epoch: number | undefined): Model {
  return epoch === undefined ? input.model : modelAtEpoch(input.model, input.run, epoch);
}

/** Raw rows → what the network's first layer sees (the model's scaler applied). */
export function scaledInputs(model: Model, X: Matrix): Float64Array {
  if (!model.scaler) return X.data;
  const out = new Float64Array(X.data.length);
  applyScalerInto(X.data, model.scaler, out, X.rows, X.cols);
  return out;
}

/** One forward pass of n raw rows; the workspace holds every layer's Z and A. */
export function runForward(model: Model, Xraw: Float64Array, n: number): Workspace {
  const ws = createWorkspace(model, n);
  forward(model, scaledInputs(model, matrix(n, model.inputSize, Xraw)), ws);
  return ws;
}

/** One forward pass of n rows of the raw data columns: the feature map (`inputs`), then the scaler. */
export function runForwardRaw(model: Model, Xraw: Float64Array, n: number): Workspace {
  return runForward(model, mappedInputs(model, Xraw, n), n);
}

/** n rows of the raw data columns as the model's inputs (its feature map applied; not yet scaled). */
export function mappedInputs(model: Model, Xraw: Float64Array, n: number): Float64Array {
  return model.inputs ? mapInputs(model, matrix(n, rawInputCount(model), Xraw)).data : Xraw;
}

/**
 * The data over its raw columns, as loaded (prepared.raw): what a picture over the input plane
 * places its samples by. Without a feature map it is the split itself.
 */
export function rawSplit(input: Pick<ViewInput, "model" | "split" | "prepared">): DataSplit {
  const { model, split } = input;
  if (!model.inputs) return split;
  if (input.prepared) return input.prepared.raw;
  // A split that already holds the raw columns (named as the model names them) is used as it is.
  if (split.featureNames.length === model.featureNames.length && split.featureNames.every((n, i) => n === model.featureNames[i])) return split;
  throw new RangeError(`this model computes its inputs (${model.inputs.join(", ")}) from the data's columns: the picture needs the data as loaded`);
}

export interface LossData {
  /** Scaled inputs, n × inputSize. */
  X: Float64Array;
  /** Encoded targets, n × output units. */
  Y: Float64Array;
  n: number;
}

/** The training rows the loss is measured on: the prepared data when given, else derived. */
export function lossData(input: Pick<ViewInput, "model" | "split" | "prepared">): LossData {
  if (input.prepared) return { X: input.prepared.data.X.data, Y: input.prepared.data.Y, n: input.prepared.data.X.rows };
  const { model, split } = input;
  const units = model.layers[model.layers.length - 1].units;
  return { X: scaledInputs(model, split.train.X), Y: encodeTargets(split.train.y, model.classes, units), n: split.train.X.rows };
}
