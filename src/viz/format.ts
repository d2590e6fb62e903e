/**
 * How numbers read, in pictures and on the terminal: one family, one rule for when a number is
 * written in exponent form (|v| ≥ 1e5 or |v| < 1e-3, never 0).
 * - `fmt`: significant digits, trailing zeros dropped (ticks, tables, captions): 0.5, −12.3, 1.2e-5, 2e+6;
 * - `fmtCount`: a count (epochs) with thousands separators: 2,000,000;
 * - `fmtStep`: as many decimals as a tick step needs (3-D axes: 0.25, 0.50, 0.75);
 * - `fmtFixed`: fixed decimals for the terminal's aligned metrics (0.6931, 1.000e-4).
 * Pictures write minus as "−" (U+2212, the typographic minus); the terminal keeps "-".
 */

/** Whether |v| is written with an exponent. */
export function exponentForm(v: number): boolean {
  const a = Math.abs(v);
  return v !== 0 && (a >= 1e5 || a < 1e-3);
}

const minus = (s: string): string => s.replace(/-/g, "−");

/** Compact numbers for ticks and tables: 0.5, −12.3, 1.2e−5 (every minus the typographic one, the exponent's too). */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  if (!exponentForm(v)) return minus(String(Number(v.toPrecision(digits))));
  const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 2)).split("e");
  return minus(`${Number(mantissa)}e${exponent}`);
}

/** A count as people write it, whole numbers with thousands separators (an epoch axis: 2,000,000, not 2e+6); else as `fmt`. */
export function fmtCount(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? minus(v.toLocaleString("en-US")) : fmt(v, 4);
}

/** A tick value with as many decimals as its step needs (at most 6); exponent form as `fmt`. */
export function fmtStep(v: number, step: number): string {
  if (v === 0 || Math.abs(v) < step * 1e-9) return "0";
  if (exponentForm(v)) return fmt(v, 3);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return minus(v.toFixed(decimals));
}

/** Fixed decimals for the terminal (loss 0.6931, accuracy 0.975); exponent form with digits − 1 decimals. */
export function fmtFixed(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  return exponentForm(v) ? v.toExponential(digits - 1) : v.toFixed(digits);
}
