/**
 * The row-list Sᵀ·D kernel: dW through the row lists of S, adding into dW in memory term by term
 * (for relu layers where neither side is wide enough for the column-list kernel, ./atb-cols.ts).
 */
import { Fn, T } from "../emit.ts";
import { chunks, mac, specName, type UnitWindow } from "./common.ts";

export const ATB_CHUNK = 12;

export function atbRowsKernelName(m: number, k: number, chunk = ATB_CHUNK, window?: UnitWindow, fma = false): string {
  return specName("atbr", { m, k, chunk, window: window ?? [0, m], fma });
}

/**
 * out(m×k) += Sᵀ·D like the dense kernel (out must start at zero), in the plain kernel's own
 * order: for each sample i, for each unit j in row i's list of S, out[j, :] += S[i, j]·D[i, :].
 * out stays in cache (m×k), D's row i is held in registers a few vectors at a time.
 * With a window, only the units [from, to) (another thread does the others: rows of out apart).
 * Params: S, D, out, listS, n.
 */
export function atbRowsKernel(m: number, k: number, chunk = ATB_CHUNK, window?: UnitWindow, fma = false): Fn {
  const [j0, j1] = window ?? [0, m];
  const f = new Fn(atbRowsKernelName(m, k, chunk, window, fma), [T.i32, T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, LIST, N] = f.paramList();
  const [i, t, t0, cnt, lRow, sRow, dRow, oRow, q] = f.locals(T.i32, 9);
  const sv = f.local(T.v128);
  const tail = (k & 1) === 1;
  const passes = chunks(k >> 1, chunk);
  const a = f.locals(T.v128, chunk);
  const as = f.local(T.f64);
  const ss = f.local(T.f64);
  if (j1 <= j0) return f;
  f.forUp(i, 0, () => f.get(N), () => {
    // lRow: the row's first entry; cnt: just past its last (byte addresses)
    f.addr(LIST, i, (m + 1) * 4).tee(lRow).get(lRow).i32Load().i32(2).i32Shl().i32Add().i32(4).i32Add().set(cnt);
    f.bump(lRow, 4);
    f.setAddr(sRow, S, i, m * 8);
    f.setAddr(dRow, D, i, k * 8);
    // The row's list is in increasing j: the window is one stretch of it, [t0, cnt). Each end is
    // found by walking in from its own side, so a thread only reads its own entries.
    f.get(lRow).set(t0);
    if (j0 > 0 && j1 === m) {
      f.get(cnt).set(t0);
      f.whileNot(
        () => f.get(t0).get(lRow).i32Eq(),
        () => {
          f.get(t0).i32(4).i32Sub().i32Load().i32(j0).i32LtS().brIf(1);
          f.get(t0).i32(4).i32Sub().set(t0);
        },
      );
    } else if (j0 > 0) {
      f.until(t0, () => f.get(cnt), () => f.get(t0).i32Load().i32(j0).i32GeS().brIf(1), { step: 4, unsigned: true });
    }
    if (j1 < m) {
      f.get(t0).set(t);
      f.until(t, () => f.get(cnt), () => f.get(t).i32Load().i32(j1).i32GeS().brIf(1), { step: 4, unsigned: true });
      f.get(t).set(cnt);
    }
    passes.forEach(([start, size], passIndex) => {
      const withTail = tail && passIndex === passes.length - 1;
      for (let v = 0; v < size; v++) f.get(dRow).v128Load((start + v) * 16).set(a[v]);
      if (withTail) f.get(dRow).f64Load((k - 1) * 8).set(as);
      f.get(t0).set(t);
      f.until(t, () => f.get(cnt), () => {
        f.get(t).i32Load().set(q);
        f.elem(sRow, q, 3);
        if (size > 0) f.v128Load64Splat().set(sv);
        else f.f64Load().set(ss);
        f.setAddr(oRow, O, q, k * 8);
        for (let v = 0; v < size; v++) {
          f.get(oRow);
          mac(f, fma, () => f.get(oRow).v128Load((start + v) * 16), () => f.get(sv), () => f.get(a[v]));
          f.v128Store((start + v) * 16);
        }
        if (withTail) {
          if (size > 0) f.get(sv).f64x2ExtractLane(0).set(ss);
          f.get(oRow).get(oRow).f64Load((k - 1) * 8).get(ss).get(as).f64Mul().f64Add().f64Store((k - 1) * 8);
        }
      }, { step: 4, unsigned: true });
    });
  });
  return f;
}
