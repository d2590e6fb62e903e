/**
 * TensorFlow Playground's "Gaussian" set: two round clusters, label 1 around (2, 2) and label 0
 * around (−2, −2), each coordinate normal with a variance that grows with the noise:
 * `variance = 0.5 + 7·noise` (0.5 at no noise, 4 at the Playground's largest, 0.5).
 *
 * Defaults: `samples` 500, `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { matrix } from "../core/matrix.ts";
import { gaussian } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function gauss(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 500, 2);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const std = Math.sqrt(0.5 + 7 * noise);
  const X = matrix(n, 2);
  const y: number[] = [];
  const cluster = (count: number, centre: number, label: number): void => {
    for (let i = 0; i < count; i++) {
      const row = y.length;
      X.data[2 * row] = gaussian(rng, centre, std);
      X.data[2 * row + 1] = gaussian(rng, centre, std);
      y.push(label);
    }
  };
  cluster(Math.ceil(n / 2), 2, 1);
  cluster(Math.floor(n / 2), -2, 0);
  return { X, y };
}

export const gaussDataset: DatasetEntry<"gauss", "classification"> = {
  name: "gauss",
  generate: gauss,
  task: "classification",
  doc: "TensorFlow Playground's \"Gaussian\": two round clusters",
  options: ["samples", "noise"],
  playground: { problem: "classification", order: 2 },
};
