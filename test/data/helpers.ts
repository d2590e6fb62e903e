import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Matrix } from "../../src/core/matrix.ts";

export interface ReferenceCase {
  call: string;
  X: number[][];
  y: number[];
}

export interface Reference {
  datasets: Record<string, ReferenceCase>;
  split: { n: number; testSize: number; seed: number; permutation: number[]; train: number[]; test: number[] };
  scalers: Record<string, { X: number[][]; mean: number[]; scale: number[]; transformed: number[][] }>;
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL("../fixtures/datasets-reference.json", import.meta.url), "utf8"),
);

/** Largest |a − b| / max(1, |b|) over all cells. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  }
  return worst;
}

export function expectMatrixClose(actual: Matrix, expected: number[][], tolerance = 1e-12): void {
  expect([actual.rows, actual.cols]).toEqual([expected.length, expected[0].length]);
  expect(maxRelativeError(actual.data, expected.flat())).toBeLessThanOrEqual(tolerance);
}

/** The error `fn` throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}
