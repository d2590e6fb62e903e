/**
 * TensorFlow Playground's "Gaussian" set: two round clusters, label 1 around (2, 2) and label 0
 * around (−2, −2), each coordinate normal with a variance that grows with the noise:
 * `variance = 0.5 + 7·noise` (0.5 at no noise, 4 at the Playground's largest, 0.5).
 *
 * Defaults: `samples` 500, `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { gaussian } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { planePoints } from "./plane-points.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function gauss(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 500, 2);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const std = Math.sqrt(0.5 + 7 * noise);
  const points = planePoints(n);
  const cluster = (count: number, centre: number, label: number): void => {
    for (let i = 0; i < count; i++) points.add(gaussian(rng, centre, std), gaussian(rng, centre, std), label);
  };
  cluster(Math.ceil(n / 2), 2, 1);
  cluster(Math.floor(n / 2), -2, 0);
  return points.data;
}

export const gaussDataset = playgroundDataset("gauss", gauss, "classification", 2, "TensorFlow Playground's \"Gaussian\": two round clusters");
