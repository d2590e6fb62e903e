import type { Activation } from "./activation.ts";

export const linearActivation: Activation = {
  name: "linear",
  range: [-Infinity, Infinity],
  task: "regression",
  outputOnly: false,
  formula: "z",
  slopeFormula: "1",
  spreadsheet: { value: (z) => `${z}`, slope: () => "1" },
  interop: { onnx: null, keras: "linear", sklearn: { name: "identity", hidden: true, output: true }, torch: "(lambda z: z)" },
  forward(Z, A, n, m) {
    A.set(Z.subarray(0, n * m));
  },
  backward(dA, _Z, _A, dZ, n, m) {
    dZ.set(dA.subarray(0, n * m));
  },
  slope(_Z, _A, out, length) {
    out.fill(1, 0, length);
  },
};
