/**
 * The matrix kernels the engine needs, over raw row-major Float64Arrays.
 * Every kernel writes into a caller-owned `out` so training allocates nothing per epoch.
 * Loops are ordered so the innermost one walks contiguous memory.
 */

/** out(n×m) = A(n×k) · Bᵀ where B is m×k: each cell is a dot product of two contiguous rows. */
export function matmulABt(A: Float64Array, B: Float64Array, out: Float64Array, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const oi = i * m;
    let j = 0;
    // Two output columns at once: each A row element is loaded once for two dot products.
    for (; j + 1 < m; j += 2) {
      const b0 = j * k;
      const b1 = b0 + k;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const a = A[ai + p];
        s0 += a * B[b0 + p];
        s1 += a * B[b1 + p];
      }
      out[oi + j] = s0;
      out[oi + j + 1] = s1;
    }
    if (j < m) {
      const b0 = j * k;
      let s0 = 0;
      for (let p = 0; p < k; p++) s0 += A[ai + p] * B[b0 + p];
      out[oi + j] = s0;
    }
  }
}

/** out(n×m) = A(n×k) · B(k×m). */
export function matmulAB(A: Float64Array, B: Float64Array, out: Float64Array, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let j = 0; j < m; j++) out[oi + j] = 0;
    const ai = i * k;
    for (let p = 0; p < k; p++) {
      const a = A[ai + p];
      if (a === 0) continue; // relu layers make many zeros; skipping them is exact
      const bp = p * m;
      for (let j = 0; j < m; j++) out[oi + j] += a * B[bp + j];
    }
  }
}

/** out(k×m) = Aᵀ · B where A is n×k and B is n×m (sum over the shared sample axis). */
export function matmulAtB(A: Float64Array, B: Float64Array, out: Float64Array, n: number, k: number, m: number): void {
  out.fill(0, 0, k * m);
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const bi = i * m;
    for (let p = 0; p < k; p++) {
      const a = A[ai + p];
      if (a === 0) continue;
      const op = p * m;
      for (let j = 0; j < m; j++) out[op + j] += a * B[bi + j];
    }
  }
}

/** Adds the row vector `b` (length m) to every row of `out` (n×m). */
export function addRowVector(out: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let j = 0; j < m; j++) out[oi + j] += b[j];
  }
}

/** out(m) = Σ over rows of A(n×m). */
export function columnSums(A: Float64Array, out: Float64Array, n: number, m: number): void {
  out.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    for (let j = 0; j < m; j++) out[j] += A[ai + j];
  }
}

/** out[i] = f(x[i]) over the first `length` values. */
export function map(x: Float64Array, out: Float64Array, f: (v: number) => number, length = x.length): void {
  for (let i = 0; i < length; i++) out[i] = f(x[i]);
}

/** out[i] = a[i] * b[i]. */
export function multiply(a: Float64Array, b: Float64Array, out: Float64Array, length = a.length): void {
  for (let i = 0; i < length; i++) out[i] = a[i] * b[i];
}

/** y += alpha · x. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array, length = x.length): void {
  for (let i = 0; i < length; i++) y[i] += alpha * x[i];
}

export function scale(x: Float64Array, alpha: number, length = x.length): void {
  for (let i = 0; i < length; i++) x[i] *= alpha;
}

export function dot(a: Float64Array, b: Float64Array, length = a.length): number {
  let s = 0;
  for (let i = 0; i < length; i++) s += a[i] * b[i];
  return s;
}

export function sumOfSquares(a: Float64Array, length = a.length): number {
  let s = 0;
  for (let i = 0; i < length; i++) s += a[i] * a[i];
  return s;
}
