/** Column sums (db of a layer whose dW kernel does not make it on the way). */
import { Fn, T } from "../emit.ts";
import { chunks, DEFAULT_CHUNK, specName } from "./common.ts";

export function colSumsKernelName(m: number, chunk = DEFAULT_CHUNK, accumulate = false): string {
  return specName("colsums", { m, chunk, accumulate });
}

/**
 * out(m) = Σ_i S[i, :] over n rows of S (n×m), in row order (with `accumulate`, continuing from
 * out's values). Params: S, out, n.
 */
export function colSumsKernel(m: number, chunk = DEFAULT_CHUNK, accumulate = false): Fn {
  const f = new Fn(colSumsKernelName(m, chunk, accumulate), [T.i32, T.i32, T.i32], []);
  const [S, O, N] = f.paramList();
  const [i, sp] = f.locals(T.i32, 2);
  const vectors = m >> 1;
  const passes = chunks(vectors, chunk);
  const acc = f.locals(T.v128, chunk);
  const s = f.local(T.f64);
  passes.forEach(([start, size], passIndex) => {
    const withTail = (m & 1) === 1 && passIndex === passes.length - 1;
    for (let v = 0; v < size; v++) {
      if (accumulate) f.get(O).v128Load((start + v) * 16);
      else f.v128Zero();
      f.set(acc[v]);
    }
    if (withTail) {
      if (accumulate) f.get(O).f64Load((m - 1) * 8);
      else f.f64(0);
      f.set(s);
    }
    f.get(S).set(sp);
    f.forUp(i, 0, () => f.get(N), () => {
      for (let v = 0; v < size; v++) f.get(acc[v]).get(sp).v128Load((start + v) * 16).f64x2Add().set(acc[v]);
      if (withTail) f.get(s).get(sp).f64Load((m - 1) * 8).f64Add().set(s);
    }, { bump: [[sp, m * 8]] });
    for (let v = 0; v < size; v++) f.get(O).get(acc[v]).v128Store((start + v) * 16);
    if (withTail) f.get(O).get(s).f64Store((m - 1) * 8);
  });
  return f;
}
