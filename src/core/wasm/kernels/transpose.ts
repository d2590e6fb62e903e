/** Wᵀ for the forward pass (the row kernel reads D by rows). */
import { Fn, T } from "../emit.ts";

export const TRANSPOSE = "transpose";

/** Wt(k×m) = Wᵀ for W (m×k). Params: W, Wt, m, k. Plain scalar loops (small matrices). */
export function transposeKernel(): Fn {
  const f = new Fn(TRANSPOSE, [T.i32, T.i32, T.i32, T.i32], []);
  const [W, Wt, M, K] = f.paramList();
  const [j, p] = f.locals(T.i32, 2);
  f.forUp(j, 0, () => f.get(M), () =>
    f.forUp(p, 0, () => f.get(K), () => {
      // Wt[p*m + j] = W[j*k + p]
      f.get(Wt).get(p).get(M).i32Mul().get(j).i32Add().i32(3).i32Shl().i32Add();
      f.get(W).get(j).get(K).i32Mul().get(p).i32Add().i32(3).i32Shl().i32Add().f64Load();
      f.f64Store();
    }),
  );
  return f;
}
