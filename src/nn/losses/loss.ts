/** A loss function: one entry of the loss registry (../losses.ts), one file each. */
import type { ActivationName } from "../activations.ts";

export interface Loss {
  /** The name an experiment's `loss` gives; its registry key. */
  readonly name: string;
  /** What it computes, for the README's field table and the CLI help (Markdown). */
  readonly doc: string;
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
  /** `fused` as a spreadsheet formula of the cells a and y, times the cell `s` (m outputs); null when not fused. */
  readonly fusedSpreadsheet: ((a: string, y: string, m: number, s: string) => string) | null;
  /**
   * The same as spreadsheet formulas (`glassbox sheet`): Σᵢ ℓᵢ from `sum`, which sums an
   * element-wise formula of the cells a and y over every output, and ∂ℓᵢ/∂a times the cell `s`;
   * `m` is the number of outputs.
   */
  readonly spreadsheet: { total(sum: (f: (a: string, y: string) => string) => string, m: number): string; gradient(a: string, y: string, m: number, s: string): string };
  /**
   * Σᵢ ℓᵢ in the training script `glassbox export --to pytorch` writes: a Python expression of the
   * logits `z` and the targets `y` (`OUTPUT(z)` is the output layer's activation). Without it the
   * loss is not exported.
   */
  readonly torch?: string;
}

/** Σ (a − y)² over the n × m outputs: the sum both squared-error losses report a share of. */
export function squaredErrorSum(A: Float64Array, Y: Float64Array, n: number, m: number): number {
  let s = 0;
  for (let i = 0, len = n * m; i < len; i++) {
    const d = A[i] - Y[i];
    s += d * d;
  }
  return s;
}

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// Keeps the displayed ∂ℓ/∂A finite when an output saturates at exactly 0 or 1.
export const EPS = 1e-15;

/**
 * What a cross-entropy made for its output activation shares (sigmoid with the binary one, softmax
 * with the categorical): that output required, the mean reported, and ∂ℓᵢ/∂Z = A − Y in closed
 * form, divided by the outputs when the loss is their mean.
 */
export function fusedWithOutput(output: ActivationName, meanOverOutputs: boolean): Pick<Loss, "reportsSum" | "requiresOutput" | "fused" | "fusedFormula" | "fusedSpreadsheet"> {
  return {
    reportsSum: false,
    requiresOutput: output,
    fused: meanOverOutputs
      ? (A, Y, dZ, n, m) => {
          for (let i = 0, len = n * m; i < len; i++) dZ[i] = (A[i] - Y[i]) / m;
        }
      : (A, Y, dZ, n, m) => {
          for (let i = 0, len = n * m; i < len; i++) dZ[i] = A[i] - Y[i];
        },
    fusedFormula: "dZ = A − Y",
    fusedSpreadsheet: (a, y, m, s) => `(${a}-${y})${meanOverOutputs && m > 1 ? `/${m}` : ""}*${s}`,
  };
}
