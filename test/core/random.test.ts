import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NumpyRandom } from "../../src/core/numpy-mt19937.ts";
import { GlassboxRandom, gaussian, permutation, uniform } from "../../src/core/random.ts";
import { fixture } from "../helpers.ts";

interface Stream { seed: number; rand: number[]; randn: number[]; uniform: number[]; permutation: number[]; mixed: number[] }
const ref = fixture<{ seeds: Stream[] }>("numpy-rng.json");

// V8's Math.log may differ from glibc's by one unit in the last place, so Gaussian draws are
// compared to 1 ulp (relative 4.5e-16); uniform draws and permutations are exact.
const ULP = 4.5e-16;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(ULP * Math.max(1, Math.abs(b)));

describe("NumPy's legacy stream", () => {
  it("gives the documented first values", () => {
    expect(new NumpyRandom(0).random()).toBe(0.5488135039273248);
    close(new NumpyRandom(0).normal(), 1.764052345967664);
    close(new NumpyRandom(2).normal(), -0.4167578474054706);
  });

  for (const s of ref.seeds) {
    it(`matches np.random.seed(${s.seed}) draw for draw`, () => {
      let r = new NumpyRandom(s.seed);
      expect(s.rand.map(() => r.random())).toEqual(s.rand);
      r = new NumpyRandom(s.seed);
      s.randn.forEach((v) => close(r.normal(), v));
      r = new NumpyRandom(s.seed);
      expect(s.uniform.map(() => uniform(r, -3, 5))).toEqual(s.uniform);
      r = new NumpyRandom(s.seed);
      expect(Array.from(permutation(r, s.permutation.length))).toEqual(s.permutation);
      // randn(3), rand(2), randn(1), normal(1.5, 0.2, 3): the cached second Gaussian survives uniform draws.
      r = new NumpyRandom(s.seed);
      const mixed = [r.normal(), r.normal(), r.normal(), r.random(), r.random(), r.normal(), gaussian(r, 1.5, 0.2), gaussian(r, 1.5, 0.2), gaussian(r, 1.5, 0.2)];
      mixed.forEach((v, i) => close(v, s.mixed[i]));
    });
  }

  it("rejects seeds NumPy rejects", () => {
    expect(() => new NumpyRandom(-1)).toThrow(/seed/);
    expect(() => new NumpyRandom(2 ** 32)).toThrow(/seed/);
  });
});

describe("Glassbox's own generator", () => {
  it("is reproducible per seed and differs between seeds", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const a = new GlassboxRandom(seed);
        const b = new GlassboxRandom(seed);
        const c = new GlassboxRandom(seed + 1);
        const xs = Array.from({ length: 8 }, () => a.random());
        expect(Array.from({ length: 8 }, () => b.random())).toEqual(xs);
        expect(Array.from({ length: 8 }, () => c.random())).not.toEqual(xs);
        for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it("draws uniforms and normals with the right moments", () => {
    const r = new GlassboxRandom(123);
    const n = 200_000;
    let su = 0, sz = 0, szz = 0;
    for (let i = 0; i < n; i++) {
      su += r.random();
      const z = r.normal();
      sz += z;
      szz += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sz / n).toBeCloseTo(0, 2);
    expect(szz / n).toBeCloseTo(1, 1);
  });

  it("permutes: every index once", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.integer({ min: 1, max: 300 }), (seed, n) => {
        const p = Array.from(permutation(new GlassboxRandom(seed), n)).sort((a, b) => a - b);
        expect(p).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });
});
