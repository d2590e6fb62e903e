/** A loss as the page prints it: three decimals where they say something, else three significant digits in exponent form (5.00e-4, 8.17e+152); "–" when there is none. */
export function lossText(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return "–";
  return v !== 0 && (Math.abs(v) < 0.001 || Math.abs(v) >= 1000) ? v.toExponential(digits) : v.toFixed(3);
}
