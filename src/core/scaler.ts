/** Per-feature standardisation x' = (x − mean) / scale, fitted on training data and stored with a model. */
export interface Scaler {
  mean: number[];
  scale: number[];
}

/** Writes the standardised rows of X (n × d) into out (may be X itself). */
export function applyScalerInto(X: Float64Array, scaler: Scaler, out: Float64Array, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = (X[i * d + j] - scaler.mean[j]) / scaler.scale[j];
  }
}
