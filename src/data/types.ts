import type { Matrix } from "../core/matrix.ts";
import type { RngName } from "../core/random.ts";
import type { DatasetName } from "./generate.ts";

import type { Label } from "../core/label.ts";
export type { Label };

/** Samples × features with one target per sample. */
export interface LabeledData {
  X: Matrix;
  /** One label or value per sample; with `Y`, each row's first value (for pictures). */
  y: Label[];
  /**
   * Targets given as rows (samples × k: one-hot rows, or several regression outputs), from inline
   * `y: [[…], …]` or several CSV target columns; absent for one target per sample.
   */
  Y?: Matrix | null;
}

/** What an experiment's `data` section resolves to. */
export interface DataSplit {
  train: LabeledData;
  test: LabeledData | null;
  featureNames: string[];
  targetName: string;
}

export interface GaussianGroup {
  mean: number[];
  std: number[];
  count: number;
  label: Label;
}

/** Options shared by the generators; each generator reads the fields it documents. */
export interface GeneratorOptions {
  samples?: number;
  noise?: number;
  seed?: number;
  rng?: RngName;
  /** circles: inner radius / outer radius. */
  factor?: number;
  /** blobs: number of centres, their spread and the box the centres are drawn from. */
  centers?: number;
  std?: number;
  /** gaussian-groups. */
  groups?: GaussianGroup[];
}

/** The `data` section of an experiment file (ARCHITECTURE §3), already validated. */
export type DataSpec =
  | ({ dataset: DatasetName; testFraction?: number; splitSeed?: number } & GeneratorOptions)
  | { csv: string; target: string | string[]; features?: string[]; splitColumn?: string; testFraction?: number; seed?: number; rng?: RngName }
  | { X: number[][]; y: (Label | number[])[]; testFraction?: number; seed?: number; rng?: RngName };
// For csv and inline data, `seed` and `rng` (default 0, "glassbox") seed the testFraction split.

// The names come from the dataset registry (./generate.ts).
export type { DatasetName } from "./generate.ts";
