import { EPS, fusedWithOutput, type Loss } from "./loss.ts";

export const categoricalCrossentropy: Loss = {
  name: "categorical-crossentropy",
  doc: "−Σₖ yₖ log softmax(z)ₖ (softmax output)",
  formula: "ℓ = −Σₖ yₖ·log(aₖ)",
  gradientFormula: "−Y / A",
  ...fusedWithOutput("softmax", false),
  total(_A, Z, Y, n, m) {
    // log aₖ = zₖ − log Σⱼ e^(zⱼ), with the row maximum factored out.
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = i * m;
      let max = -Infinity;
      for (let j = 0; j < m; j++) if (Z[r + j] > max) max = Z[r + j];
      let sum = 0;
      for (let j = 0; j < m; j++) sum += Math.exp(Z[r + j] - max);
      const lse = max + Math.log(sum);
      for (let j = 0; j < m; j++) if (Y[r + j] !== 0) s -= Y[r + j] * (Z[r + j] - lse);
    }
    return s;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dA[i] = -Y[i] / Math.max(A[i], EPS);
  },
  spreadsheet: {
    total: (sum) => `-(${sum((a, y) => `${y}*LN(${a})`)})`,
    gradient: (a, y, _m, s) => `-${y}/${a}*${s}`,
  },
  torch: `-(y * F.log_softmax(z, dim=1)).sum()`,
};
