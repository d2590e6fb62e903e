/**
 * The column-list Sᵀ·D kernel: dW (and db) through the row lists of S, with the sums in
 * registers, for relu layers wide enough (see ../plan/kernel-choice.ts).
 */
import { Fn, T } from "../emit.ts";
import { chunks, DEFAULT_CHUNK, DEFAULT_FENCE, DEFAULT_UNROLL, specName, sumOverTerms, type UnitWindow } from "./common.ts";

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

function resolve(s: AtbColsSpec): Required<AtbColsSpec> {
  return { m: s.m, k: s.k, block: s.block ?? ATB_BLOCK, chunk: s.chunk ?? DEFAULT_CHUNK, fence: s.fence ?? DEFAULT_FENCE, unroll: s.unroll ?? DEFAULT_UNROLL, window: s.window ?? [0, s.m], fma: s.fma ?? false };
}

export function atbColsKernelName(s: AtbColsSpec): string {
  return specName("atbc", resolve(s));
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
 * plain kernel's order. (Adding into out in memory term by term, as the row-list kernel does, is
 * held back by one store per vector per term.)
 * It also adds each unit's column sum of S (db) into sums[j] over the same lists: the terms it
 * skips are exact zeros. With a window, only the units [from, to).
 * Params: S, D, out, listS, n, scratch, sums (out and sums start at zero).
 */
export function atbColsKernel(spec: AtbColsSpec): Fn {
  const { m, k, block: B, chunk, fence, unroll, fma, window } = resolve(spec);
  const [j0, j1] = window;
  const f = new Fn(atbColsKernelName(spec), [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, LIST, N, SCR, SUMS] = f.paramList();
  const [b0, b1, i, j, t, tEnd, lRow, cAddr, c, lBase, lEnd, sCol, oRow, p, dRow] = f.locals(T.i32, 15);
  const sv = f.local(T.v128);
  const ss = f.local(T.f64);
  const sacc = f.local(T.f64);
  const vtail = f.local(T.v128);
  const bsum = f.local(T.f64);
  const bAddr = f.local(T.i32);
  const tail = (k & 1) === 1;
  const passes = chunks(k >> 1, chunk);
  const acc = f.locals(T.v128, Math.max(...passes.map((q) => q[1])));
  const fences = { count: 0 };
  if (j1 <= j0) return f;
  // scratch: counts (m i32) then each unit's list (B i32 per unit)
  const lists = 4 * m;
  f.i32(0).set(b0);
  f.whileNot(() => f.get(b0).get(N).i32GeS(), () => {
    f.get(b0).i32(B).i32Add().tee(b1).get(N).get(b1).get(N).i32LtS().select().set(b1);
    // counts of the window's units to zero
    f.get(SCR).i32(4 * j0).i32Add().i32(0).i32(4 * (j1 - j0)).memoryFill();
    // the block's samples into the units' lists
    f.forUp(i, () => f.get(b0), () => f.get(b1), () => {
      // t: the row's first entry, tEnd: past its last (byte addresses)
      f.addr(LIST, i, (m + 1) * 4).tee(lRow).i32(4).i32Add().set(t);
      f.get(lRow).get(lRow).i32Load().i32(2).i32Shl().i32Add().i32(4).i32Add().set(tEnd);
      f.until(t, () => f.get(tEnd), () => {
        // j = list[t]; lists[j][count[j]++] = i
        f.get(t).i32Load().set(j);
        // (the list is in increasing j: skip up to the window, stop past it)
        if (j0 > 0) f.get(j).i32(j0).i32LtS().if(() => f.bump(t, 4).br(1));
        if (j1 < m) f.get(j).i32(j1).i32GeS().brIf(1);
        f.elem(SCR, j, 2).tee(cAddr).i32Load().set(c);
        f.addr(SCR, j, B * 4).get(c).i32(2).i32Shl().i32Add().get(i).i32Store(lists);
        f.get(cAddr).get(c).i32(1).i32Add().i32Store();
      }, { step: 4, unsigned: true });
    });
    // each unit's sums over its list
    f.forUp(j, j0, j1, () => {
      f.addr(SCR, j, B * 4).i32(lists).i32Add().tee(lBase);
      f.elem(SCR, j, 2).i32Load().i32(2).i32Shl().i32Add().set(lEnd);
      f.elem(S, j, 3).set(sCol);
      f.setAddr(oRow, O, j, k * 8);
      f.get(lBase).get(lEnd).i32Ne().if(() => {
        passes.forEach(([start, size], passIndex) => {
          const withTail = tail && passIndex === passes.length - 1;
          const sums = passIndex === 0;
          if (sums) f.elem(SUMS, j, 3).tee(bAddr).f64Load().set(bsum);
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
            dRowOf: () => f.addr(D, p, k * 8),
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
    });
    f.get(b1).set(b0);
  });
  return f;
}
