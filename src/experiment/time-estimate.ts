/**
 * How long training will take, estimated from the shapes before any work: the floating-point
 * operations of one epoch (forward Z = A·Wᵀ, backward dW = dZᵀ·A and dA = dZ·W except for the first
 * layer, 2 per multiply-add; the test rows' forward pass when an epoch is recorded) times the
 * epochs, at a rate (dense-equivalent operations per second: measured on this machine by earlier
 * runs, or a constant), plus a fixed cost per update. The CLI shows it before long work and refuses
 * what would take absurdly long, with the number and the fix.
 */
import type { Experiment } from "./experiment.ts";

/**
 * Dense-equivalent operations per second on one core when nothing is known about this machine:
 * the WebAssembly kernels reach about 10–20 (relu networks skip zeros), so this errs towards
 * a longer estimate; the plain TypeScript kernels about a tenth of it.
 */
export const DEFAULT_RATE = 5e9;
export const PLAIN_KERNELS_RATE = 5e8;
/** Seconds per update besides the matrix work (calls, loss, metrics, bookkeeping). */
export const UPDATE_OVERHEAD = 3e-6;
/** Refused above this many seconds, unless GLASSBOX_TIME_LIMIT says otherwise. */
export const DEFAULT_TIME_LIMIT = 24 * 3600;

export interface TimeEstimate {
  flopsPerEpoch: number;
  updatesPerEpoch: number;
  epochs: number;
  /** Operations per second assumed. */
  rate: number;
  seconds: number;
}

/** Multiply-adds of one forward pass of one row. */
export function macsPerRow(inputSize: number, units: readonly number[]): number {
  let s = 0;
  let k = inputSize;
  for (const u of units) {
    s += k * u;
    k = u;
  }
  return s;
}

/**
 * Floating-point operations of one gradient evaluation over `rows`, counted as dense matrix work:
 * forward Z = A·Wᵀ, backward dW = dZᵀ·A and dA = dZ·W (not for the first layer), 2 per multiply-add.
 */
export function gradientFlops(inputSize: number, units: readonly number[], rows: number): number {
  return 2 * rows * (3 * macsPerRow(inputSize, units) - inputSize * units[0]);
}

export function estimateTrainingTime(experiment: Experiment, inputSize: number, rows: number, testRows: number, epochs = experiment.train.epochs, rate = DEFAULT_RATE): TimeEstimate {
  const units = experiment.model.layers.map((l) => l.units);
  const macs = macsPerRow(inputSize, units);
  const first = inputSize * units[0];
  const t = experiment.train;
  // L-BFGS evaluates the objective and its gradient about once per iteration, plus line searches.
  const evaluations = t.optimizer === "lbfgs" ? 2 : 1;
  const recordedShare = 1 / Math.max(1, experiment.record.every);
  const flopsPerEpoch = evaluations * gradientFlops(inputSize, units, rows) + recordedShare * 2 * testRows * macs;
  const batch = t.batchSize && t.batchSize < rows ? t.batchSize : rows;
  const updatesPerEpoch = t.optimizer === "lbfgs" ? evaluations : Math.ceil(rows / Math.max(1, batch));
  const seconds = epochs * (flopsPerEpoch / rate + updatesPerEpoch * UPDATE_OVERHEAD);
  return { flopsPerEpoch, updatesPerEpoch, epochs, rate, seconds };
}

/** "about 40 s", "about 4 min", "about 3.2 h", "about 12 days": a duration for a message. */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds)) return "forever";
  if (seconds < 1) return "under a second";
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `about ${(seconds / 3600).toPrecision(2)} h`;
  if (seconds < 3650 * 86400) return `about ${Math.round(seconds / 86400).toLocaleString("en-US")} days`;
  return `about ${(seconds / (365.25 * 86400)).toPrecision(2)} years`;
}

/**
 * A duration limit as written in GLASSBOX_TIME_LIMIT: seconds, or with a unit (90s, 30m, 48h, 7d);
 * "0", "off" or "none" for no limit (Infinity). null when it is not a duration.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (/^(0|off|none|no)$/.test(s)) return Infinity;
  const m = /^([\d.]+)\s*(s|sec|m|min|h|d|days?)?$/.exec(s);
  if (!m || !Number.isFinite(Number(m[1])) || Number(m[1]) <= 0) return null;
  const unit = m[2] ?? "s";
  const scale = unit.startsWith("d") ? 86400 : unit === "h" ? 3600 : unit === "m" || unit === "min" ? 60 : 1;
  return Number(m[1]) * scale;
}
