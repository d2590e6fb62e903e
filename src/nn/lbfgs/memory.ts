/**
 * L-BFGS's memory: the last m pairs s = α·d, y = ∇f₊ − ∇f in a ring buffer, and the two-loop
 * recursion (Nocedal & Wright, Algorithm 7.4) that turns them into the direction d = −H∇f, with
 * H⁰ = I/θ, θ = yᵀy / sᵀy of the newest pair. Its buffers are allocated once.
 */
import { axpy, dot } from "../../core/kernels.ts";

/** Machine epsilon (Fortran's epsilon(1d0)), L-BFGS-B's `epsmch`. */
const EPSMCH = 2.220446049250313e-16;

export interface LbfgsMemory {
  /** Pairs held (0 after `forget`). */
  readonly stored: number;
  /**
   * d = −H g over the pairs held (d = −g with none). When that is not downhill (rounding, or a
   * poor memory) the pairs are forgotten and d = −g.
   */
  direction(g: Float64Array, d: Float64Array): void;
  /** Writes a step's pair s = α·d, y = g₊ − g into the next slot; `keep` decides whether it stays. */
  record(alpha: number, d: Float64Array, gNew: Float64Array, g: Float64Array): void;
  /** Keeps the recorded pair unless its curvature sᵀy is tiny next to −gᵀs (L-BFGS-B's test). */
  keep(sy: number, minusGs: number): void;
  forget(): void;
}

/** A memory of up to m pairs of n-vectors. */
export function createMemory(n: number, m: number): LbfgsMemory {
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    S.push(new Float64Array(n));
    Y.push(new Float64Array(n));
  }
  const rho = new Float64Array(m);
  const alphas = new Float64Array(m);
  let head = 0; // slot the next pair goes into (ring buffer)
  let stored = 0;
  let theta = 1; // B⁰ = θI (L-BFGS-B's theta): yᵀy / sᵀy of the newest pair

  const forget = (): void => {
    stored = 0;
    head = 0;
    theta = 1;
  };

  return {
    get stored(): number {
      return stored;
    },

    direction(g: Float64Array, d: Float64Array): void {
      for (let i = 0; i < n; i++) d[i] = -g[i];
      if (stored === 0) return;
      // First loop, newest → oldest: q ← q − αᵢ yᵢ with αᵢ = ρᵢ sᵢᵀq (working on d = −q).
      for (let k = 0, j = head; k < stored; k++) {
        j = (j - 1 + m) % m;
        const a = rho[j] * dot(S[j], d, n);
        alphas[j] = a;
        axpy(-a, Y[j], d, n);
      }
      // H⁰ = I/θ.
      for (let i = 0; i < n; i++) d[i] /= theta;
      // Second loop, oldest → newest: r ← r + sᵢ(αᵢ − βᵢ), βᵢ = ρᵢ yᵢᵀr.
      for (let k = 0, j = (head - stored + m) % m; k < stored; k++, j = (j + 1) % m) {
        const beta = rho[j] * dot(Y[j], d, n);
        axpy(alphas[j] - beta, S[j], d, n);
      }
      // Not a descent direction (rounding, or a poor memory): forget the pairs, go downhill.
      if (!(dot(g, d, n) < 0)) {
        forget();
        for (let i = 0; i < n; i++) d[i] = -g[i];
      }
    },

    record(alpha: number, d: Float64Array, gNew: Float64Array, g: Float64Array): void {
      const s = S[head];
      const y = Y[head];
      for (let i = 0; i < n; i++) {
        y[i] = gNew[i] - g[i];
        s[i] = alpha === 1 ? d[i] : alpha * d[i];
      }
    },

    keep(sy: number, minusGs: number): void {
      if (sy > EPSMCH * minusGs) {
        const y = Y[head];
        rho[head] = 1 / sy;
        theta = dot(y, y, n) / sy;
        head = (head + 1) % m;
        if (stored < m) stored++;
      }
    },

    forget,
  };
}
