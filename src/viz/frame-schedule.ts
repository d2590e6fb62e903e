/**
 * When an animation's frames fall: which epochs to snapshot while training and which snapshots
 * become frames. Pure (no drawing, no files), so the CLI's animations (src/animate) and the page's
 * training GIF space their frames the same way.
 */
import type { Snapshot } from "../nn/history.ts";

export const DEFAULT_FRAMES = 60;

/**
 * The epochs to snapshot for `frames` frames over `epochs` epochs. Small runs keep every epoch,
 * so frames can follow the epochs actually run (L-BFGS often stops early); big ones keep
 * `frames` evenly spaced epochs (0 = before training).
 */
export function snapshotEpochs(paramCount: number, epochs: number, frames: number): number[] {
  if (paramCount * (epochs + 1) <= 2_000_000) return Array.from({ length: epochs + 1 }, (_, e) => e);
  return [...new Set([...evenly(epochs, frames), ...logSpaced(epochs, frames)])].sort((a, b) => a - b);
}

/** 0, then `count − 1` epochs spaced evenly on a log scale from 1 to `last` (training changes most at first). */
export function logSpaced(last: number, count: number): number[] {
  if (count <= 1 || last <= 0) return [last];
  const out = new Set<number>([0]);
  for (let k = 0; k < count - 1; k++) out.add(Math.round(Math.exp((Math.log(last) * k) / Math.max(1, count - 2))));
  out.add(last);
  return [...out].sort((a, b) => a - b);
}

/** Snapshots nearest to log-spaced epochs (each at most once; the first and last kept). */
export function pickLogSpaced(snaps: readonly Snapshot[], count: number): Snapshot[] {
  if (snaps.length <= count) return [...snaps];
  const last = snaps[snaps.length - 1].epoch;
  const picked = new Set<number>();
  for (const target of logSpaced(last, count)) {
    let best = 0;
    for (let i = 1; i < snaps.length; i++) if (Math.abs(snaps[i].epoch - target) < Math.abs(snaps[best].epoch - target)) best = i;
    picked.add(best);
  }
  return [...picked].sort((a, b) => a - b).map((i) => snaps[i]);
}

/** `count` whole numbers from 0 to `last`, evenly spaced, without repeats. */
export function evenly(last: number, count: number): number[] {
  if (count <= 1) return [last];
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round((k * last) / (count - 1)));
  return [...out];
}

/** `count` snapshots spread evenly over those recorded (first and last kept). */
export function pickSnapshots(snaps: readonly Snapshot[], count: number): Snapshot[] {
  if (snaps.length <= count) return [...snaps];
  return evenly(snaps.length - 1, count).map((i) => snaps[i]);
}

/** The frames of `count` frames, at least `min`. */
export function frameCount(o: { frames?: number }, min = 2): number {
  return Math.max(min, Math.round(o.frames ?? DEFAULT_FRAMES));
}

/**
 * `count` snapshots spaced by how much the picture changes: each step between frames covers an
 * equal share of the total change of `signature` (mean absolute difference between consecutive
 * snapshots), so a long stretch where nothing moves (a network still near its flat start) takes
 * one frame, and the epochs where the picture moves get the rest. First and last kept. A run
 * whose picture never changes falls back to log-spaced epochs.
 */
export function pickByChange(snaps: readonly Snapshot[], count: number, signature: (s: Snapshot) => ArrayLike<number>): Snapshot[] {
  if (snaps.length <= count) return [...snaps];
  // Only neighbours are compared: the previous signature is kept (copied: `signature` may reuse its array).
  let a = Float64Array.from(signature(snaps[0]));
  const cum = [0];
  for (let i = 1; i < snaps.length; i++) {
    const b = signature(snaps[i]);
    let d = 0;
    for (let k = 0; k < a.length; k++) d += Math.abs(a[k] - b[k]);
    cum.push(cum[i - 1] + d / Math.max(1, a.length));
    if (b.length === a.length) a.set(b);
    else a = Float64Array.from(b);
  }
  const total = cum[cum.length - 1];
  if (!(total > 0)) return pickLogSpaced(snaps, count);
  const picked = new Set<number>([0, snaps.length - 1]);
  let i = 0;
  for (let k = 1; k < count - 1; k++) {
    const target = (total * k) / (count - 1);
    while (i < snaps.length - 1 && cum[i] < target) i++;
    picked.add(i);
  }
  return [...picked].sort((a, b) => a - b).map((j) => snaps[j]);
}
