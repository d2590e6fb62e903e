/** The pictures' numbers: one minus sign throughout, the exponent's included. */
import { describe, expect, it } from "vitest";
import { fmt, fmtCount } from "../../src/viz/format.ts";

describe("fmt", () => {
  it("writes every minus as −, in the mantissa and the exponent alike", () => {
    expect(fmt(-2.48e-4)).toBe("−2.5e−4");
    expect(fmt(3.29e-4)).toBe("3.3e−4");
    expect(fmt(-12.3)).toBe("−12.3");
    expect(fmt(0.5)).toBe("0.5");
  });

  it("drops an exponent's trailing zeros as it drops a decimal's: 2e+6, not 2.00e+6", () => {
    expect(fmt(2e6, 4)).toBe("2e+6");
    expect(fmt(2.5e6, 4)).toBe("2.5e+6");
    expect(fmt(1.234e-7, 3)).toBe("1.2e−7");
  });

  it("writes counts with thousands separators", () => {
    expect(fmtCount(2_000_000)).toBe("2,000,000");
    expect(fmtCount(500)).toBe("500");
    expect(fmtCount(-12000)).toBe("−12,000");
    expect(fmtCount(2.5)).toBe("2.5");
  });
});
