/**
 * scikit-learn's two-curve sets, `make_moons` and `make_circles`, step for step: ⌊n/2⌋ points of
 * the outer curve (label 0), then the rest on the inner one (label 1), at angles from the same
 * linspace; shuffled as sklearn's `utils.shuffle` does, then Gaussian noise on every cell.
 */
import type { Random } from "../core/random.ts";
import { addNoise } from "./add-noise.ts";
import { planePoints } from "./plane-points.ts";
import { shuffleSamples } from "./shuffle-samples.ts";
import type { LabeledData } from "./types.ts";

type Curve = (t: number) => readonly [number, number];

/** `angles(count)` gives each curve's angles; `outer` and `inner` place a point at an angle. */
export function twoCurves(rng: Random, n: number, noise: number, angles: (count: number) => number[], outer: Curve, inner: Curve): LabeledData {
  const nOut = Math.floor(n / 2);
  const points = planePoints(n);
  for (const t of angles(nOut)) points.add(...outer(t), 0);
  for (const t of angles(n - nOut)) points.add(...inner(t), 1);
  const out = shuffleSamples(rng, points.data);
  addNoise(rng, out.X, noise);
  return out;
}
