/**
 * scikit-learn's `utils.shuffle(X, y, random_state=rng)`: `indices = arange(n)`,
 * `rng.shuffle(indices)`, then both arrays are taken in that order (a new matrix and array).
 */
import { permutation, type Random } from "../core/random.ts";
import { takeSamples } from "./take-samples.ts";
import type { LabeledData } from "./types.ts";

export function shuffleSamples(rng: Random, data: LabeledData): LabeledData {
  return takeSamples(data, permutation(rng, data.X.rows));
}
