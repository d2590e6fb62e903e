/**
 * What a run will need, estimated from the shapes before any work: the parameters and the
 * optimiser's copies of them, the workspaces (every layer's Z, A and their gradients for a batch),
 * the data, the snapshots kept and the run file's size. The CLI refuses what cannot fit (with the
 * number and the fix) instead of growing until the machine gives up.
 */
import { parameterCount } from "../nn/network.ts";
import type { OptimizerEntry } from "../nn/optimizers/entry.ts";
import { optimizerEntry, optimizerOptions } from "../nn/optimizers/registry.ts";
import type { Experiment } from "./experiment.ts";

export interface MemoryEstimate {
  /** Bytes of typed arrays and JS arrays while training. */
  training: number;
  /** The run file's JSON, in bytes (about 20 characters per number). */
  runFile: number;
  parameters: number;
  /** The biggest single typed array (V8 caps one at 2^32 bytes… and lower on some builds). */
  largestArray: number;
}

const F64 = 8;
/** A JSON number as the run file writes it: up to 17 significant digits, a sign, a point, a comma. */
const JSON_NUMBER = 21;

/** The estimate for `experiment` on `rows` training rows (and `testRows`) with `inputSize` inputs. */
export function estimateMemory(experiment: Experiment, inputSize: number, rows: number, testRows: number, epochs = experiment.train.epochs): MemoryEstimate {
  const layers = experiment.model.layers;
  const P = parameterCount(inputSize, layers);
  const t = experiment.train;
  // The parameters and the gradient, and what the optimiser keeps (its registry entry says).
  const copies = 2 + (optimizerEntry(t.optimizer) as OptimizerEntry).stateArrays(optimizerOptions(t.optimizer, t));
  const batch = t.batchSize && t.batchSize < rows ? t.batchSize : rows;
  const widths = layers.reduce((s, l) => s + l.units, 0);
  const widest = Math.max(inputSize, ...layers.map((l) => l.units));
  // Per row in a workspace: each layer's Z, A, dA, dZ (and the input row when batches are gathered).
  const workspace = (n: number) => n * (4 * widths + inputSize) * F64;
  const units = layers[layers.length - 1].units;
  const data = (rows + testRows) * (inputSize + units) * F64 * 2; // as loaded and as scaled/encoded
  const snapshots = (experiment.record.paramsAt.length + 1) * P * F64;
  const recorded = Math.ceil(epochs / experiment.record.every) + 1;
  const history = recorded * 5 * F64;
  const training = copies * P * F64 + workspace(batch) + (batch < rows ? workspace(rows % batch) : 0) + (testRows ? workspace(testRows) : 0) + data + snapshots + history;
  const runFile = (experiment.record.paramsAt.length + 2) * P * JSON_NUMBER + recorded * 5 * JSON_NUMBER;
  const largestArray = Math.max(P * F64, Math.max(batch, testRows) * widest * F64, (rows + testRows) * inputSize * F64);
  return { training, runFile, parameters: P, largestArray };
}

/** 1.5 GB, 640 MB, 12 KB: a size for a message. */
export function bytesText(b: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB", "PB"];
  let i = 0;
  while (b >= 1000 && i < units.length - 1) {
    b /= 1000;
    i++;
  }
  return `${b >= 100 || i === 0 ? Math.round(b) : b.toPrecision(2)} ${units[i]}`;
}
