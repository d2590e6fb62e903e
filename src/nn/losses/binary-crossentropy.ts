import { EPS, fusedWithOutput, softplus, type Loss } from "./loss.ts";

export const binaryCrossentropy: Loss = {
  name: "binary-crossentropy",
  doc: "−(y log a + (1 − y) log(1 − a)), averaged over the output units, computed from z (sigmoid output)",
  formula: "ℓ = −[y·log(a) + (1 − y)·log(1 − a)]",
  gradientFormula: "−(Y / A − (1 − Y) / (1 − A))",
  ...fusedWithOutput("sigmoid", true),
  total(_A, Z, Y, n, m) {
    // −[y log σ(z) + (1−y) log(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z); mean over outputs.
    let s = 0;
    for (let i = 0, len = n * m; i < len; i++) {
      const y = Y[i];
      const z = Z[i];
      // For 0/1 targets one term is exactly zero: skipping it gives the same sum at half the cost.
      s += y === 1 ? softplus(-z) : y === 0 ? softplus(z) : y * softplus(-z) + (1 - y) * softplus(z);
    }
    return s / m;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) {
      const a = Math.min(Math.max(A[i], EPS), 1 - EPS);
      dA[i] = -(Y[i] / a - (1 - Y[i]) / (1 - a)) / m;
    }
  },
  spreadsheet: {
    total: (sum, m) => `-(${sum((a, y) => `${y}*LN(${a})+(1-${y})*LN(1-${a})`)})${m > 1 ? `/${m}` : ""}`,
    gradient: (a, y, m, s) => `-(${y}/${a}-(1-${y})/(1-${a}))${m > 1 ? `/${m}` : ""}*${s}`,
  },
  torch: `F.binary_cross_entropy_with_logits(z, y, reduction="sum") / y.shape[1]  # mean over outputs, summed over rows`,
};
