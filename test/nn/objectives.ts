/** Test objectives for the optimisers. */

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
