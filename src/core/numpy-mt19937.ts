/**
 * NumPy's legacy RandomState stream (`np.random.seed(s)`): MT19937 seeded with init_genrand,
 * `random_sample` from two 32-bit words (27 + 26 bits), and `randn` by the legacy polar method,
 * which caches the second value of each pair. Reproduces the Python walkthroughs' draws exactly.
 */
import { boundedByMask, PolarGaussian, type Random } from "./random.ts";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class NumpyRandom implements Random {
  private readonly mt = new Uint32Array(N);
  private index = N;
  private readonly gauss = new PolarGaussian();

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`numpy seed must be an integer in 0..2^32−1, got ${seed}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 · prev + i, modulo 2^32, split to stay exact in doubles.
      mt[i] = (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & UPPER) | (mt[(i + 1) % N] & LOWER);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }

  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  normal(): number {
    return this.gauss.next(this);
  }

  interval(max: number): number {
    return boundedByMask(() => this.nextUint32(), max);
  }
}
