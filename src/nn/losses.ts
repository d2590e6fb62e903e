/**
 * Loss functions (ARCHITECTURE §2). `total` returns Σ over samples of the per-sample loss ℓᵢ;
 * the engine turns it into the reported value (mean, or the sum for `sse`).
 * Cross-entropies are computed from the logits Z, so they stay finite when σ(z) rounds to 0 or 1.
 */
import type { ActivationName } from "./activations.ts";

export type LossName = "binary-crossentropy" | "categorical-crossentropy" | "mse" | "sse";
export const LOSS_NAMES: readonly LossName[] = ["binary-crossentropy", "categorical-crossentropy", "mse", "sse"];

export interface Loss {
  readonly name: LossName;
  readonly formula: string;
  /** ∂ℓ/∂A in matrix terms, for display. */
  readonly gradientFormula: string;
  /** The reported loss is Σℓᵢ (true) or the mean over samples (false). */
  readonly reportsSum: boolean;
  /** The only output activation this loss accepts, or null for any. */
  readonly requiresOutput: ActivationName | null;
  /** Σᵢ ℓᵢ over n samples with m outputs. */
  total(A: Float64Array, Z: Float64Array, Y: Float64Array, n: number, m: number): number;
  /** dA = ∂ℓᵢ/∂A, element by element. */
  gradient(A: Float64Array, Y: Float64Array, dA: Float64Array, n: number, m: number): void;
  /**
   * When the output activation allows it, ∂ℓᵢ/∂Z in closed form (the fused `A − Y`),
   * which is exact where the chain rule would divide by a(1 − a). Null when not fused.
   */
  fused: ((A: Float64Array, Y: Float64Array, dZ: Float64Array, n: number, m: number) => void) | null;
  readonly fusedFormula: string | null;
}

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// Keeps the displayed ∂ℓ/∂A finite when an output saturates at exactly 0 or 1.
const EPS = 1e-15;

const binaryCrossentropy: Loss = {
  name: "binary-crossentropy",
  formula: "ℓ = −[y·log(a) + (1 − y)·log(1 − a)]",
  gradientFormula: "−(Y / A − (1 − Y) / (1 − A))",
  reportsSum: false,
  requiresOutput: "sigmoid",
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
  fused(A, Y, dZ, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dZ[i] = (A[i] - Y[i]) / m;
  },
  fusedFormula: "dZ = A − Y",
};

const categoricalCrossentropy: Loss = {
  name: "categorical-crossentropy",
  formula: "ℓ = −Σₖ yₖ·log(aₖ)",
  gradientFormula: "−Y / A",
  reportsSum: false,
  requiresOutput: "softmax",
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
  fused(A, Y, dZ, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dZ[i] = A[i] - Y[i];
  },
  fusedFormula: "dZ = A − Y",
};

const meanSquaredError: Loss = {
  name: "mse",
  formula: "ℓ = mean over outputs of (y − a)²",
  gradientFormula: "2·(A − Y) / outputs",
  reportsSum: false,
  requiresOutput: null,
  total(A, _Z, Y, n, m) {
    let s = 0;
    for (let i = 0, len = n * m; i < len; i++) {
      const d = A[i] - Y[i];
      s += d * d;
    }
    return s / m;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dA[i] = (2 * (A[i] - Y[i])) / m;
  },
  fused: null,
  fusedFormula: null,
};

const sumSquaredError: Loss = {
  name: "sse",
  formula: "ℓ = ½·Σ (y − a)²",
  gradientFormula: "A − Y",
  reportsSum: true,
  requiresOutput: null,
  total(A, _Z, Y, n, m) {
    let s = 0;
    for (let i = 0, len = n * m; i < len; i++) {
      const d = A[i] - Y[i];
      s += d * d;
    }
    return s / 2;
  },
  gradient(A, Y, dA, n, m) {
    for (let i = 0, len = n * m; i < len; i++) dA[i] = A[i] - Y[i];
  },
  fused: null,
  fusedFormula: null,
};

const TABLE: Record<LossName, Loss> = {
  "binary-crossentropy": binaryCrossentropy,
  "categorical-crossentropy": categoricalCrossentropy,
  mse: meanSquaredError,
  sse: sumSquaredError,
};

export function isLossName(name: unknown): name is LossName {
  return typeof name === "string" && Object.hasOwn(TABLE, name);
}

export function loss(name: LossName): Loss {
  const l = TABLE[name];
  if (!l) throw new Error(`unknown loss "${name}"`);
  return l;
}
