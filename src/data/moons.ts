/**
 * Two interleaving half circles: scikit-learn's `make_moons`, step for step. With
 * `rng: "numpy"` and the same seed the result equals sklearn's `make_moons(samples,
 * noise=noise, random_state=seed)`.
 *
 * - `n_out = ⌊n/2⌋` outer points `(cos t, sin t)`, t = linspace(0, π, n_out), label 0;
 * - `n_in = n − n_out` inner points `(1 − cos t, 1 − sin t − 0.5)`, t = linspace(0, π, n_in), label 1;
 * - shuffled as sklearn's `utils.shuffle` does, then Gaussian noise of sd `noise` on every cell.
 *
 * Defaults: `samples` 100, `noise` 0 (no noise), `seed` 0, `rng` "glassbox".
 */
import { linspace } from "./linspace.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { twoCurves } from "./two-curves.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function moons(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 100, 2);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  return twoCurves(rng, n, noise, (count) => linspace(0, Math.PI, count), (t) => [Math.cos(t), Math.sin(t)], (t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
}

export const moonsDataset: DatasetEntry<"moons", null> = {
  name: "moons",
  generate: moons,
  task: "classification",
  doc: "scikit-learn's `make_moons`: two interleaving half circles",
  options: ["samples", "noise"],
  playground: null,
};
