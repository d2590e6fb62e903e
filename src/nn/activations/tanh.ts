import type { Activation } from "./activation.ts";

export const tanhActivation: Activation = {
  name: "tanh",
  range: [-1, 1],
  task: "regression",
  outputOnly: false,
  formula: "tanh(z)",
  slopeFormula: "1 − A²",
  spreadsheet: { value: (z) => `TANH(${z})`, slope: (_z, a) => `1-${a}^2` },
  interop: { onnx: "Tanh", keras: "tanh", sklearn: { name: "tanh", hidden: true, output: false }, torch: "torch.tanh" },
  forward(Z, A, n, m) {
    for (let i = 0, len = n * m; i < len; i++) A[i] = Math.tanh(Z[i]);
  },
  backward(dA, _Z, A, dZ, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dZ[i] = dA[i] * (1 - A[i] * A[i]);
  },
  slope(_Z, A, out, length) {
    for (let i = 0; i < length; i++) out[i] = 1 - A[i] * A[i];
  },
};
