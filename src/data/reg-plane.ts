/**
 * TensorFlow Playground's regression "Plane": points uniform in [−6, 6]², target `(x + y)/10`
 * (in [−1.2, 1.2]). Noise moves the target's inputs: `((x + nx) + (y + ny))/10` with
 * `nx, ny = uniform(−6, 6)·noise`.
 *
 * Defaults: `samples` 1200 (the Playground's regression count), `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { uniform } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { planePoints } from "./plane-points.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

const PLAYGROUND_RADIUS = 6;

export function regPlane(options: GeneratorOptions = {}): LabeledData {
  return uniformRegression(options, (x, y) => (x + y) / 10);
}

/**
 * The Playground's regression sampling: `samples` points uniform in [−6, 6]², each target
 * `target(x + nx, y + ny)` with the noise `nx, ny = uniform(−6, 6)·noise` moving only the target.
 */
export function uniformRegression(options: GeneratorOptions, target: (x: number, y: number) => number): LabeledData {
  const n = sampleCount(options, 1200);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const R = PLAYGROUND_RADIUS;
  const points = planePoints(n);
  for (let i = 0; i < n; i++) {
    const a = uniform(rng, -R, R);
    const b = uniform(rng, -R, R);
    const na = uniform(rng, -R, R) * noise;
    const nb = uniform(rng, -R, R) * noise;
    points.add(a, b, target(a + na, b + nb));
  }
  return points.data;
}

export const regPlaneDataset = playgroundDataset("reg-plane", regPlane, "regression", 0, "TensorFlow Playground's regression \"Plane\": target (x + y)/10");
