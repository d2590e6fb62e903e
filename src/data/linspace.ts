/**
 * NumPy's `linspace(start, stop, num, endpoint)`: `start + i·step` with
 * `step = (stop − start) / (endpoint ? num − 1 : num)`, and the last value set to `stop` when
 * `endpoint` is true, so the values match NumPy's bit for bit. As NumPy, `num = 1` gives
 * `[start]` and `num = 0` nothing. The one linspace of the project: data generators, grids and
 * the pictures' sample points all use it.
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  const out: number[] = new Array(Math.max(0, num)).fill(0);
  const div = endpoint ? num - 1 : num;
  if (div <= 0) {
    if (num === 1) out[0] = start;
    return out;
  }
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
