/**
 * TensorFlow Playground's "Exclusive or" set. For each sample, in order:
 * `x = uniform(−5, 5)`, pushed 0.3 away from 0 (`x += x > 0 ? 0.3 : −0.3`), the same for `y`,
 * then `nx = uniform(−5, 5)·noise`, `ny = uniform(−5, 5)·noise`; the label is 1 when
 * `(x + nx)·(y + ny) ≥ 0` (first and third quadrants), else 0. As in the Playground the noise
 * moves only the label's decision: the stored point is `(x, y)`, so noisy labels cross the axes.
 * `noise` is the Playground's slider divided by 100 (0 to 0.5 there).
 *
 * Defaults: `samples` 500 (the Playground's count), `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { uniform } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { planePoints } from "./plane-points.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

const PADDING = 0.3;

export function xor(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 500);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const points = planePoints(n);
  for (let i = 0; i < n; i++) {
    let a = uniform(rng, -5, 5);
    a += a > 0 ? PADDING : -PADDING;
    let b = uniform(rng, -5, 5);
    b += b > 0 ? PADDING : -PADDING;
    const na = uniform(rng, -5, 5) * noise;
    const nb = uniform(rng, -5, 5) * noise;
    points.add(a, b, (a + na) * (b + nb) >= 0 ? 1 : 0);
  }
  return points.data;
}

export const xorDataset = playgroundDataset("xor", xor, "classification", 1, "TensorFlow Playground's \"Exclusive or\"");
