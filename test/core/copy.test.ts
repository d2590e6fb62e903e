/** copyValues: the same as a subarray copy, below and above the size where it switches to TypedArray.set. */
import { describe, expect, it } from "vitest";
import { copyValues } from "../../src/core/copy.ts";

describe("copyValues", () => {
  for (const n of [0, 1, 7, 256, 257, 1000]) {
    it(`copies ${n} values, whole or in part, as subarray + set would`, () => {
      const from = Float64Array.from({ length: n + 5 }, (_, i) => i * 1.5 - 3);
      for (const [start, at, length] of [[0, 0, n], [2, 3, n], [5, 0, n], [0, 5, n]]) {
        const to = new Float64Array(n + 5).fill(-1);
        const want = to.slice();
        want.set(from.subarray(start, start + length), at);
        copyValues(from, start, to, at, length);
        expect(Array.from(to)).toEqual(Array.from(want));
      }
      // whole arrays of the same length (the TypedArray.set case above the threshold)
      const whole = new Float64Array(n + 5);
      copyValues(from, 0, whole, 0, from.length);
      expect(Array.from(whole)).toEqual(Array.from(from));
    });
  }
});
