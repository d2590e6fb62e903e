/** Bitwise comparison of arrays, for the tests that promise the same bits on every path. */
import { expect } from "vitest";

/** Bitwise equality (so +0 and −0 differ). */
export function identical(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect({ what, index: i, value: actual[i] }).toEqual({ what, index: i, value: expected[i] });
  }
}
