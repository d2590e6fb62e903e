/**
 * The generated WebAssembly kernels (src/core/wasm/) against the plain kernels, bit for bit, on
 * random shapes (odd widths, widths 1 and 2, many exact zeros), and the arena they run in. The
 * whole fast pass is in fast-pass.test.ts, its workspaces in wasm-workspaces.test.ts.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GlassboxRandom } from "../../src/core/random.ts";
import { columnSums, matmulAB, matmulABt, matmulAtB } from "../../src/core/kernels.ts";
import { arena } from "../../src/core/wasm/arena.ts";
import { compileKernels } from "../../src/core/wasm/compile.ts";
import { atbColsKernel, atbColsKernelName, atbColsScratchBytes, atbKernel, atbKernelName, atbRowsKernel, atbRowsKernelName, colSumsKernel, colSumsKernelName, rowKernel, rowKernelName, rowListBytes, TRANSPOSE, transposeKernel, type RowEpilogue } from "../../src/core/wasm/kernels/index.ts";
import { fastKernelsAvailable } from "../../src/core/wasm/mlp.ts";
import { installNodeEngine } from "../../src/node-engine.ts";
import { identical } from "./bitwise.ts";
import { shapeFields } from "./random-cases.ts";

installNodeEngine(); // the helper thread and relaxed SIMD, as the Node entry points have them
const mem = arena();
const available = fastKernelsAvailable();

function values(rng: GlassboxRandom, length: number, zeros: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.random() < zeros ? 0 : rng.normal() * 2;
  return out;
}

/** Copies arrays into one fresh arena block; returns their byte offsets and live views. */
function place(arrays: (Float64Array | Int32Array)[]): { offsets: number[]; views: (Float64Array | Int32Array)[] } {
  const a = mem!;
  let bytes = 0;
  for (const x of arrays) bytes += Math.ceil((x.length * x.BYTES_PER_ELEMENT) / 16) * 16 + 16;
  const block = a.alloc(bytes);
  const offsets: number[] = [];
  const views: (Float64Array | Int32Array)[] = [];
  let at = block.offset;
  for (const x of arrays) {
    const v = x instanceof Float64Array ? new Float64Array(a.buffer, at, x.length) : new Int32Array(a.buffer, at, x.length);
    a.track(block, v);
    v.set(x as never);
    offsets.push(at);
    views.push(v);
    at += Math.ceil((x.length * x.BYTES_PER_ELEMENT) / 16) * 16 + 16;
  }
  return { offsets, views };
}

/** Row lists of S (n×k): per row [count, indices of nonzero entries]. */
function rowLists(S: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(rowListBytes(n, k) / 4);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let p = 0; p < k; p++) if (S[i * k + p] !== 0) out[i * (k + 1) + 1 + c++] = p;
    out[i * (k + 1)] = c;
  }
  return out;
}

const kernelShape = fc.record({
  ...shapeFields({ n: [0, 9], k: [1, 31], w: [1, 31] }, [0, 0.5, 0.9, 1]),
  sparse: fc.boolean(),
  bias: fc.boolean(),
  epilogue: fc.constantFrom<RowEpilogue>("store", "relu", "mask"),
  chunk: fc.constantFrom(1, 3, 5, 12),
  fence: fc.constantFrom(0, 2, 4),
});

describe.skipIf(!available)("generated WebAssembly kernels", () => {
  it("row kernel = matmulABt / matmulAB + bias, relu, relu mask and row lists", () => {
    fc.assert(
      fc.property(kernelShape, ({ n, k, w, zeros, seed, sparse, bias, epilogue, chunk, fence }) => {
        const rng = new GlassboxRandom(seed);
        const S = values(rng, n * k, zeros);
        const D = values(rng, k * w, 0.2);
        const b = values(rng, w, 0.2);
        const maskZ = values(rng, n * w, 0.3);
        const spec = { k, w, sparse, bias, epilogue, chunk, fence };
        const [kernel] = compileKernels(mem!, [[rowKernelName(spec), () => rowKernel(spec)]]);
        const {
          offsets: [oS, oD, oB, o1, o2, oM, oLin, oLout],
          views: [, , , out1, out2, , , lout],
        } = place([S, D, b, new Float64Array(n * w).fill(NaN), new Float64Array(n * w).fill(NaN), maskZ, rowLists(S, n, k), new Int32Array(rowListBytes(n, w) / 4)]);
        kernel(oS, oD, oB, o1, o2, oM, oLin, oLout, n);

        const sum = new Float64Array(n * w);
        matmulAB(S, D, sum, n, k, w);
        if (bias) for (let i = 0; i < n * w; i++) sum[i] += b[i % w];
        identical(out1 as Float64Array, sum, "sum");
        if (epilogue === "relu") {
          const A = sum.map((z) => (z > 0 ? z : 0));
          identical(out2 as Float64Array, A, "relu");
          // Entries past each row's count are scratch.
          const expected = rowLists(A, n, w);
          for (let i = 0; i < n; i++) {
            const at = i * (w + 1);
            const count = expected[at];
            expect(Array.from(lout.subarray(at, at + 1 + count))).toEqual(Array.from(expected.subarray(at, at + 1 + count)));
          }
        }
        if (epilogue === "mask") identical(out2 as Float64Array, sum.map((v, i) => (maskZ[i] > 0 ? v : 0)), "mask");
      }),
      { numRuns: 400 },
    );
  });

  it("row kernel with Wᵀ equals matmulABt (the forward pass)", () => {
    fc.assert(
      fc.property(kernelShape, ({ n, k, w, zeros, seed, chunk }) => {
        const rng = new GlassboxRandom(seed);
        const A = values(rng, n * k, zeros);
        const W = values(rng, w * k, 0.1);
        const Wt = new Float64Array(k * w);
        const spec = { k, w, sparse: true, bias: false, epilogue: "store" as const, chunk };
        const [kernel, transpose] = compileKernels(mem!, [
          [rowKernelName(spec), () => rowKernel(spec)],
          [TRANSPOSE, transposeKernel],
        ]);
        const {
          offsets: [oA, oW, oWt, oZ, oL],
          views: [, , vWt, vZ],
        } = place([A, W, Wt, new Float64Array(n * w), rowLists(A, n, k)]);
        transpose(oW, oWt, w, k);
        const refWt = new Float64Array(k * w);
        for (let j = 0; j < w; j++) for (let p = 0; p < k; p++) refWt[p * w + j] = W[j * k + p];
        identical(vWt as Float64Array, refWt, "transpose");
        kernel(oA, oWt, 0, oZ, 0, 0, oL, 0, n);
        const Z = new Float64Array(n * w);
        matmulABt(A, W, Z, n, k, w);
        identical(vZ as Float64Array, Z, "Z");
      }),
      { numRuns: 200 },
    );
  });

  it("Sᵀ·D kernels (dense tiles and row lists, whole or in two unit windows) and column sums equal matmulAtB / columnSums", () => {
    fc.assert(
      fc.property(kernelShape, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), ({ n, k, w, zeros, seed, chunk }, rows, vecs, cut) => {
        const rng = new GlassboxRandom(seed);
        const S = values(rng, n * k, zeros); // n × m with m = k
        const D = values(rng, n * w, 0.3);
        const h = Math.min(k, cut); // the listed kernel's windows: units [0, h) and [h, k)
        const hd = Math.min(k, 2 * (cut >> 1)); // the dense kernel's: an even split
        const spec = { m: k, k: w, rows, vecs };
        const specA = { ...spec, units: [0, hd] as const };
        const specB = { ...spec, units: [hd, k] as const };
        const [dense, denseA, denseB, listed, listedA, listedB, sums] = compileKernels(mem!, [
          [atbKernelName(spec), () => atbKernel(spec)],
          [atbKernelName(specA), () => atbKernel(specA)],
          [atbKernelName(specB), () => atbKernel(specB)],
          [atbRowsKernelName(k, w, chunk), () => atbRowsKernel(k, w, chunk)],
          [atbRowsKernelName(k, w, chunk, [0, h]), () => atbRowsKernel(k, w, chunk, [0, h])],
          [atbRowsKernelName(k, w, chunk, [h, k]), () => atbRowsKernel(k, w, chunk, [h, k])],
          [colSumsKernelName(k), () => colSumsKernel(k)],
        ]);
        const {
          offsets: [oS, oD, oO1, oO2, oO3, oO4, oL, oC],
          views: [, , out1, out2, out3, out4, , cs],
        } = place([S, D, new Float64Array(k * w).fill(NaN), new Float64Array(k * w).fill(NaN), new Float64Array(k * w), new Float64Array(k * w), rowLists(S, n, k), new Float64Array(k).fill(NaN)]);
        dense(oS, oD, oO1, n);
        denseB(oS, oD, oO2, n);
        denseA(oS, oD, oO2, n);
        listed(oS, oD, oO3, oL, n); // the listed kernels add into a zeroed dW
        listedB(oS, oD, oO4, oL, n);
        listedA(oS, oD, oO4, oL, n);
        sums(oS, oC, n);
        const ref = new Float64Array(k * w);
        matmulAtB(S, D, ref, n, k, w);
        identical(out1 as Float64Array, ref, "dense");
        identical(out2 as Float64Array, ref, "dense, two windows");
        identical(out3 as Float64Array, ref, "listed");
        identical(out4 as Float64Array, ref, "listed, two windows");
        const refSums = new Float64Array(k);
        columnSums(S, refSums, n, k);
        identical(cs as Float64Array, refSums, "column sums");
      }),
      { numRuns: 300 },
    );
  });

  it("the column-list Sᵀ·D kernel (blocks of samples, whole or in two unit windows) equals matmulAtB and columnSums", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom(0, 0.5, 0.9, 1),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.record({ block: fc.integer({ min: 1, max: 40 }), chunk: fc.constantFrom(1, 3, 5, 12), fence: fc.constantFrom(0, 2, 4), unroll: fc.integer({ min: 1, max: 3 }) }),
        fc.integer({ min: 0, max: 40 }),
        (n, m, k, zeros, seed, tuning, cut) => {
          const rng = new GlassboxRandom(seed);
          const S = values(rng, n * m, zeros);
          const D = values(rng, n * k, 0.3);
          const h = Math.min(m, cut);
          const whole = { m, k, ...tuning };
          const a = { ...whole, window: [0, h] as const };
          const b = { ...whole, window: [h, m] as const };
          const [full, first, second] = compileKernels(mem!, [whole, a, b].map((spec) => [atbColsKernelName(spec), () => atbColsKernel(spec)] as const));
          const scratch = new Int32Array(atbColsScratchBytes(m, tuning.block) / 4).fill(-1);
          const {
            offsets: [oS, oD, oO1, oO2, oL, oScr, oB1, oB2],
            views: [, , out1, out2, , , sums1, sums2],
          } = place([S, D, new Float64Array(m * k), new Float64Array(m * k), rowLists(S, n, m), scratch, new Float64Array(m), new Float64Array(m)]);
          full(oS, oD, oO1, oL, n, oScr, oB1);
          second(oS, oD, oO2, oL, n, oScr, oB2);
          first(oS, oD, oO2, oL, n, oScr, oB2);
          const ref = new Float64Array(m * k);
          matmulAtB(S, D, ref, n, m, k);
          identical(out1 as Float64Array, ref, "column lists");
          identical(out2 as Float64Array, ref, "column lists, two windows");
          const refSums = new Float64Array(m);
          columnSums(S, refSums, n, m);
          identical(sums1 as Float64Array, refSums, "column sums");
          identical(sums2 as Float64Array, refSums, "column sums, two windows");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("blocks are zeroed when reused", () => {
    const a = mem!;
    const block = a.alloc(1024);
    new Uint8Array(a.buffer, block.offset, 1024).fill(7);
    a.release(block);
    const again = a.alloc(1024);
    expect(again.offset).toBe(block.offset);
    expect(new Uint8Array(a.buffer, again.offset, 1024).every((b) => b === 0)).toBe(true);
    a.release(again);
  });

  it("views made before the memory grows stay valid", () => {
    const a = mem!;
    const block = a.alloc(64);
    const early = a.f64(block, 0, 8);
    early.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const before = a.buffer.byteLength;
    const big = a.alloc(before + 65536); // forces growth
    const late = a.f64(big, 0, 4);
    late.fill(9);
    expect(a.buffer.byteLength).toBeGreaterThan(before);
    expect(Array.from(early)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(late)).toEqual([9, 9, 9, 9]);
  });
});
