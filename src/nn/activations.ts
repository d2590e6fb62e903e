/**
 * Activation functions, one table (TensorFlow Playground's {output, der} idea).
 * Each works on an n×m block of pre-activations Z (samples × units), row-major.
 */
export type ActivationName = "sigmoid" | "tanh" | "relu" | "linear" | "softmax";
export const ACTIVATION_NAMES: readonly ActivationName[] = ["relu", "sigmoid", "tanh", "linear", "softmax"];

export interface Activation {
  readonly name: ActivationName;
  readonly formula: string;
  /** f'(Z) in words of Z and A, for display. */
  readonly slopeFormula: string;
  /** A = f(Z). */
  forward(Z: Float64Array, A: Float64Array, n: number, m: number): void;
  /** dZ = ∂loss/∂Z from dA = ∂loss/∂A (a Jacobian-vector product; element-wise except softmax). */
  backward(dA: Float64Array, Z: Float64Array, A: Float64Array, dZ: Float64Array, n: number, m: number): void;
  /** The element-wise slope f'(Z), for display; null for softmax, whose Jacobian is not diagonal. */
  slope: ((Z: Float64Array, A: Float64Array, out: Float64Array, length: number) => void) | null;
}

/** σ(z) = 1 / (1 + e^−z); for z → −∞ e^−z overflows to ∞ and σ → 0 without NaN. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const sigmoidActivation: Activation = {
  name: "sigmoid",
  formula: "σ(z) = 1 / (1 + e^(−z))",
  slopeFormula: "A ⊙ (1 − A)",
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

const tanhActivation: Activation = {
  name: "tanh",
  formula: "tanh(z)",
  slopeFormula: "1 − A²",
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

const reluActivation: Activation = {
  name: "relu",
  formula: "max(0, z)",
  slopeFormula: "1 where Z > 0, else 0",
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

const linearActivation: Activation = {
  name: "linear",
  formula: "z",
  slopeFormula: "1",
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

const softmaxActivation: Activation = {
  name: "softmax",
  formula: "e^(z_k) / Σ_j e^(z_j)",
  slopeFormula: "softmax Jacobian",
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

const TABLE: Record<ActivationName, Activation> = {
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  linear: linearActivation,
  softmax: softmaxActivation,
};

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === "string" && Object.hasOwn(TABLE, name);
}

export function activation(name: ActivationName): Activation {
  const a = TABLE[name];
  if (!a) throw new Error(`unknown activation "${name}"`);
  return a;
}
