/**
 * scikit-learn's `StandardScaler().fit(X)`: per column, the mean and the population standard
 * deviation (divided by n, not n − 1), with sklearn's corrected two-pass variance
 * `(Σ(x − m)² − (Σ(x − m))²/n) / n`. A (near-)constant column gets scale 1, by sklearn's
 * test `var ≤ n·ε·var + (n·mean·ε)²`, so it is centred but not blown up.
 */
import type { Matrix } from "../core/matrix.ts";
import type { Scaler } from "../core/scaler.ts";

export type StandardScaler = Scaler;

export function fitStandardScaler(X: Matrix): StandardScaler {
  const { rows: n, cols, data } = X;
  if (n === 0) throw new RangeError("cannot fit a scaler to 0 samples");
  const eps = Number.EPSILON;
  const mean: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[i * cols + j];
    const m = sum / n;
    let correction = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = data[i * cols + j] - m;
      correction += d;
      squares += d * d;
    }
    const variance = (squares - (correction * correction) / n) / n;
    const constant = variance <= n * eps * variance + (n * m * eps) ** 2;
    mean.push(m);
    scale.push(constant ? 1 : Math.sqrt(variance));
  }
  return { mean, scale };
}
