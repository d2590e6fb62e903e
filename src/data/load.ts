/**
 * Resolves an experiment's `data` section (ARCHITECTURE §3) to train and test data:
 * - `dataset`: the named generator; split when `testFraction` > 0 with seed
 *   `splitSeed ?? seed ?? 0` and the generator's `rng`;
 * - `csv`: the text `readText` gives for the path as written (relative to the experiment file),
 *   parsed by `parseCsvData`; its `splitColumn` splits it, or else `testFraction` with `seed`/`rng`;
 * - `X`/`y` inline: checked (UserError at `data.X[i]` …), split by `testFraction` likewise.
 * `testFraction` 0 or absent means no test set. No I/O here: whoever calls supplies the texts
 * (the CLI reads them from disk, the page from what the user loaded), so this runs in a browser.
 */
import { UserError } from "../core/errors.ts";
import type { RngName } from "../core/random.ts";
import { parseCsvData } from "./csv.ts";
import { featureNames } from "./feature-names.ts";
import { generateDataset } from "./generate.ts";
import { inlineData } from "./inline-data.ts";
import { trainTestSplit } from "./split.ts";
import type { DataSpec, DataSplit, LabeledData } from "./types.ts";

/**
 * The text of a file an experiment names (`data.csv`), by the path as the experiment writes it;
 * `undefined` when there is no such file.
 */
export type ReadText = (path: string) => string | undefined;

const NO_FILES: ReadText = () => undefined;

export function loadData(spec: DataSpec, readText: ReadText = NO_FILES): DataSplit {
  if ("dataset" in spec) {
    const data = generateDataset(spec.dataset, spec);
    return split(data, spec.testFraction, spec.splitSeed ?? spec.seed ?? 0, spec.rng, featureNames(data.X.cols), "y");
  }
  if ("csv" in spec) {
    const text = readText(spec.csv);
    if (text === undefined) throw new UserError(`file ${JSON.stringify(spec.csv)} not found (paths are relative to the experiment file)`, "data.csv");
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
