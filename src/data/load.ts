/**
 * Resolves an experiment's `data` section (DESIGN §3) to train and test data:
 * - `dataset`: the named generator; split when `testFraction` > 0 with seed
 *   `splitSeed ?? seed ?? 0` and the generator's `rng`;
 * - `csv`: the file at a path relative to `baseDir` (the experiment file's folder), read by
 *   `parseCsvData`; its `splitColumn` splits it, or else `testFraction` with `seed`/`rng`;
 * - `X`/`y` inline: checked (UserError at `data.X[i]` …), split by `testFraction` likewise.
 * `testFraction` 0 or absent means no test set. Reads the file system (Node only).
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UserError } from "../core/errors.ts";
import type { RngName } from "../core/random.ts";
import { parseCsvData } from "./csv.ts";
import { featureNames } from "./feature-names.ts";
import { generateDataset } from "./generate.ts";
import { inlineData } from "./inline-data.ts";
import { trainTestSplit } from "./split.ts";
import type { DataSpec, DataSplit, LabeledData } from "./types.ts";

export function loadData(spec: DataSpec, baseDir: string): DataSplit {
  if ("dataset" in spec) {
    const data = generateDataset(spec.dataset, spec);
    return split(data, spec.testFraction, spec.splitSeed ?? spec.seed ?? 0, spec.rng, featureNames(data.X.cols), "y");
  }
  if ("csv" in spec) {
    const text = readCsvText(spec.csv, baseDir);
    const fromFile = parseCsvData(text, spec, spec.csv);
    if (!spec.testFraction) return fromFile;
    if (spec.splitColumn !== undefined) {
      throw new UserError(`cannot be used with splitColumn ("${spec.splitColumn}" already splits the file); drop one`, "data.testFraction");
    }
    return split(fromFile.train, spec.testFraction, spec.seed ?? 0, spec.rng, fromFile.featureNames, fromFile.targetName);
  }
  const data = inlineData(spec.X, spec.y);
  return split(data, spec.testFraction, spec.seed ?? 0, spec.rng, featureNames(data.X.cols), "y");
}

function split(
  data: LabeledData,
  testFraction: number | undefined,
  seed: number,
  rng: RngName | undefined,
  names: string[],
  targetName: string,
): DataSplit {
  if (testFraction === undefined || testFraction === 0) return { train: data, test: null, featureNames: names, targetName };
  const { train, test } = trainTestSplit(data, testFraction, seed, rng ?? "glassbox");
  return { train, test, featureNames: names, targetName };
}

function readCsvText(file: string, baseDir: string): string {
  const path = resolve(baseDir, file);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) throw new UserError(`file ${JSON.stringify(file)} not found (paths are relative to the experiment file)`, "data.csv");
  return readFileSync(path, "utf8");
}
