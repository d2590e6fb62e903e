/** `(x − mean) / scale` per column, as a new matrix (sklearn's `StandardScaler.transform`). */
import { matrix, type Matrix } from "../core/matrix.ts";
import { applyScalerInto, type Scaler } from "../core/scaler.ts";

export function applyScaler(X: Matrix, scaler: Scaler): Matrix {
  const { rows, cols } = X;
  if (scaler.mean.length !== cols || scaler.scale.length !== cols) {
    throw new RangeError(`scaler has ${scaler.mean.length} columns, the data has ${cols}`);
  }
  const out = matrix(rows, cols);
  applyScalerInto(X.data, scaler, out.data, rows, cols);
  return out;
}
