/** The pictures' numbers: one minus sign throughout, the exponent's included. */
import { describe, expect, it } from "vitest";
import { fmt } from "../../src/viz/format.ts";

describe("fmt", () => {
  it("writes every minus as −, in the mantissa and the exponent alike", () => {
    expect(fmt(-2.48e-4)).toBe("−2.5e−4");
    expect(fmt(3.29e-4)).toBe("3.3e−4");
    expect(fmt(-12.3)).toBe("−12.3");
    expect(fmt(0.5)).toBe("0.5");
  });
});
