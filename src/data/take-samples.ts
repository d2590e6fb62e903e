/** The samples at `index`, in that order, as new arrays (`X[index]`, `y[index]`). */
import { gatherRows, matrix } from "../core/matrix.ts";
import type { LabeledData } from "./types.ts";

export function takeSamples(data: LabeledData, index: ArrayLike<number>): LabeledData {
  const X = matrix(index.length, data.X.cols);
  gatherRows(data.X, index, 0, index.length, X);
  const y = new Array(index.length);
  for (let i = 0; i < index.length; i++) y[i] = data.y[index[i]];
  if (!data.Y) return { X, y };
  const Y = matrix(index.length, data.Y.cols);
  gatherRows(data.Y, index, 0, index.length, Y);
  return { X, y, Y };
}
