/**
 * A two-feature labelled set filled point by point, in order: how the 2-D generators (the
 * Playground's sets, scikit-learn's curves) build their samples before returning them.
 */
import { matrix } from "../core/matrix.ts";
import type { LabeledData } from "./types.ts";

export interface PlanePoints {
  /** The next sample: (a, b) with its label or target. */
  add(a: number, b: number, label: number): void;
  /** The samples added so far, as a set. */
  readonly data: LabeledData;
}

/** Room for `n` samples of two features. */
export function planePoints(n: number): PlanePoints {
  const X = matrix(n, 2);
  const y: number[] = [];
  return {
    add(a, b, label) {
      const row = y.length;
      X.data[2 * row] = a;
      X.data[2 * row + 1] = b;
      y.push(label);
    },
    data: { X, y },
  };
}
