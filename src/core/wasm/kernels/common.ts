/**
 * What the kernels share: tuning defaults, names derived from specs, the multiply-add, passes over
 * a row's vectors, and the sum over a list of terms that the row and column-list kernels run.
 *
 * Every kernel adds its products in the same order as the plain TypeScript kernels in
 * ../../kernels.ts (one accumulator per output cell, terms in increasing index order, starting
 * from +0), and skips only terms whose factor is exactly zero, which cannot change a sum. The
 * results are therefore bit-for-bit those of the plain kernels (except with the opt-in `fma`).
 */
import type { Fn, Local } from "../emit.ts";

/**
 * Most v128 accumulators one pass over a row keeps in registers. V8 (TurboFan) issues every load
 * of a loop body before the arithmetic, so accumulators and loaded vectors share x64's 16 vector
 * registers; "fences" (see `sumOverTerms`) every DEFAULT_FENCE vectors keep the loads in step with
 * the arithmetic. 9 and 3 measured best on moons-deep's shapes (Zen 4, Node 20's V8 11.3).
 */
export const DEFAULT_CHUNK = 9;
export const DEFAULT_FENCE = 3;
export const DEFAULT_UNROLL = 2;

/** A share of the units of an Sᵀ·D kernel (rows of dW): [from, to). */
export type UnitWindow = readonly [from: number, to: number];

/**
 * A kernel's name from its kind and its spec with the defaults filled in (so equal kernels get
 * equal names, whichever defaults were spelled out): each field in the order given, numbers as
 * key + value, true as the key, strings as themselves, windows as key + from-to; false and
 * undefined leave nothing.
 */
export function specName(kind: string, resolved: Readonly<Record<string, number | boolean | string | UnitWindow | undefined>>): string {
  const parts = [kind];
  for (const [key, value] of Object.entries(resolved)) {
    if (value === undefined || value === false) continue;
    if (value === true) parts.push(key);
    else if (typeof value === "number") parts.push(`${key}${value}`);
    else if (typeof value === "string") parts.push(value);
    else parts.push(`${key}${value[0]}-${value[1]}`);
  }
  return parts.join("_");
}

/**
 * acc + a·b on f64x2: a multiply and an add (each rounded, the plain kernels' arithmetic), or with
 * `fma` one relaxed fused multiply-add (rounded once: different last bits, hence opt-in).
 */
export function mac(f: Fn, fma: boolean, acc: () => void, a: () => void, b: () => void): void {
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

/** Splits `vectors` into passes of at most `chunk`, as evenly as possible: [start, size] each. */
export function chunks(vectors: number, chunk: number): [number, number][] {
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

export interface TermSum {
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
export function sumOverTerms(o: TermSum): void {
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
    f.whileNot(
      () => {
        f.get(t).i32((o.unroll - 1) * stride).i32Add();
        o.end();
        f.i32GeS();
      },
      () => {
        for (let u = 0; u < o.unroll; u++) step(u, u === o.unroll - 1);
        f.bump(t, o.unroll * stride);
      },
    );
  }
  f.whileNot(
    () => {
      f.get(t);
      o.end();
      f.i32GeS();
    },
    () => {
      step(0, true);
      f.bump(t, stride);
    },
  );
}
