/**
 * TensorFlow Playground's two interleaved spiral arms. With `h = samples / 2`, arm point `i`
 * is at radius `r = i/h·5` and angle `t = 1.75·i/h·2π + δ`: `(r·sin t + uniform(−1, 1)·noise,
 * r·cos t + uniform(−1, 1)·noise)`. The first arm (δ = 0, the Playground's positive class) is
 * label 1 and comes first; the second (δ = π) is label 0. For an odd `samples` the first arm has
 * the extra point. No shuffle (the Playground shuffles only when it splits).
 *
 * Defaults: `samples` 500 (the Playground's count), `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { uniform } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import { planePoints } from "./plane-points.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function spiral(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 500, 2);
  const noise = noiseLevel(options, 0);
  const rng = generatorRandom(options);
  const half = n / 2;
  const points = planePoints(n);
  const arm = (count: number, delta: number, label: number): void => {
    for (let i = 0; i < count; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + delta;
      points.add(r * Math.sin(t) + uniform(rng, -1, 1) * noise, r * Math.cos(t) + uniform(rng, -1, 1) * noise, label);
    }
  };
  arm(Math.ceil(half), 0, 1);
  arm(Math.floor(half), Math.PI, 0);
  return points.data;
}

export const spiralDataset = playgroundDataset("spiral", spiral, "classification", 3, "TensorFlow Playground's two spiral arms");
