/**
 * The core's Float64 peak as WebAssembly can use it: independent f64x2 multiply-adds on values
 * already in registers (no FMA in WebAssembly 2.0, so a multiply and an add per pair of lanes).
 * Native code with FMA can reach about twice this on AVX2 cores.
 */
import { arena } from "../core/wasm/arena.ts";
import { compileKernels } from "../core/wasm/compile.ts";
import { Fn, T } from "../core/wasm/emit.ts";

function peakKernel(): Fn {
  const f = new Fn("bench_peak_f64x2", [T.i32, T.i32], []);
  const i = f.local(T.i32);
  const accs = Array.from({ length: 10 }, () => f.local(T.v128));
  const x = f.local(T.v128);
  f.get(0).v128Load64Splat().set(x);
  for (const acc of accs) f.v128Zero().set(acc);
  f.i32(0).set(i);
  f.block(() =>
    f.loop(() => {
      f.get(i).get(1).i32GeS().brIf(1);
      for (const acc of accs) f.get(acc).get(x).get(x).f64x2Mul().f64x2Add().set(acc);
      f.get(i).i32(1).i32Add().set(i);
      f.br(0);
    }),
  );
  accs.forEach((acc, v) => f.get(0).get(acc).v128Store(16 + 16 * v));
  return f;
}

/** GFLOP/s of the f64x2 multiply-add loop (best of several runs), or null without WebAssembly. */
export function measurePeakGflops(): number | null {
  const mem = arena();
  if (!mem) return null;
  const [kernel] = compileKernels(mem, [["bench_peak_f64x2", peakKernel]]);
  const block = mem.alloc(256);
  const view = mem.f64(block, 0, 32);
  view[0] = 1 + 1e-9;
  const iterations = 2_000_000;
  kernel(block.offset, 100_000); // tier up
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t = process.hrtime.bigint();
    kernel(block.offset, iterations);
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  void view;
  return (iterations * 10 * 4) / best; // 10 accumulators × (2 mul + 2 add) per iteration, per ns
}
