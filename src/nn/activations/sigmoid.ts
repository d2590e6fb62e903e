import type { Activation } from "./activation.ts";

/** σ(z) = 1 / (1 + e^−z); for z → −∞ e^−z overflows to ∞ and σ → 0 without NaN. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export const sigmoidActivation: Activation = {
  name: "sigmoid",
  range: [0, 1],
  task: "binary",
  outputOnly: false,
  formula: "σ(z) = 1 / (1 + e^(−z))",
  slopeFormula: "A ⊙ (1 − A)",
  spreadsheet: { value: (z) => `1/(1+EXP(-${z}))`, slope: (_z, a) => `${a}*(1-${a})` },
  interop: { onnx: "Sigmoid", keras: "sigmoid", sklearn: { name: "logistic", hidden: true, output: true }, torch: "torch.sigmoid" },
  forward(Z, A, n, m) {
    for (let i = 0, len = n * m; i < len; i++) A[i] = 1 / (1 + Math.exp(-Z[i]));
  },
  backward(dA, _Z, A, dZ, n, m) {
    for (let i = 0, len = n * m; i < len; i++) {
      const a = A[i];
      dZ[i] = dA[i] * a * (1 - a);
    }
  },
  slope(_Z, A, out, length) {
    for (let i = 0; i < length; i++) out[i] = A[i] * (1 - A[i]);
  },
};
