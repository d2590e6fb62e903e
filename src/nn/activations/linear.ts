import { copyValues } from "../../core/copy.ts";
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
  // (copied without a subarray: an epoch allocates nothing)
  forward(Z, A, n, m) {
    copyValues(Z, 0, A, 0, n * m);
  },
  backward(dA, _Z, _A, dZ, n, m) {
    copyValues(dA, 0, dZ, 0, n * m);
  },
  slope(_Z, _A, out, length) {
    out.fill(1, 0, length);
  },
};
