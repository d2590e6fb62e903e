import { squaredErrorSum, type Loss } from "./loss.ts";

export const meanSquaredError: Loss = {
  name: "mse",
  doc: "the mean over output units of (a − y)², without ½ (Keras' `mse`)",
  formula: "ℓ = mean over outputs of (y − a)²",
  gradientFormula: "2·(A − Y) / outputs",
  reportsSum: false,
  requiresOutput: null,
  total(A, _Z, Y, n, m) {
    return squaredErrorSum(A, Y, n, m) / m;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dA[i] = (2 * (A[i] - Y[i])) / m;
  },
  fused: null,
  fusedFormula: null,
  fusedSpreadsheet: null,
  spreadsheet: {
    total: (sum, m) => `(${sum((a, y) => `(${a}-${y})^2`)})${m > 1 ? `/${m}` : ""}`,
    gradient: (a, y, m, s) => `2*(${a}-${y})${m > 1 ? `/${m}` : ""}*${s}`,
  },
  torch: `((OUTPUT(z) - y) ** 2).sum() / y.shape[1]  # mean over outputs, summed over rows`,
};
