/**
 * TensorFlow Playground's "Circle" set (not scikit-learn's `make_circles`, which is `circles`).
 * Half the points inside radius 2.5 (label 1), half in the ring 3.5…5 (label 0), each at a
 * uniform radius and angle: `(r·sin a, r·cos a)`. Noise, as in the Playground, moves only the
 * label's decision: the label is whether `(x + nx, y + ny)` lies within 2.5 of the centre, with
 * `nx, ny = uniform(−5, 5)·noise`. Points in order: the inner class first.
 *
 * Defaults: `samples` 500 (the Playground's count), `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { uniform } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { planePoints } from "./plane-points.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

const RADIUS = 5;

export function circle(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 500, 2);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const points = planePoints(n);
  const ring = (count: number, from: number, to: number): void => {
    for (let i = 0; i < count; i++) {
      const r = uniform(rng, from, to);
      const angle = uniform(rng, 0, 2 * Math.PI);
      const a = r * Math.sin(angle);
      const b = r * Math.cos(angle);
      const na = uniform(rng, -RADIUS, RADIUS) * noise;
      const nb = uniform(rng, -RADIUS, RADIUS) * noise;
      points.add(a, b, Math.hypot(a + na, b + nb) < RADIUS * 0.5 ? 1 : 0);
    }
  };
  ring(Math.ceil(n / 2), 0, RADIUS * 0.5);
  ring(Math.floor(n / 2), RADIUS * 0.7, RADIUS);
  return points.data;
}

export const circleDataset = playgroundDataset("circle", circle, "classification", 0, "TensorFlow Playground's \"Circle\", not scikit-learn's `circles`");
