/**
 * Generators for the fast Float64 kernels, each specialised to one layer's widths and fully
 * unrolled over them, in WebAssembly SIMD (f64x2). Matrices are row-major (samples × units), as
 * everywhere in the engine.
 *
 * Every kernel adds its products in the same order as the plain TypeScript kernels in
 * ../kernels.ts (one accumulator per output cell, terms in increasing index order, starting from
 * +0), and skips only terms whose factor is exactly zero, which cannot change a sum. The results
 * are therefore bit-for-bit those of the plain kernels (except with the opt-in `fma`).
 *
 * Row lists ("nonzero lists"): for a relu layer the forward kernel also writes, for each sample
 * row, the count and the column indices of its positive activations, laid out per row as
 * [count, j0, j1, …] (i32, row stride units + 1). Later kernels walk only those columns; the
 * column-list kernel (`atbColsKernel`) turns them into per-unit lists of samples, block by block.
 */
import { Fn, T, type Local } from "./emit.ts";

/**
 * Most v128 accumulators one pass over a row keeps in registers. V8 (TurboFan) issues every load
 * of a loop body before the arithmetic, so accumulators and loaded vectors share x64's 16 vector
 * registers; "fences" (see `sumOverTerms`) every DEFAULT_FENCE vectors keep the loads in step with
 * the arithmetic. 9 and 3 measured best on moons-deep's shapes (Zen 4, Node 20's V8 11.3).
 */
export const DEFAULT_CHUNK = 9;

export type RowEpilogue = "store" | "relu" | "mask";

export interface RowKernelSpec {
  /** Inner dimension: columns of S, rows of D. */
  k: number;
  /** Output width: columns of D and of the outputs. */
  w: number;
  /** Walk only the columns listed in the row lists of S (listIn). */
  sparse: boolean;
  /** Add a row vector (bias) to each sum. */
  bias: boolean;
  /**
   * store: out1 = sum;
   * relu:  out1 = Z = sum, out2 = max(Z, 0) (as `z > 0 ? z : 0`), and the row lists of out2 in listOut;
   * mask:  out1 = sum, out2 = (maskZ > 0 ? sum : 0) — relu's backward step fused in.
   */
  epilogue: RowEpilogue;
  /**
   * relu and mask: whether out1 (the sum: Z, or dA) is stored too (default true). Training needs
   * only out2; skipping out1 saves a store per vector, and stores are what these epilogues wait on.
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

export const DEFAULT_FENCE = 3;
export const DEFAULT_UNROLL = 2;

export function rowKernelName(s: RowKernelSpec): string {
  return `row_${s.k}_${s.w}_${s.sparse ? "s" : "d"}${s.bias ? "b" : ""}_${s.epilogue}${s.keepSum === false && s.epilogue !== "store" ? "_lean" : ""}_${s.chunk ?? DEFAULT_CHUNK}_${s.fence ?? DEFAULT_FENCE}_${s.unroll ?? DEFAULT_UNROLL}${s.fma ? "_fma" : ""}`;
}

/**
 * acc + a·b on f64x2: a multiply and an add (each rounded, the plain kernels' arithmetic), or with
 * `fma` one relaxed fused multiply-add (rounded once: different last bits, hence opt-in).
 */
function mac(f: Fn, fma: boolean, acc: () => void, a: () => void, b: () => void): void {
  if (fma) {
    a();
    b();
    acc();
    f.f64x2RelaxedMadd();
  } else {
    acc();
    a();
    b();
    f.f64x2Mul().f64x2Add();
  }
}

/** Splits `vectors` into passes of at most `chunk`, as evenly as possible. */
function chunks(vectors: number, chunk: number): [number, number][] {
  if (vectors === 0) return [[0, 0]];
  const passes = Math.ceil(vectors / chunk);
  const out: [number, number][] = [];
  let start = 0;
  for (let p = 0; p < passes; p++) {
    const size = Math.floor(vectors / passes) + (p < vectors % passes ? 1 : 0);
    out.push([start, size]);
    start += size;
  }
  return out;
}

/** One pass of a sum over a list of terms (see `sumOverTerms`). */
interface TermSum {
  f: Fn;
  fma: boolean;
  /** Accumulators between fences (0: none), and terms per trip of the loop. */
  fence: number;
  unroll: number;
  /** A parameter that is ≥ 0 whenever the loop runs (n): fences test `guard < −c`, never true. */
  guard: Local;
  /** Fences so far in the function, for distinct conditions. */
  fences: { count: number };
  /** acc[v] += s·D[p, start + v] (vectors of 2 columns) for v < size. */
  acc: readonly Local[];
  start: number;
  size: number;
  /**
   * The odd last column, or null: with vectors (size > 0) in lane 1 of `vacc`, from D's last two
   * columns (offset: theirs in D's row), a vector multiply-add like the others (lane 0 is thrown
   * away); without, a scalar sum in `sacc` (offset: the column's).
   */
  tail: { vacc: Local; offset: number } | { sacc: Local; offset: number } | null;
  /** Scratch locals. */
  sv: Local;
  ss: Local;
  p: Local;
  dRow: Local;
  /** The cursor, advanced by `stride` per term (4: a list's byte address; 1: an index). */
  t: Local;
  stride: number;
  /** Push: the u-th term's p after t; S's value's address for p; D's row for p; t's end. */
  term: (u: number) => void;
  sAddress: () => void;
  dRowOf: () => void;
  end: () => void;
  /** Extra work per term once s is loaded (in sv, or in ss when size is 0). */
  perTerm?: () => void;
}

/**
 * Σ over the terms p that t walks of s = S(p) times D's row p, into registers, in term order (so
 * the bits of a plain loop). `unroll` terms per trip pay the loop's bookkeeping and V8's stack
 * check once. "Fences" every `fence` accumulators: a branch out of the loop, never taken, that
 * reads the sums so far, so that the compiler cannot hoist all of a term's loads above its
 * arithmetic (V8 issues a block's loads first; with every load in flight at once x64's 16
 * vector registers run out). Each fence tests another constant: identical tests would be merged.
 */
function sumOverTerms(o: TermSum): void {
  const { f, fma, fence, acc, start, size, tail, sv, ss, p, dRow, t, stride } = o;
  const step = (u: number, last: boolean): void => {
    o.term(u);
    f.set(p);
    o.sAddress();
    if (size > 0) f.v128Load64Splat().set(sv);
    else f.f64Load().set(ss);
    o.perTerm?.();
    o.dRowOf();
    f.set(dRow);
    for (let v = 0; v < size; v++) {
      mac(f, fma, () => f.get(acc[v]), () => f.get(sv), () => f.get(dRow).v128Load((start + v) * 16));
      f.set(acc[v]);
      if (fence > 0 && ((v + 1) % fence === 0 || v + 1 === size) && (v + 1 < size || !last)) {
        f.get(o.guard).i32(-o.fences.count++).i32LtS().brIf(1);
      }
    }
    if (tail && "vacc" in tail) {
      mac(f, fma, () => f.get(tail.vacc), () => f.get(sv), () => f.get(dRow).v128Load(tail.offset));
      f.set(tail.vacc);
    } else if (tail) f.get(tail.sacc).get(ss).get(dRow).f64Load(tail.offset).f64Mul().f64Add().set(tail.sacc);
  };
  if (o.unroll > 1) {
    f.block(() =>
      f.loop(() => {
        f.get(t).i32((o.unroll - 1) * stride).i32Add();
        o.end();
        f.i32GeS().brIf(1);
        for (let u = 0; u < o.unroll; u++) step(u, u === o.unroll - 1);
        f.get(t).i32(o.unroll * stride).i32Add().set(t);
        f.br(0);
      }),
    );
  }
  f.block(() =>
    f.loop(() => {
      f.get(t);
      o.end();
      f.i32GeS().brIf(1);
      step(0, true);
      f.get(t).i32(stride).i32Add().set(t);
      f.br(0);
    }),
  );
}

/**
 * out[i, :] = Σ_t S[i, t] · D[t, :]  (t over all of 0..k−1, or over row i's list), then the epilogue.
 * Params (i32 byte offsets): S, D, bias, out1, out2, maskZ, listIn, listOut, n.
 * Forward of a layer: S = A_prev (n×k), D = Wᵀ (k×w). Backward: S = dZ (n×k), D = W (k×w).
 */
export function rowKernel(spec: RowKernelSpec): Fn {
  const { k, w, sparse, bias, epilogue } = spec;
  const keepSum = epilogue === "store" || spec.keepSum !== false;
  const chunk = spec.chunk ?? DEFAULT_CHUNK;
  const fence = spec.fence ?? DEFAULT_FENCE;
  const fma = spec.fma ?? false;
  const unroll = spec.unroll ?? DEFAULT_UNROLL;
  const fences = { count: 0 };
  const f = new Fn(rowKernelName(spec), [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, B, O1, O2, MZ, LIN, LOUT, N] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => f.param(i));
  const i = f.local(T.i32);
  const sRow = f.local(T.i32);
  const p = f.local(T.i32);
  const o1Row = f.local(T.i32);
  const o2Row = f.local(T.i32);
  const mRow = f.local(T.i32);
  const lIn = f.local(T.i32);
  const lOut = f.local(T.i32);
  const oc = f.local(T.i32);
  const cnt = f.local(T.i32);
  const t = f.local(T.i32);
  const dRow = f.local(T.i32);
  const bits = f.local(T.i32);
  const sv = f.local(T.v128);
  const z = f.local(T.v128);
  const mask = f.local(T.v128);
  const zero = f.local(T.v128);
  const vectors = w >> 1;
  const tail = (w & 1) === 1;
  const passes = chunks(vectors, chunk);
  const maxPass = Math.max(...passes.map((p) => p[1]));
  const acc: Local[] = [];
  for (let v = 0; v < maxPass; v++) acc.push(f.local(T.v128));
  const sacc = f.local(T.f64);
  const vtail = f.local(T.v128);
  const zs = f.local(T.f64);
  const ss = f.local(T.f64);

  f.v128Zero().set(zero);
  f.i32(0).set(i);
  f.block(() =>
    f.loop(() => {
      f.get(i).get(N).i32GeS().brIf(1);
      f.get(S).get(i).i32(k * 8).i32Mul().i32Add().set(sRow);
      if (keepSum) f.get(O1).get(i).i32(w * 8).i32Mul().i32Add().set(o1Row);
      if (epilogue !== "store") f.get(O2).get(i).i32(w * 8).i32Mul().i32Add().set(o2Row);
      if (epilogue === "mask") f.get(MZ).get(i).i32(w * 8).i32Mul().i32Add().set(mRow);
      if (sparse) {
        // cnt: the end of the row's list, as a byte address comparable with t
        f.get(LIN).get(i).i32((k + 1) * 4).i32Mul().i32Add().tee(lIn).get(lIn).i32Load().i32(2).i32Shl().i32Add().set(cnt);
      }
      if (epilogue === "relu") {
        // oc: where the next index goes (a byte address), from the row's first slot on
        f.get(LOUT).get(i).i32((w + 1) * 4).i32Mul().i32Add().tee(lOut).i32(4).i32Add().set(oc);
      }
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
          dRowOf: () => f.get(D).get(p).i32(w * 8).i32Mul().i32Add(),
          end: () => (sparse ? f.get(cnt) : f.i32(k)),
        });
        // epilogue
        for (let v = 0; v < size; v++) {
          const col = (start + v) * 2;
          f.get(acc[v]);
          if (bias) f.get(B).v128Load(col * 8).f64x2Add();
          f.set(z);
          if (keepSum) f.get(o1Row).get(z).v128Store(col * 8);
          if (epilogue === "relu") {
            f.get(z).get(zero).f64x2Gt().set(mask);
            f.get(o2Row).get(z).get(mask).v128And().v128Store(col * 8);
            f.get(mask).i64x2Bitmask().set(bits);
            // One 8-byte store of the pair [first, col + 1], first = col if lane 0 is positive, else
            // col + 1 (as one i64: K − (bits & 1), K = [col + 1, col + 1]); then advance past the
            // positive ones. (It writes within the row: at most 2·v entries precede vector v.)
            f.get(oc).i64(BigInt(col + 1) * 0x1_0000_0001n).get(bits).i32(1).i32And().i64ExtendI32U().i64Sub().i64Store();
            f.get(oc).get(bits).i32Popcnt().i32(2).i32Shl().i32Add().set(oc);
          } else if (epilogue === "mask") {
            f.get(mRow).v128Load(col * 8).get(zero).f64x2Gt().set(mask);
            f.get(o2Row).get(z).get(mask).v128And().v128Store(col * 8);
          }
        }
        if (withTail) {
          const col = w - 1;
          if (size > 0) f.get(vtail).f64x2ExtractLane(1);
          else f.get(sacc);
          if (bias) f.get(B).f64Load(col * 8).f64Add();
          f.set(zs);
          if (keepSum) f.get(o1Row).get(zs).f64Store(col * 8);
          if (epilogue === "relu") {
            f.get(zs).f64(0).f64Gt().set(bits);
            f.get(o2Row).get(zs).f64(0).get(bits).select().f64Store(col * 8);
            f.get(oc).i32(col).i32Store();
            f.get(oc).get(bits).i32(2).i32Shl().i32Add().set(oc);
          } else if (epilogue === "mask") {
            f.get(o2Row).get(zs).f64(0).get(mRow).f64Load(col * 8).f64(0).f64Gt().select().f64Store(col * 8);
          }
        }
      });
      if (epilogue === "relu") f.get(lOut).get(oc).get(lOut).i32Sub().i32(4).i32Sub().i32(2).i32ShrU().i32Store();
      f.get(i).i32(1).i32Add().set(i);
      f.br(0);
    }),
  );
  return f;
}

export interface AtBSpec {
  /** S is n×m (dZ), D is n×k (A_prev); out = Sᵀ·D is m×k (dW). */
  m: number;
  k: number;
  /** Tile: units per tile × vectors (of 2 columns) per tile. */
  rows?: number;
  vecs?: number;
  /** Only the units [from, to): one thread's share. Default: all. */
  units?: readonly [number, number];
  fma?: boolean;
  /** out += Sᵀ·D: each cell's sum starts from out's value instead of +0 (a batch in blocks). */
  accumulate?: boolean;
}

export function atbKernelName(s: AtBSpec): string {
  const [u0, u1] = s.units ?? [0, s.m];
  return `atb_${s.m}_${s.k}_${s.rows ?? 4}_${s.vecs ?? 2}_${u0}_${u1}${s.fma ? "_fma" : ""}${s.accumulate ? "_acc" : ""}`;
}

/**
 * out(m×k) = Sᵀ·D, each cell summed over the samples i = 0..n−1 in order (with `accumulate`,
 * continuing from out's values: blocks of a batch in turn give the sums of the whole batch).
 * Params: S, D, out, n (i32). The odd last column of D, if any, is done across units instead.
 */
export function atbKernel(spec: AtBSpec): Fn {
  const { m, k } = spec;
  const R = spec.rows ?? 4;
  const V = spec.vecs ?? 2;
  const fma = spec.fma ?? false;
  const accumulate = spec.accumulate ?? false;
  const [u0, u1] = spec.units ?? [0, m];
  if (u0 < 0 || u1 > m || u0 > u1) throw new RangeError(`bad unit window ${u0}..${u1}`);
  const f = new Fn(atbKernelName(spec), [T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, N] = [0, 1, 2, 3].map((x) => f.param(x));
  const i = f.local(T.i32);
  const sp = f.local(T.i32);
  const dp = f.local(T.i32);
  const splats: Local[] = [];
  for (let r = 0; r < R; r++) splats.push(f.local(T.v128));
  const dv: Local[] = [];
  for (let v = 0; v < V; v++) dv.push(f.local(T.v128));
  const acc: Local[][] = [];
  for (let r = 0; r < R; r++) {
    acc.push([]);
    for (let v = 0; v < V; v++) acc[r].push(f.local(T.v128));
  }
  const vectors = k >> 1;

  // Tiles over (units j0..j0+r) × (vectors c0..c0+v).
  for (let j0 = u0; j0 < u1; j0 += R) {
    const r = Math.min(R, u1 - j0);
    for (let c0 = 0; c0 < vectors; c0 += V) {
      const nv = Math.min(V, vectors - c0);
      for (let a = 0; a < r; a++) {
        for (let v = 0; v < nv; v++) {
          if (accumulate) f.get(O).v128Load(((j0 + a) * k + (c0 + v) * 2) * 8);
          else f.v128Zero();
          f.set(acc[a][v]);
        }
      }
      f.get(S).i32(j0 * 8).i32Add().set(sp);
      f.get(D).i32(c0 * 16).i32Add().set(dp);
      f.i32(0).set(i);
      f.block(() =>
        f.loop(() => {
          f.get(i).get(N).i32GeS().brIf(1);
          for (let a = 0; a < r; a++) f.get(sp).v128Load64Splat(a * 8).set(splats[a]);
          for (let v = 0; v < nv; v++) f.get(dp).v128Load(v * 16).set(dv[v]);
          for (let a = 0; a < r; a++) {
            for (let v = 0; v < nv; v++) {
              mac(f, fma, () => f.get(acc[a][v]), () => f.get(splats[a]), () => f.get(dv[v]));
              f.set(acc[a][v]);
            }
          }
          f.get(sp).i32(m * 8).i32Add().set(sp);
          f.get(dp).i32(k * 8).i32Add().set(dp);
          f.get(i).i32(1).i32Add().set(i);
          f.br(0);
        }),
      );
      for (let a = 0; a < r; a++) for (let v = 0; v < nv; v++) f.get(O).get(acc[a][v]).v128Store(((j0 + a) * k + (c0 + v) * 2) * 8);
    }
  }
  if (k & 1) {
    // Last column: out[j, k−1] = Σ_i S[i, j]·D[i, k−1], vectorised across units j.
    const col = k - 1;
    const uvec = (u1 - u0) >> 1;
    const group = R * V;
    const flat = acc.flat();
    for (let g0 = 0; g0 < uvec; g0 += group) {
      const nu = Math.min(group, uvec - g0);
      for (let u = 0; u < nu; u++) {
        const j = u0 + (g0 + u) * 2;
        if (accumulate) f.get(O).v128Load64Splat((j * k + col) * 8).get(O).f64Load(((j + 1) * k + col) * 8).f64x2ReplaceLane(1);
        else f.v128Zero();
        f.set(flat[u]);
      }
      f.get(S).i32(u0 * 8 + g0 * 16).i32Add().set(sp);
      f.get(D).i32(col * 8).i32Add().set(dp);
      f.i32(0).set(i);
      f.block(() =>
        f.loop(() => {
          f.get(i).get(N).i32GeS().brIf(1);
          f.get(dp).v128Load64Splat().set(splats[0]);
          for (let u = 0; u < nu; u++) {
            mac(f, fma, () => f.get(flat[u]), () => f.get(sp).v128Load(u * 16), () => f.get(splats[0]));
            f.set(flat[u]);
          }
          f.get(sp).i32(m * 8).i32Add().set(sp);
          f.get(dp).i32(k * 8).i32Add().set(dp);
          f.get(i).i32(1).i32Add().set(i);
          f.br(0);
        }),
      );
      for (let u = 0; u < nu; u++) {
        const j = u0 + (g0 + u) * 2;
        f.get(O).get(flat[u]).f64x2ExtractLane(0).f64Store((j * k + col) * 8);
        f.get(O).get(flat[u]).f64x2ExtractLane(1).f64Store(((j + 1) * k + col) * 8);
      }
    }
    if ((u1 - u0) & 1) {
      const j = u1 - 1;
      const s = f.local(T.f64);
      if (accumulate) f.get(O).f64Load((j * k + col) * 8).set(s);
      else f.f64(0).set(s);
      f.get(S).i32(j * 8).i32Add().set(sp);
      f.get(D).i32(col * 8).i32Add().set(dp);
      f.i32(0).set(i);
      f.block(() =>
        f.loop(() => {
          f.get(i).get(N).i32GeS().brIf(1);
          f.get(s).get(sp).f64Load().get(dp).f64Load().f64Mul().f64Add().set(s);
          f.get(sp).i32(m * 8).i32Add().set(sp);
          f.get(dp).i32(k * 8).i32Add().set(dp);
          f.get(i).i32(1).i32Add().set(i);
          f.br(0);
        }),
      );
      f.get(O).get(s).f64Store((j * k + col) * 8);
    }
  }
  return f;
}

/**
 * out(m) = Σ_i S[i, :] over n rows of S (n×m), in row order (with `accumulate`, continuing from
 * out's values). Params: S, out, n.
 */
export function colSumsKernel(m: number, chunk = DEFAULT_CHUNK, accumulate = false): Fn {
  const f = new Fn(`colsums_${m}${accumulate ? "_acc" : ""}`, [T.i32, T.i32, T.i32], []);
  const [S, O, N] = [0, 1, 2].map((x) => f.param(x));
  const i = f.local(T.i32);
  const sp = f.local(T.i32);
  const vectors = m >> 1;
  const passes = chunks(vectors, chunk);
  const acc: Local[] = [];
  for (let v = 0; v < chunk; v++) acc.push(f.local(T.v128));
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
    f.i32(0).set(i);
    f.block(() =>
      f.loop(() => {
        f.get(i).get(N).i32GeS().brIf(1);
        for (let v = 0; v < size; v++) f.get(acc[v]).get(sp).v128Load((start + v) * 16).f64x2Add().set(acc[v]);
        if (withTail) f.get(s).get(sp).f64Load((m - 1) * 8).f64Add().set(s);
        f.get(sp).i32(m * 8).i32Add().set(sp);
        f.get(i).i32(1).i32Add().set(i);
        f.br(0);
      }),
    );
    for (let v = 0; v < size; v++) f.get(O).get(acc[v]).v128Store((start + v) * 16);
    if (withTail) f.get(O).get(s).f64Store((m - 1) * 8);
  });
  return f;
}

/** Wt(k×m) = Wᵀ for W (m×k). Params: W, Wt, m, k. Plain scalar loops (small matrices). */
export function transposeKernel(): Fn {
  const f = new Fn("transpose", [T.i32, T.i32, T.i32, T.i32], []);
  const [W, Wt, M, K] = [0, 1, 2, 3].map((x) => f.param(x));
  const j = f.local(T.i32);
  const p = f.local(T.i32);
  f.i32(0).set(j);
  f.block(() =>
    f.loop(() => {
      f.get(j).get(M).i32GeS().brIf(1);
      f.i32(0).set(p);
      f.block(() =>
        f.loop(() => {
          f.get(p).get(K).i32GeS().brIf(1);
          // Wt[p*m + j] = W[j*k + p]
          f.get(Wt).get(p).get(M).i32Mul().get(j).i32Add().i32(3).i32Shl().i32Add();
          f.get(W).get(j).get(K).i32Mul().get(p).i32Add().i32(3).i32Shl().i32Add().f64Load();
          f.f64Store();
          f.get(p).i32(1).i32Add().set(p);
          f.br(0);
        }),
      );
      f.get(j).i32(1).i32Add().set(j);
      f.br(0);
    }),
  );
  return f;
}

/** Bytes of a layer's row lists: per row [count, j…], units + 1 i32 each. */
export function rowListBytes(n: number, units: number): number {
  return 4 * n * (units + 1);
}

export const ATB_CHUNK = 12;

/** A share of the units of an Sᵀ·D kernel (rows of dW): [from, to). */
export type UnitWindow = readonly [from: number, to: number];

export function atbRowsKernelName(m: number, k: number, chunk = ATB_CHUNK, window?: UnitWindow, fma = false): string {
  const [j0, j1] = window ?? [0, m];
  return `atbr_${m}_${k}_${chunk}_${j0}_${j1}${fma ? "_fma" : ""}`;
}

/**
 * out(m×k) += Sᵀ·D like `atbKernel` (out must start at zero), in the plain kernel's own order:
 * for each sample i, for each unit j in row i's list of S, out[j, :] += S[i, j]·D[i, :]. out stays
 * in cache (m×k), D's row i is held in registers a few vectors at a time.
 * With a window, only the units [from, to) (another thread does the others: rows of out apart).
 * Params: S, D, out, listS, n.
 */
export function atbRowsKernel(m: number, k: number, chunk = ATB_CHUNK, window?: UnitWindow, fma = false): Fn {
  const [j0, j1] = window ?? [0, m];
  const f = new Fn(atbRowsKernelName(m, k, chunk, window, fma), [T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, LIST, N] = [0, 1, 2, 3, 4].map((x) => f.param(x));
  const i = f.local(T.i32);
  const t = f.local(T.i32);
  const t0 = f.local(T.i32);
  const cnt = f.local(T.i32);
  const lRow = f.local(T.i32);
  const sRow = f.local(T.i32);
  const dRow = f.local(T.i32);
  const oRow = f.local(T.i32);
  const q = f.local(T.i32);
  const sv = f.local(T.v128);
  const tail = (k & 1) === 1;
  const passes = chunks(k >> 1, chunk);
  const a: Local[] = [];
  for (let v = 0; v < chunk; v++) a.push(f.local(T.v128));
  const as = f.local(T.f64);
  const ss = f.local(T.f64);
  if (j1 <= j0) return f;
  f.i32(0).set(i);
  f.block(() =>
    f.loop(() => {
      f.get(i).get(N).i32GeS().brIf(1);
      // lRow: the row's first entry; cnt: just past its last (byte addresses)
      f.get(LIST).get(i).i32((m + 1) * 4).i32Mul().i32Add().tee(lRow).get(lRow).i32Load().i32(2).i32Shl().i32Add().i32(4).i32Add().set(cnt);
      f.get(lRow).i32(4).i32Add().set(lRow);
      f.get(S).get(i).i32(m * 8).i32Mul().i32Add().set(sRow);
      f.get(D).get(i).i32(k * 8).i32Mul().i32Add().set(dRow);
      // The row's list is in increasing j: the window is one stretch of it, [t0, cnt). Each end is
      // found by walking in from its own side, so a thread only reads its own entries.
      f.get(lRow).set(t0);
      if (j0 > 0 && j1 === m) {
        f.get(cnt).set(t0);
        f.block(() =>
          f.loop(() => {
            f.get(t0).get(lRow).i32Eq().brIf(1);
            f.get(t0).i32(4).i32Sub().i32Load().i32(j0).i32LtS().brIf(1);
            f.get(t0).i32(4).i32Sub().set(t0);
            f.br(0);
          }),
        );
      } else if (j0 > 0) {
        f.block(() =>
          f.loop(() => {
            f.get(t0).get(cnt).i32GeU().brIf(1);
            f.get(t0).i32Load().i32(j0).i32GeS().brIf(1);
            f.get(t0).i32(4).i32Add().set(t0);
            f.br(0);
          }),
        );
      }
      if (j1 < m) {
        f.get(t0).set(t);
        f.block(() =>
          f.loop(() => {
            f.get(t).get(cnt).i32GeU().brIf(1);
            f.get(t).i32Load().i32(j1).i32GeS().brIf(1);
            f.get(t).i32(4).i32Add().set(t);
            f.br(0);
          }),
        );
        f.get(t).set(cnt);
      }
      passes.forEach(([start, size], passIndex) => {
        const withTail = tail && passIndex === passes.length - 1;
        for (let v = 0; v < size; v++) f.get(dRow).v128Load((start + v) * 16).set(a[v]);
        if (withTail) f.get(dRow).f64Load((k - 1) * 8).set(as);
        f.get(t0).set(t);
        f.block(() =>
          f.loop(() => {
            f.get(t).get(cnt).i32GeU().brIf(1);
            f.get(t).i32Load().set(q);
            f.get(sRow).get(q).i32(3).i32Shl().i32Add();
            if (size > 0) f.v128Load64Splat().set(sv);
            else f.f64Load().set(ss);
            f.get(O).get(q).i32(k * 8).i32Mul().i32Add().set(oRow);
            for (let v = 0; v < size; v++) {
              f.get(oRow);
              mac(f, fma, () => f.get(oRow).v128Load((start + v) * 16), () => f.get(sv), () => f.get(a[v]));
              f.v128Store((start + v) * 16);
            }
            if (withTail) {
              if (size > 0) f.get(sv).f64x2ExtractLane(0).set(ss);
              f.get(oRow).get(oRow).f64Load((k - 1) * 8).get(ss).get(as).f64Mul().f64Add().f64Store((k - 1) * 8);
            }
            f.get(t).i32(4).i32Add().set(t);
            f.br(0);
          }),
        );
      });
      f.get(i).i32(1).i32Add().set(i);
      f.br(0);
    }),
  );
  return f;
}


export interface AtbColsSpec {
  /** S is n×m (dZ), D is n×k (A_prev); out = Sᵀ·D is m×k (dW). */
  m: number;
  k: number;
  /** Samples per block: D's rows of a block stay in the first-level cache. */
  block?: number;
  chunk?: number;
  fence?: number;
  unroll?: number;
  window?: UnitWindow;
  fma?: boolean;
}

export const ATB_BLOCK = 32;

export function atbColsKernelName(s: AtbColsSpec): string {
  const [j0, j1] = s.window ?? [0, s.m];
  return `atbc_${s.m}_${s.k}_${s.block ?? ATB_BLOCK}_${s.chunk ?? DEFAULT_CHUNK}_${s.fence ?? DEFAULT_FENCE}_${s.unroll ?? DEFAULT_UNROLL}_${j0}_${j1}${s.fma ? "_fma" : ""}`;
}

/** Bytes of scratch an `atbColsKernel` needs (per thread). */
export function atbColsScratchBytes(m: number, block = ATB_BLOCK): number {
  return 4 * m * (block + 1);
}

/**
 * out(m×k) = Sᵀ·D, through the row lists of S, with the sums in registers:
 * the samples go in blocks; for each block the kernel first lists, per unit j, the block's samples
 * whose S[i, j] is listed (increasing i), then adds S[i, j]·D[i, :] over each unit's list into
 * out[j, :] held in registers a few vectors at a time. Each cell's terms come in increasing i: the
 * plain kernel's order. (Adding into out in memory term by term, as `atbRowsKernel` does, is held
 * back by one store per vector per term.)
 * It also adds each unit's column sum of S (db) into sums[j] over the same lists: the terms it
 * skips are exact zeros. With a window, only the units [from, to).
 * Params: S, D, out, listS, n, scratch, sums (out and sums start at zero).
 */
export function atbColsKernel(spec: AtbColsSpec): Fn {
  const { m, k } = spec;
  const B = spec.block ?? ATB_BLOCK;
  const chunk = spec.chunk ?? DEFAULT_CHUNK;
  const fence = spec.fence ?? DEFAULT_FENCE;
  const unroll = spec.unroll ?? DEFAULT_UNROLL;
  const fma = spec.fma ?? false;
  const [j0, j1] = spec.window ?? [0, m];
  const f = new Fn(atbColsKernelName(spec), [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, LIST, N, SCR, SUMS] = [0, 1, 2, 3, 4, 5, 6].map((x) => f.param(x));
  const b0 = f.local(T.i32);
  const b1 = f.local(T.i32);
  const i = f.local(T.i32);
  const j = f.local(T.i32);
  const t = f.local(T.i32);
  const tEnd = f.local(T.i32);
  const lRow = f.local(T.i32);
  const cAddr = f.local(T.i32);
  const c = f.local(T.i32);
  const lBase = f.local(T.i32);
  const lEnd = f.local(T.i32);
  const sCol = f.local(T.i32);
  const oRow = f.local(T.i32);
  const p = f.local(T.i32);
  const dRow = f.local(T.i32);
  const sv = f.local(T.v128);
  const ss = f.local(T.f64);
  const sacc = f.local(T.f64);
  const vtail = f.local(T.v128);
  const bsum = f.local(T.f64);
  const bAddr = f.local(T.i32);
  const tail = (k & 1) === 1;
  const passes = chunks(k >> 1, chunk);
  const maxPass = Math.max(...passes.map((q) => q[1]));
  const acc: Local[] = [];
  for (let v = 0; v < maxPass; v++) acc.push(f.local(T.v128));
  const fences = { count: 0 };
  if (j1 <= j0) return f;
  // scratch: counts (m i32) then each unit's list (B i32 per unit)
  const lists = 4 * m;
  f.i32(0).set(b0);
  f.block(() =>
    f.loop(() => {
      f.get(b0).get(N).i32GeS().brIf(1);
      f.get(b0).i32(B).i32Add().tee(b1).get(N).get(b1).get(N).i32LtS().select().set(b1);
      // counts of the window's units to zero
      f.get(SCR).i32(4 * j0).i32Add().i32(0).i32(4 * (j1 - j0)).memoryFill();
      // the block's samples into the units' lists
      f.get(b0).set(i);
      f.block(() =>
        f.loop(() => {
          f.get(i).get(b1).i32GeS().brIf(1);
          // t: the row's first entry, tEnd: past its last (byte addresses)
          f.get(LIST).get(i).i32((m + 1) * 4).i32Mul().i32Add().tee(lRow).i32(4).i32Add().set(t);
          f.get(lRow).get(lRow).i32Load().i32(2).i32Shl().i32Add().i32(4).i32Add().set(tEnd);
          f.block(() =>
            f.loop(() => {
              f.get(t).get(tEnd).i32GeU().brIf(1);
              // j = list[t]; lists[j][count[j]++] = i
              f.get(t).i32Load().set(j);
              // (the list is in increasing j: skip up to the window, stop past it)
              if (j0 > 0) f.get(j).i32(j0).i32LtS().if(() => f.get(t).i32(4).i32Add().set(t).br(1));
              if (j1 < m) f.get(j).i32(j1).i32GeS().brIf(1);
              f.get(SCR).get(j).i32(2).i32Shl().i32Add().tee(cAddr).i32Load().set(c);
              f.get(SCR).get(j).i32(B * 4).i32Mul().i32Add().get(c).i32(2).i32Shl().i32Add().get(i).i32Store(lists);
              f.get(cAddr).get(c).i32(1).i32Add().i32Store();
              f.get(t).i32(4).i32Add().set(t);
              f.br(0);
            }),
          );
          f.get(i).i32(1).i32Add().set(i);
          f.br(0);
        }),
      );
      // each unit's sums over its list
      f.i32(j0).set(j);
      f.block(() =>
        f.loop(() => {
          f.get(j).i32(j1).i32GeS().brIf(1);
          f.get(SCR).get(j).i32(B * 4).i32Mul().i32Add().i32(lists).i32Add().tee(lBase);
          f.get(SCR).get(j).i32(2).i32Shl().i32Add().i32Load().i32(2).i32Shl().i32Add().set(lEnd);
          f.get(S).get(j).i32(3).i32Shl().i32Add().set(sCol);
          f.get(O).get(j).i32(k * 8).i32Mul().i32Add().set(oRow);
          f.get(lBase).get(lEnd).i32Ne().if(() => {
            passes.forEach(([start, size], passIndex) => {
              const withTail = tail && passIndex === passes.length - 1;
              const sums = passIndex === 0;
              if (sums) f.get(SUMS).get(j).i32(3).i32Shl().i32Add().tee(bAddr).f64Load().set(bsum);
              for (let v = 0; v < size; v++) f.get(oRow).v128Load((start + v) * 16).set(acc[v]);
              if (withTail && size > 0) f.get(oRow).v128Load((k - 2) * 8).set(vtail);
              else if (withTail) f.get(oRow).f64Load((k - 1) * 8).set(sacc);
              f.get(lBase).set(t);
              sumOverTerms({
                f, fma, fence, unroll, guard: N, fences, acc, start, size, sv, ss, p, dRow, t,
                tail: !withTail ? null : size > 0 ? { vacc: vtail, offset: (k - 2) * 8 } : { sacc, offset: (k - 1) * 8 },
                stride: 4,
                term: (u) => f.get(t).i32Load(4 * u),
                sAddress: () => f.get(p).i32(m * 8).i32Mul().get(sCol).i32Add(),
                dRowOf: () => f.get(D).get(p).i32(k * 8).i32Mul().i32Add(),
                end: () => f.get(lEnd),
                // db: the unit's column sum of S over the same terms
                perTerm: sums
                  ? () => {
                      f.get(bsum);
                      if (size > 0) f.get(sv).f64x2ExtractLane(0);
                      else f.get(ss);
                      f.f64Add().set(bsum);
                    }
                  : undefined,
              });
              for (let v = 0; v < size; v++) f.get(oRow).get(acc[v]).v128Store((start + v) * 16);
              if (sums) f.get(bAddr).get(bsum).f64Store();
              if (withTail && size > 0) f.get(oRow).get(vtail).f64x2ExtractLane(1).f64Store((k - 1) * 8);
              else if (withTail) f.get(oRow).get(sacc).f64Store((k - 1) * 8);
            });
          });
          f.get(j).i32(1).i32Add().set(j);
          f.br(0);
        }),
      );
      f.get(b1).set(b0);
      f.br(0);
    }),
  );
  return f;
}
