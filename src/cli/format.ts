/** How numbers and metrics read on the terminal. */
import type { EpochInfo } from "../nn/history.ts";
import { fmtFixed } from "../viz/format.ts";

/** Fixed decimals, as the terminal aligns them (the number family of viz/format.ts). */
export const fmt = fmtFixed;

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
