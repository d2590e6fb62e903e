import type { Activation } from "./activation.ts";

export const softmaxActivation: Activation = {
  name: "softmax",
  range: [0, 1],
  task: "multiclass",
  outputOnly: true,
  formula: "e^(z_k) / Σ_j e^(z_j)",
  slopeFormula: "softmax Jacobian",
  spreadsheet: { value: (z, row) => `EXP(${z}-MAX(${row}))/SUMPRODUCT(EXP(${row}-MAX(${row})))`, slope: null },
  interop: { onnx: "Softmax", keras: "softmax", sklearn: { name: "softmax", hidden: false, output: true }, torch: "(lambda z: torch.softmax(z, dim=1))" },
  // Subtracting the row maximum keeps every exponent ≤ 0: no overflow for any finite z.
  forward(Z, A, n, m) {
    for (let i = 0; i < n; i++) {
      const r = i * m;
      let max = -Infinity;
      for (let j = 0; j < m; j++) if (Z[r + j] > max) max = Z[r + j];
      let sum = 0;
      for (let j = 0; j < m; j++) {
        const e = Math.exp(Z[r + j] - max);
        A[r + j] = e;
        sum += e;
      }
      for (let j = 0; j < m; j++) A[r + j] /= sum;
    }
  },
  // dZ_k = a_k (dA_k − Σ_j dA_j a_j): the softmax Jacobian applied to dA.
  backward(dA, _Z, A, dZ, n, m) {
    for (let i = 0; i < n; i++) {
      const r = i * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += dA[r + j] * A[r + j];
      for (let j = 0; j < m; j++) dZ[r + j] = A[r + j] * (dA[r + j] - s);
    }
  },
  slope: null,
};
