/**
 * NumPy's `linspace(start, stop, num, endpoint)`: `start + i·step` with
 * `step = (stop − start) / (endpoint ? num − 1 : num)`, and the last value set to `stop` when
 * `endpoint` is true, so the values match NumPy's bit for bit.
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  if (div === 0) {
    if (num === 1) out[0] = start;
    return out;
  }
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
