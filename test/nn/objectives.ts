/** Test objectives for the optimisers, and the starts the tests use. */

/** Chained Rosenbrock: Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at x = 1. Writes ∇f into g. */
export function rosenbrock(x: Float64Array, g: Float64Array): number {
  const n = x.length;
  g.fill(0);
  let f = 0;
  for (let i = 0; i + 1 < n; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}

/** f = ½xᵀAx − bᵀx (A n×n row-major, symmetric), ∇f = Ax − b. */
export function quadratic(A: ArrayLike<number>, b: ArrayLike<number>): (x: Float64Array, g: Float64Array) => number {
  const n = b.length;
  return (x, g) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      let ax = 0;
      for (let j = 0; j < n; j++) ax += A[i * n + j] * x[j];
      g[i] = ax - b[i];
      f += 0.5 * x[i] * ax - b[i] * x[i];
    }
    return f;
  };
}

/** Symmetric positive-definite A (n×n, row-major) = MᵀM + I from a fixed M. */
export function spdMatrix(n: number): Float64Array {
  const M = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) M[i] = Math.sin(1.7 * i + 0.3);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) s += M[k * n + i] * M[k * n + j];
      A[i * n + j] = s;
    }
  return A;
}

/** f = ½xᵀAx − bᵀx with b = A·xStar, so the minimiser is xStar. */
export function quadraticAround(A: Float64Array, xStar: Float64Array) {
  const n = xStar.length;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * xStar[j];
  return quadratic(A, b);
}

/** Standard start (−1.2, 1, −1.2, 1, …). */
export function rosenbrockStart(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = i % 2 === 0 ? -1.2 : 1;
  return x;
}
