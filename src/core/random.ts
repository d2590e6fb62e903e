/**
 * Seeded random streams. Every random draw in Glassbox goes through a `Random`, so a seed
 * fixes the whole run. Two generators share the interface:
 * - `glassbox`: the project's own small, fast generator (sfc32);
 * - `numpy`: NumPy's legacy `np.random.seed(s)` stream, bit for bit (see numpy-mt19937.ts).
 */
import { NumpyRandom } from "./numpy-mt19937.ts";

export type RngName = "glassbox" | "numpy";
export const RNG_NAMES: readonly RngName[] = ["glassbox", "numpy"];

export interface Random {
  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number;
  /** Standard normal draw. */
  normal(): number;
  /** Integer uniform in [0, max], inclusive. */
  interval(max: number): number;
}

/** A uniform draw in [low, high): `low + (high − low)·u`, NumPy's formula. */
export function uniform(rng: Random, low: number, high: number): number {
  return low + (high - low) * rng.random();
}

/** `mean + std·z`, NumPy's `normal(loc, scale)`. */
export function gaussian(rng: Random, mean: number, std: number): number {
  return mean + std * rng.normal();
}

/** Fisher–Yates from the last element down, as NumPy's legacy `shuffle` does. */
export function shuffle<T>(rng: Random, items: { length: number; [i: number]: T }): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.interval(i);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/** A shuffled 0..n−1, as NumPy's `permutation(n)`. */
export function permutation(rng: Random, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  shuffle(rng, p);
  return p;
}

/** sfc32 (Chris Doty-Humphrey's small fast counter generator), seeded through splitmix32. */
export class GlassboxRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly gauss = new PolarGaussian();

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32(); // mix the state before first use
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  random(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  normal(): number {
    return this.gauss.next(this);
  }

  interval(max: number): number {
    return boundedByMask(() => this.nextUint32(), max);
  }
}

/**
 * Marsaglia's polar method exactly as NumPy's legacy `gauss`: draw two uniforms in (−1, 1) until
 * they fall inside the unit circle, return f·x₂ and keep f·x₁ for the next call.
 */
export class PolarGaussian {
  private cached = 0;
  private hasCached = false;

  next(source: { random(): number }): number {
    if (this.hasCached) {
      this.hasCached = false;
      return this.cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * source.random() - 1;
      x2 = 2 * source.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.cached = f * x1;
    this.hasCached = true;
    return f * x2;
  }
}

/** Rejection sampling under the smallest all-ones mask ≥ max (NumPy's `random_interval`). */
export function boundedByMask(next32: () => number, max: number): number {
  if (max === 0) return 0;
  if (max > 0xffffffff) throw new RangeError("interval above 2^32 − 1 is not supported");
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  mask >>>= 0;
  let v: number;
  do v = (next32() & mask) >>> 0;
  while (v > max);
  return v;
}

export function createRandom(name: RngName, seed: number): Random {
  return name === "numpy" ? new NumpyRandom(seed) : new GlassboxRandom(seed);
}
