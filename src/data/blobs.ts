/**
 * Isotropic Gaussian clusters in the plane: scikit-learn's `make_blobs(samples, centers=k,
 * cluster_std=std, center_box=(−10, 10), n_features=2)`, drawn in sklearn's order, so with
 * `rng: "numpy"` and the same seed the result equals sklearn's.
 *
 * - the k centres, uniform in [−10, 10)², row by row;
 * - ⌊n/k⌋ samples per centre, the first `n mod k` centres one more; centre i's samples are
 *   `centre + std·z` (row-major), label i;
 * - shuffled as sklearn's `utils.shuffle` does. (`noise` is not used: `std` is the spread.)
 *
 * Defaults: `samples` 100, `centers` 3, `std` 1, `seed` 0, `rng` "glassbox".
 */
import { UserError } from "../core/errors.ts";
import { matrix } from "../core/matrix.ts";
import { gaussian, uniform } from "../core/random.ts";
import { generatorRandom, sampleCount } from "./options.ts";
import { shuffleSamples } from "./shuffle-samples.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

const FEATURES = 2;
const BOX: [number, number] = [-10, 10];

export function blobs(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 100);
  const k = options.centers ?? 3;
  if (!Number.isInteger(k) || k < 1) throw new UserError(`must be a whole number ≥ 1, got ${k}`, "data.centers");
  const std = options.std ?? 1;
  if (!Number.isFinite(std) || std < 0) throw new UserError(`must be a number ≥ 0, got ${std}`, "data.std");
  const rng = generatorRandom(options);
  const centres = new Float64Array(k * FEATURES);
  for (let i = 0; i < centres.length; i++) centres[i] = uniform(rng, BOX[0], BOX[1]);
  const X = matrix(n, FEATURES);
  const y: number[] = [];
  let row = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    for (let s = 0; s < count; s++, row++) {
      for (let j = 0; j < FEATURES; j++) X.data[row * FEATURES + j] = gaussian(rng, centres[c * FEATURES + j], std);
      y.push(c);
    }
  }
  return shuffleSamples(rng, { X, y });
}

export const blobsDataset: DatasetEntry<"blobs", null> = {
  name: "blobs",
  generate: blobs,
  task: "classification",
  doc: "scikit-learn's `make_blobs`: Gaussian clusters (`centers`, `std`; no `noise`)",
  options: ["samples", "centers", "std"],
  playground: null,
};
