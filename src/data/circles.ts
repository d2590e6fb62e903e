/**
 * One class inside a ring of the other: scikit-learn's `make_circles`, step for step. With
 * `rng: "numpy"` and the same seed the result equals sklearn's `make_circles(samples,
 * noise=noise, factor=factor, random_state=seed)`.
 *
 * - `n_out = ⌊n/2⌋` points on the unit circle, angles linspace(0, 2π, n_out, endpoint=False), label 0;
 * - `n_in = n − n_out` points on the circle of radius `factor`, label 1;
 * - shuffled as sklearn's `utils.shuffle` does, then Gaussian noise of sd `noise` on every cell.
 *
 * Defaults: `samples` 100, `noise` 0, `factor` 0.8 (must be in [0, 1)), `seed` 0, `rng` "glassbox".
 */
import { UserError } from "../core/errors.ts";
import { linspace } from "./linspace.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { twoCurves } from "./two-curves.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function circles(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 100, 2);
  const noise = noiseLevel(options, 0);
  const factor = options.factor ?? 0.8;
  if (!(factor >= 0 && factor < 1)) throw new UserError(`must be a number in [0, 1), got ${factor}`, "data.factor");
  const rng = generatorRandom(options);
  return twoCurves(rng, n, noise, (count) => linspace(0, 2 * Math.PI, count, false), (t) => [Math.cos(t), Math.sin(t)], (t) => [Math.cos(t) * factor, Math.sin(t) * factor]);
}

export const circlesDataset: DatasetEntry<"circles", null> = {
  name: "circles",
  generate: circles,
  task: "classification",
  doc: "scikit-learn's `make_circles`: one class inside a ring of the other (`factor`)",
  options: ["samples", "noise", "factor"],
  playground: null,
};
