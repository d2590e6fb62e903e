/**
 * The row kernel: out[i, :] = Σ_t S[i, t] · D[t, :] (t over all of 0..k−1, or over row i's list),
 * then an epilogue (./epilogues.ts). Forward of a layer: S = A_prev (n×k), D = Wᵀ (k×w).
 * Backward: S = dZ (n×k), D = W (k×w). Specialised to k and w, fully unrolled over w.
 */
import { Fn, T, type Local } from "../emit.ts";
import { chunks, DEFAULT_CHUNK, DEFAULT_FENCE, DEFAULT_UNROLL, specName, sumOverTerms } from "./common.ts";
import { ROW_EPILOGUES, type RowEpilogue, type RowEpilogueContext, type RowEpilogueEntry } from "./epilogues.ts";

export interface RowKernelSpec {
  /** Inner dimension: columns of S, rows of D. */
  k: number;
  /** Output width: columns of D and of the outputs. */
  w: number;
  /** Walk only the columns listed in the row lists of S (listIn). */
  sparse: boolean;
  /** Add a row vector (bias) to each sum. */
  bias: boolean;
  /** What is written from each sum (./epilogues.ts `ROW_EPILOGUES`). */
  epilogue: RowEpilogue;
  /**
   * Epilogues with a second output: whether out1 (the sum: Z, or dA) is stored too (default
   * true). Training needs only out2; skipping out1 saves a store per vector, and stores are what
   * these epilogues wait on.
   */
  keepSum?: boolean;
  /** Most accumulators per pass, and accumulators between fences (0: none). */
  chunk?: number;
  fence?: number;
  /** Fused multiply-adds (opt-in: results differ in the last bits). */
  fma?: boolean;
  /** Terms per trip of the inner loop. */
  unroll?: number;
}

/** The spec with its defaults filled in (the kernel's name lists every field). */
function resolve(s: RowKernelSpec): Required<RowKernelSpec> {
  const second = ROW_EPILOGUES[s.epilogue].second;
  return {
    k: s.k,
    w: s.w,
    sparse: s.sparse,
    bias: s.bias,
    epilogue: s.epilogue,
    keepSum: !second || s.keepSum !== false,
    chunk: s.chunk ?? DEFAULT_CHUNK,
    fence: s.fence ?? DEFAULT_FENCE,
    unroll: s.unroll ?? DEFAULT_UNROLL,
    fma: s.fma ?? false,
  };
}

export function rowKernelName(s: RowKernelSpec): string {
  return specName("row", resolve(s));
}

/** Params (i32 byte offsets): S, D, bias, out1, out2, maskZ, listIn, listOut, n. */
export function rowKernel(spec: RowKernelSpec): Fn {
  const { k, w, sparse, bias, epilogue, keepSum, chunk, fence, fma, unroll } = resolve(spec);
  const entry: RowEpilogueEntry = ROW_EPILOGUES[epilogue];
  const fences = { count: 0 };
  const f = new Fn(rowKernelName(spec), [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, B, O1, O2, MZ, LIN, LOUT, N] = f.paramList();
  const [i, sRow, p, o1Row, o2Row, mRow, lIn, lOut, oc, cnt, t, dRow, bits] = f.locals(T.i32, 13);
  const [sv, z, mask, zero] = f.locals(T.v128, 4);
  const vectors = w >> 1;
  const tail = (w & 1) === 1;
  const passes = chunks(vectors, chunk);
  const acc: Local[] = f.locals(T.v128, Math.max(...passes.map((q) => q[1])));
  const sacc = f.local(T.f64);
  const vtail = f.local(T.v128);
  const zs = f.local(T.f64);
  const ss = f.local(T.f64);
  const c: RowEpilogueContext = { f, w, o2Row, mRow, oc, lOut, i, LOUT, bits, mask, zero };

  f.v128Zero().set(zero);
  f.forUp(i, 0, () => f.get(N), () => {
    f.setAddr(sRow, S, i, k * 8);
    if (keepSum) f.setAddr(o1Row, O1, i, w * 8);
    if (entry.second) f.setAddr(o2Row, O2, i, w * 8);
    if (entry.readsMask) f.setAddr(mRow, MZ, i, w * 8);
    if (sparse) {
      // cnt: the end of the row's list, as a byte address comparable with t
      f.addr(LIN, i, (k + 1) * 4).tee(lIn).get(lIn).i32Load().i32(2).i32Shl().i32Add().set(cnt);
    }
    entry.rowStart?.(c);
    passes.forEach(([start, size], passIndex) => {
      const withTail = tail && passIndex === passes.length - 1;
      for (let v = 0; v < size; v++) f.v128Zero().set(acc[v]);
      if (withTail && size > 0) f.v128Zero().set(vtail);
      else if (withTail) f.f64(0).set(sacc);
      // Σ over t (sparse: t walks the row's list as a byte address, entries from t + 4 on)
      if (sparse) f.get(lIn).set(t);
      else f.i32(0).set(t);
      sumOverTerms({
        f, fma, fence, unroll, guard: N, fences, acc, start, size, sv, ss, p, dRow, t,
        tail: !withTail ? null : size > 0 ? { vacc: vtail, offset: (w - 2) * 8 } : { sacc, offset: (w - 1) * 8 },
        stride: sparse ? 4 : 1,
        term: (u) => (sparse ? f.get(t).i32Load(4 + 4 * u) : u > 0 ? f.get(t).i32(u).i32Add() : f.get(t)),
        sAddress: () => f.get(p).i32(3).i32Shl().get(sRow).i32Add(),
        dRowOf: () => f.addr(D, p, w * 8),
        end: () => (sparse ? f.get(cnt) : f.i32(k)),
      });
      for (let v = 0; v < size; v++) {
        const col = (start + v) * 2;
        f.get(acc[v]);
        if (bias) f.get(B).v128Load(col * 8).f64x2Add();
        f.set(z);
        if (keepSum) f.get(o1Row).get(z).v128Store(col * 8);
        entry.vector?.(c, z, col);
      }
      if (withTail) {
        const col = w - 1;
        if (size > 0) f.get(vtail).f64x2ExtractLane(1);
        else f.get(sacc);
        if (bias) f.get(B).f64Load(col * 8).f64Add();
        f.set(zs);
        if (keepSum) f.get(o1Row).get(zs).f64Store(col * 8);
        entry.scalar?.(c, zs, col);
      }
    });
    entry.rowEnd?.(c);
  });
  return f;
}
