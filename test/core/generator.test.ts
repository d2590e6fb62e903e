/**
 * The WebAssembly generator's structure (src/core/wasm): the text printer, the instruction table
 * (every instruction in it is one some kernel emits), kernel names from specs, the fused-activation
 * tables, and the one layout that a plan's constructor and `MlpPlan.bytes` both read.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Fn, OPS, T, type OpName } from "../../src/core/wasm/emit.ts";
import { atbColsKernel, atbKernel, atbKernelName, atbRowsKernel, colSumsKernel, FUSED_ACTIVATIONS, ROW_EPILOGUES, rowKernel, rowKernelName, transposeKernel, type RowEpilogue } from "../../src/core/wasm/kernels/index.ts";
import { fastKernelsAvailable, MlpPlan, planLayout, type PlanLayer } from "../../src/core/wasm/mlp.ts";
import { toWat } from "../../src/core/wasm/wat.ts";

describe("toWat", () => {
  it("prints a small function as WebAssembly text, nested by its blocks", () => {
    const f = new Fn("sum", [T.i32, T.i32], [T.f64]);
    const [X, N] = f.paramList();
    const i = f.local(T.i32);
    const s = f.local(T.f64);
    f.f64(0).set(s);
    f.forUp(i, 0, () => f.get(N), () => f.get(s).elem(X, i, 3).f64Load(8).f64Add().set(s));
    f.get(s);
    expect(toWat(f)).toBe(
      [
        "(func $sum (param $p0 i32) (param $p1 i32) (result f64)",
        "  (local $l2 i32)",
        "  (local $l3 f64)",
        "  f64.const 0",
        "  local.set $l3",
        "  i32.const 0",
        "  local.set $l2",
        "  block",
        "    loop",
        "      local.get $l2",
        "      local.get $p1",
        "      i32.ge_s",
        "      br_if 1",
        "      local.get $l3",
        "      local.get $p0",
        "      local.get $l2",
        "      i32.const 3",
        "      i32.shl",
        "      i32.add",
        "      f64.load offset=8",
        "      f64.add",
        "      local.set $l3",
        "      local.get $l2",
        "      i32.const 1",
        "      i32.add",
        "      local.set $l2",
        "      br 0",
        "    end",
        "  end",
        "  local.get $l3",
        ")",
      ].join("\n"),
    );
  });

  it("decodes SIMD instructions with their immediates (multi-byte opcodes, lanes, 64-bit constants)", () => {
    const f = new Fn("simd", [T.i32], []);
    f.get(0).get(0).v128Load(32).get(0).v128Load64Splat().f64x2Mul().f64x2ExtractLane(1).f64Store(16);
    f.get(0).i64(-5n).i64Store();
    f.get(0).v128Zero().i64x2Bitmask().i32Store(4);
    const text = toWat(f);
    for (const line of ["v128.load offset=32", "v128.load64_splat", "f64x2.mul", "f64x2.extract_lane 1", "f64.store offset=16", "i64.const -5", "v128.const i64x2 0 0", "i64x2.bitmask", "i32.store offset=4"]) {
      expect(text).toContain(`  ${line}\n`);
    }
  });
});

/** Instruction names in a printed function. */
function opsIn(text: string): Set<string> {
  return new Set(text.split("\n").slice(1, -1).map((l) => l.trim().split(" ")[0]).filter((w) => w !== "(local"));
}

describe("the instruction table", () => {
  it("holds only instructions the kernels emit, and every kernel prints", () => {
    const seen = new Set<string>();
    const kernels: Fn[] = [transposeKernel(), colSumsKernel(5), colSumsKernel(4, undefined, true)];
    for (const epilogue of Object.keys(ROW_EPILOGUES) as RowEpilogue[]) {
      for (const fma of [false, true]) kernels.push(rowKernel({ k: 5, w: 7, sparse: true, bias: true, epilogue, fma }), rowKernel({ k: 3, w: 1, sparse: false, bias: false, epilogue }));
    }
    kernels.push(atbKernel({ m: 5, k: 7, accumulate: true }), atbKernel({ m: 4, k: 3, fma: true }), atbRowsKernel(5, 7, undefined, [1, 4]), atbRowsKernel(5, 7, undefined, [2, 5]), atbColsKernel({ m: 6, k: 7, window: [2, 4] }));
    for (const f of kernels) for (const op of opsIn(toWat(f))) seen.add(op);
    // the platform probe (arena.ts) is the one other user: a splat
    seen.add("f64x2.splat");
    const unused = (Object.keys(OPS) as OpName[]).filter((op) => !seen.has(op));
    expect(unused).toEqual([]);
  });
});

describe("kernel names", () => {
  it("are derived from the spec with its defaults filled in: equal kernels, equal names; different kernels, different names", () => {
    expect(rowKernelName({ k: 2, w: 25, sparse: false, bias: true, epilogue: "relu" })).toBe(rowKernelName({ k: 2, w: 25, sparse: false, bias: true, epilogue: "relu", chunk: 9, fence: 3, unroll: 2, keepSum: true, fma: false }));
    // keepSum means nothing without a second output
    expect(rowKernelName({ k: 2, w: 3, sparse: false, bias: false, epilogue: "store", keepSum: false })).toBe(rowKernelName({ k: 2, w: 3, sparse: false, bias: false, epilogue: "store" }));
    expect(atbKernelName({ m: 4, k: 6 })).toBe(atbKernelName({ m: 4, k: 6, units: [0, 4], rows: 4, vecs: 2 }));
    const names = new Set<string>();
    let count = 0;
    for (const sparse of [false, true]) {
      for (const epilogue of Object.keys(ROW_EPILOGUES) as RowEpilogue[]) {
        for (const keepSum of [true, false]) {
          if (!keepSum && !ROW_EPILOGUES[epilogue].second) continue;
          for (const [k, w] of [[12, 3], [1, 23], [2, 3]]) {
            const spec = { k, w, sparse, bias: !sparse, epilogue, keepSum };
            names.add(rowKernelName(spec));
            expect(rowKernel(spec).name).toBe(rowKernelName(spec));
            count++;
          }
        }
      }
    }
    expect(names.size).toBe(count);
  });
});

describe("fused activations", () => {
  it("name epilogues of the row kernel's table: the forward one writes the row lists, the backward one reads the mask", () => {
    for (const [name, fused] of Object.entries(FUSED_ACTIVATIONS)) {
      expect(ROW_EPILOGUES[fused.forward], name).toBeDefined();
      expect(ROW_EPILOGUES[fused.backward], name).toBeDefined();
      expect(ROW_EPILOGUES[fused.forward].second, name).toBe(true);
      expect(ROW_EPILOGUES[fused.backward].readsMask, name).toBe(true);
    }
  });

  it("decide the layout: row lists for hidden fused layers only", () => {
    const named = planLayout([{ inputSize: 2, units: 5, activation: "relu" }, { inputSize: 5, units: 4, activation: "tanh" }, { inputSize: 4, units: 1, activation: "relu" }], 10);
    expect(named.layers.map((l) => l.list.bytes > 0)).toEqual([true, false, false]);
    // dWᵀ room above a listed layer only
    expect(named.layers.map((l) => l.gWt.bytes > 0)).toEqual([false, true, false]);
  });
});

const layerArb = fc.array(fc.record({ units: fc.integer({ min: 1, max: 70 }), activation: fc.constantFrom("relu", "tanh", "sigmoid") }), { minLength: 1, maxLength: 5 });

describe("the plan's layout", () => {
  it("places every buffer in its block, on its own 64-byte lines, none overlapping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), layerArb, fc.integer({ min: 1, max: 500 }), (inputs, specs, n) => {
        const layers: PlanLayer[] = specs.map((s, i) => ({ inputSize: i === 0 ? inputs : specs[i - 1].units, ...s }));
        const layout = planLayout(layers, n);
        expect(MlpPlan.bytes(layers, n)).toBe(layout.bytes);
        let end = 0;
        for (const r of layout.regions) {
          expect(r.offset % 64, r.name).toBe(0);
          expect(r.offset, r.name).toBeGreaterThanOrEqual(end);
          end = r.offset + r.bytes;
        }
        expect(end).toBeLessThanOrEqual(layout.bytes);
        // what the kernels write: n rows × units doubles for Z, A, dZ, dA; the lists n × (units + 1) ints
        layers.forEach((l, i) => {
          for (const key of ["Z", "A", "dZ", "dA"] as const) expect(layout.layers[i][key].bytes).toBe(8 * n * l.units);
          if (layout.layers[i].list.bytes > 0) expect(layout.layers[i].list.bytes).toBe(4 * n * (l.units + 1));
        });
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!fastKernelsAvailable())("is the one a plan's buffers are made from (a change to one is a change to both)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), layerArb, fc.integer({ min: 8, max: 300 }), fc.boolean(), (inputs, specs, n, lean) => {
        const layers: PlanLayer[] = specs.map((s, i) => ({ inputSize: i === 0 ? inputs : specs[i - 1].units, ...s }));
        const plan = MlpPlan.create(layers, n, lean);
        if (!plan) return; // too small for the fast kernels
        try {
          const { layout, blockOffset } = plan;
          expect(layout).toEqual(planLayout(layers, n));
          const inside = (view: Float64Array, region: { offset: number; bytes: number }, what: string): void => {
            expect(view.byteOffset - blockOffset, what).toBe(region.offset);
            expect(view.byteLength, what).toBe(region.bytes);
            expect(region.offset + region.bytes, what).toBeLessThanOrEqual(layout.bytes);
          };
          inside(plan.grad, layout.grad, "grad");
          layers.forEach((_, i) => {
            for (const key of ["Z", "A", "dZ", "dA"] as const) inside(plan[key][i], layout.layers[i][key], `${key}${i}`);
          });
        } finally {
          plan.free();
        }
      }),
      { numRuns: 25 },
    );
  });
});
