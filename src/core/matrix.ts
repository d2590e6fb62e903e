/** A dense row-major matrix over Float64Array. `data[i * cols + j]` is row i, column j. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (data && data.length !== rows * cols) {
    throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} values, got ${data.length}`);
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = matrix(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new RangeError(`row ${i} has ${rows[i].length} values, expected ${c}`);
    m.data.set(rows[i], i * c);
  }
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** Rows `start..end` as a matrix sharing the same buffer (no copy). */
export function rowSlice(m: Matrix, start: number, end: number): Matrix {
  return { rows: end - start, cols: m.cols, data: m.data.subarray(start * m.cols, end * m.cols) };
}

/** Copies the listed rows of `src` into `out` (used to gather a shuffled mini-batch). */
export function gatherRows(src: Matrix, index: ArrayLike<number>, from: number, to: number, out: Matrix): void {
  const c = src.cols;
  const s = src.data;
  const o = out.data;
  for (let r = from; r < to; r++) {
    const k = index[r] * c;
    const d = (r - from) * c;
    for (let j = 0; j < c; j++) o[d + j] = s[k + j];
  }
}

export function transpose(m: Matrix): Matrix {
  const t = matrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  return t;
}
