/**
 * scikit-learn's `X += rng.normal(scale=noise, size=X.shape)`: one normal draw per cell in
 * row-major order, in place. Nothing is drawn when `noise` is 0 (sklearn's `noise=None`).
 */
import { gaussian, type Random } from "../core/random.ts";
import type { Matrix } from "../core/matrix.ts";

export function addNoise(rng: Random, X: Matrix, noise: number): void {
  if (noise === 0) return;
  const d = X.data;
  for (let i = 0; i < d.length; i++) d[i] += gaussian(rng, 0, noise);
}
