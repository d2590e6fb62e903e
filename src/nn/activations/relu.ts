import type { Activation } from "./activation.ts";

export const reluActivation: Activation = {
  name: "relu",
  range: [0, Infinity],
  task: "regression",
  outputOnly: false,
  formula: "max(0, z)",
  slopeFormula: "1 where Z > 0, else 0",
  spreadsheet: { value: (z) => `MAX(0,${z})`, slope: (z) => `IF(${z}>0,1,0)` },
  interop: { onnx: "Relu", keras: "relu", sklearn: { name: "relu", hidden: true, output: false }, torch: "torch.relu" },
  forward(Z, A, n, m) {
    for (let i = 0, len = n * m; i < len; i++) {
      const z = Z[i];
      A[i] = z > 0 ? z : 0;
    }
  },
  // The slope at exactly z = 0 is taken as 0, as the NumPy walkthrough does.
  backward(dA, Z, _A, dZ, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dZ[i] = Z[i] > 0 ? dA[i] : 0;
  },
  slope(Z, _A, out, length) {
    for (let i = 0; i < length; i++) out[i] = Z[i] > 0 ? 1 : 0;
  },
};
