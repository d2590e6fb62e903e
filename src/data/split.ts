/**
 * scikit-learn's `train_test_split(X, y, test_size=f, random_state=seed)` (no stratify):
 * `n_test = ⌈f·n⌉`, `n_train = n − n_test`, `perm = rng.permutation(n)`, test = `perm[:n_test]`,
 * train = `perm[n_test:]`, each in permutation order. With `rng: "numpy"` the split is sklearn's.
 * `testFraction` must be in (0, 1) and leave at least one sample on each side.
 */
import { UserError } from "../core/errors.ts";
import { createRandom, permutation, type RngName } from "../core/random.ts";
import { takeSamples } from "./take-samples.ts";
import type { LabeledData } from "./types.ts";

export interface TrainTestSplit {
  train: LabeledData;
  test: LabeledData;
  /** Row indices into the input: `train.X` row k is input row `trainIndex[k]`. */
  trainIndex: Int32Array;
  testIndex: Int32Array;
}

export function trainTestSplit(data: LabeledData, testFraction: number, seed = 0, rng: RngName = "glassbox"): TrainTestSplit {
  const n = data.X.rows;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new UserError(`must be a number between 0 and 1 (exclusive), got ${testFraction}`, "data.testFraction");
  }
  const nTest = Math.ceil(testFraction * n);
  if (nTest >= n) {
    throw new UserError(`${testFraction} of ${n} samples leaves none to train on`, "data.testFraction");
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UserError(`split seed must be a whole number in 0..4294967295, got ${seed}`, "data.seed");
  }
  const perm = permutation(createRandom(rng, seed), n);
  const testIndex = perm.slice(0, nTest);
  const trainIndex = perm.slice(nTest);
  return { train: takeSamples(data, trainIndex), test: takeSamples(data, testIndex), trainIndex, testIndex };
}
