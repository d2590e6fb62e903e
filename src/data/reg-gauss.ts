/**
 * TensorFlow Playground's regression "Multi gaussian": six bumps at x ∈ {−4, 0, 4}, y ∈ {2.5, −2.5}
 * with alternating signs; a bump's value falls linearly from ±1 at its centre to 0 at distance 2,
 * and the target is the value of largest magnitude. Points uniform in [−6, 6]²; noise moves the
 * target's inputs by `uniform(−6, 6)·noise` in each coordinate.
 *
 * Defaults: `samples` 1200, `noise` 0, `seed` 0, `rng` "glassbox".
 */
import { uniformRegression } from "./reg-plane.ts";
import { playgroundDataset } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

const BUMPS: readonly [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

function bumps(x: number, y: number): number {
  let value = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const v = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2);
    if (Math.abs(v) > Math.abs(value)) value = v;
  }
  return value;
}

export function regGauss(options: GeneratorOptions = {}): LabeledData {
  return uniformRegression(options, bumps);
}

export const regGaussDataset = playgroundDataset("reg-gauss", regGauss, "regression", 1, "TensorFlow Playground's regression \"Multi gaussian\": six bumps");
