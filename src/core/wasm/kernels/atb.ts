/**
 * The dense Sᵀ·D kernel (dW of a layer with no row lists on either side): register tiles over
 * every sample, each cell summed over i = 0..n−1 in order.
 */
import { Fn, T, type Local } from "../emit.ts";
import { mac, specName } from "./common.ts";

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

function resolve(s: AtBSpec): Required<AtBSpec> {
  return { m: s.m, k: s.k, rows: s.rows ?? 4, vecs: s.vecs ?? 2, units: s.units ?? [0, s.m], fma: s.fma ?? false, accumulate: s.accumulate ?? false };
}

export function atbKernelName(s: AtBSpec): string {
  return specName("atb", resolve(s));
}

/**
 * out(m×k) = Sᵀ·D (with `accumulate`, continuing from out's values: blocks of a batch in turn
 * give the sums of the whole batch). Params: S, D, out, n (i32). The odd last column of D, if
 * any, is done across units instead.
 */
export function atbKernel(spec: AtBSpec): Fn {
  const { m, k, rows: R, vecs: V, fma, accumulate, units } = resolve(spec);
  const [u0, u1] = units;
  if (u0 < 0 || u1 > m || u0 > u1) throw new RangeError(`bad unit window ${u0}..${u1}`);
  const f = new Fn(atbKernelName(spec), [T.i32, T.i32, T.i32, T.i32], []);
  const [S, D, O, N] = f.paramList();
  const [i, sp, dp] = f.locals(T.i32, 3);
  const splats = f.locals(T.v128, R);
  const dv = f.locals(T.v128, V);
  const acc: Local[][] = [];
  for (let r = 0; r < R; r++) acc.push(f.locals(T.v128, V));
  const vectors = k >> 1;
  /** Over the samples: sp along S's rows, dp along D's. */
  const overSamples = (body: () => void): void => void f.forUp(i, 0, () => f.get(N), body, { bump: [[sp, m * 8], [dp, k * 8]] });

  // Tiles over (units j0..j0+r) × (vectors c0..c0+v).
  for (let j0 = u0; j0 < u1; j0 += R) {
    const r = Math.min(R, u1 - j0);
    for (let c0 = 0; c0 < vectors; c0 += V) {
      const nv = Math.min(V, vectors - c0);
      const cell = (a: number, v: number): number => ((j0 + a) * k + (c0 + v) * 2) * 8;
      for (let a = 0; a < r; a++) {
        for (let v = 0; v < nv; v++) {
          if (accumulate) f.get(O).v128Load(cell(a, v));
          else f.v128Zero();
          f.set(acc[a][v]);
        }
      }
      f.get(S).i32(j0 * 8).i32Add().set(sp);
      f.get(D).i32(c0 * 16).i32Add().set(dp);
      overSamples(() => {
        for (let a = 0; a < r; a++) f.get(sp).v128Load64Splat(a * 8).set(splats[a]);
        for (let v = 0; v < nv; v++) f.get(dp).v128Load(v * 16).set(dv[v]);
        for (let a = 0; a < r; a++) {
          for (let v = 0; v < nv; v++) {
            mac(f, fma, () => f.get(acc[a][v]), () => f.get(splats[a]), () => f.get(dv[v]));
            f.set(acc[a][v]);
          }
        }
      });
      for (let a = 0; a < r; a++) for (let v = 0; v < nv; v++) f.get(O).get(acc[a][v]).v128Store(cell(a, v));
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
      overSamples(() => {
        f.get(dp).v128Load64Splat().set(splats[0]);
        for (let u = 0; u < nu; u++) {
          mac(f, fma, () => f.get(flat[u]), () => f.get(sp).v128Load(u * 16), () => f.get(splats[0]));
          f.set(flat[u]);
        }
      });
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
      overSamples(() => f.get(s).get(sp).f64Load().get(dp).f64Load().f64Mul().f64Add().set(s));
      f.get(O).get(s).f64Store((j * k + col) * 8);
    }
  }
  return f;
}
