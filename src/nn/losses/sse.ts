import { squaredErrorSum, type Loss } from "./loss.ts";

export const sumSquaredError: Loss = {
  name: "sse",
  doc: "½·Σ (a − y)² over rows and units, reported as that sum (the classic delta rule)",
  formula: "ℓ = ½·Σ (y − a)²",
  gradientFormula: "A − Y",
  reportsSum: true,
  requiresOutput: null,
  total(A, _Z, Y, n, m) {
    return squaredErrorSum(A, Y, n, m) / 2;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dA[i] = A[i] - Y[i];
  },
  fused: null,
  fusedFormula: null,
  fusedSpreadsheet: null,
  spreadsheet: {
    total: (sum) => `(${sum((a, y) => `(${a}-${y})^2`)})/2`,
    gradient: (a, y, _m, s) => `(${a}-${y})*${s}`,
  },
  torch: `0.5 * ((OUTPUT(z) - y) ** 2).sum()`,
};
