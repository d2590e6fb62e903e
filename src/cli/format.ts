/** How numbers and metrics read on the terminal. */
import type { EpochInfo } from "../nn/history.ts";

export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(digits - 1);
  return x.toFixed(digits);
}

export interface Metrics {
  loss: number;
  accuracy: number;
  testLoss: number | null;
  testAccuracy: number | null;
}

export function metricsLine(m: Metrics): string {
  const parts = [`loss ${fmt(m.loss)}`];
  if (!Number.isNaN(m.accuracy)) parts.push(`accuracy ${fmt(m.accuracy, 3)}`);
  if (m.testLoss !== null) parts.push(`test loss ${fmt(m.testLoss)}`);
  if (m.testAccuracy !== null && !Number.isNaN(m.testAccuracy)) parts.push(`test accuracy ${fmt(m.testAccuracy, 3)}`);
  return parts.join("  ");
}

export function epochText(e: EpochInfo): string {
  return `loss ${fmt(e.loss)}${Number.isNaN(e.accuracy) ? "" : `  acc ${fmt(e.accuracy, 3)}`}`;
}
