/** The project's one linspace keeps NumPy's edge cases (pictures and data generators both use it). */
import { describe, expect, it } from "vitest";
import { linspace } from "../../src/data/linspace.ts";

describe("linspace", () => {
  it("gives num values from start to stop, the last exactly stop", () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const xs = linspace(-100, 100, 101);
    expect(xs).toHaveLength(101);
    expect(xs[0]).toBe(-100);
    expect(xs[100]).toBe(100);
    expect(xs[50]).toBe(0);
  });
  it("as NumPy: one value is start (not the middle), none is empty, endpoint=false leaves stop out", () => {
    expect(linspace(2, 8, 1)).toEqual([2]);
    expect(linspace(2, 8, 0)).toEqual([]);
    expect(linspace(0, 1, 4, false)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(0, 1, 1, false)).toEqual([0]);
  });
});
