/** The range a chart's axis spans, from the values it shows. */

/** A padded extent of values that are never negative (a loss) starts at 0, not below it. */
export function nonNegative([lo, hi]: [number, number]): [number, number] {
  return [lo < 0 && hi > 0 ? 0 : lo, hi];
}

/** [min, max] of finite values, padded by a fraction of the span. */
export function extentOf(values: Iterable<number>, pad = 0): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}
