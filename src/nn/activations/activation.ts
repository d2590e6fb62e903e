/** An activation function: one entry of the activation registry (../activations.ts), one file each. */
export interface Activation {
  /** The name layers give (`"activation": "relu"`); its registry key. */
  readonly name: string;
  /** The values f can take, [lo, hi] (±Infinity when unbounded): pictures scale a neuron's output by it. */
  readonly range: readonly [number, number];
  /**
   * What an output layer of this activation does (Keras' convention): "binary" (sigmoid: each unit
   * a probability), "multiclass" (softmax: one class of k), "regression" (anything else).
   */
  readonly task: "binary" | "multiclass" | "regression";
  /** Only for the output layer (softmax). */
  readonly outputOnly: boolean;
  readonly formula: string;
  /** f'(Z) in words of Z and A, for display. */
  readonly slopeFormula: string;
  /** A = f(Z). */
  forward(Z: Float64Array, A: Float64Array, n: number, m: number): void;
  /** dZ = ∂loss/∂Z from dA = ∂loss/∂A (a Jacobian-vector product; element-wise except softmax). */
  backward(dA: Float64Array, Z: Float64Array, A: Float64Array, dZ: Float64Array, n: number, m: number): void;
  /**
   * The same as spreadsheet formulas (`glassbox sheet`): f of the cell `z` (`row`: z's whole row of
   * the layer, for activations that need it), and its slope from the cells `z` and `a` (null as `slope`).
   */
  readonly spreadsheet: { value(z: string, row: string | null): string; slope: ((z: string, a: string) => string) | null };
  /** The element-wise slope f'(Z), for display; null for softmax, whose Jacobian is not diagonal. */
  slope: ((Z: Float64Array, A: Float64Array, out: Float64Array, length: number) => void) | null;
  /** Its names in the other tools' formats that interop/ reads and writes. */
  readonly interop: ActivationInterop;
}

/**
 * An activation's name in each format interop/ converts to and from; a format it is missing from
 * has no such activation, and a model that uses it is refused there, naming it.
 */
export interface ActivationInterop {
  /** The ONNX operator after the layer's Gemm, or null when there is none (the Gemm's output is the layer's). */
  readonly onnx?: string | null;
  /** The `activation` of a Dense layer in Keras and TensorFlow.js. */
  readonly keras?: string;
  /** scikit-learn's MLP name, and whether it can be the hidden layers' `activation` and the `out_activation_`. */
  readonly sklearn?: { readonly name: string; readonly hidden: boolean; readonly output: boolean };
  /** PyTorch: a Python expression of the function, applied to a tensor (the exported training script's). */
  readonly torch?: string;
}

