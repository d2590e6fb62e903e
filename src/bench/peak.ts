/**
 * The core's Float64 peak as WebAssembly can use it: independent f64x2 multiply-adds on values
 * in registers (no FMA in WebAssembly 2.0, so a multiply and an add per pair of lanes).
 * Native code with FMA can reach about twice this on AVX2 cores.
 *
 * Each of CHAINS accumulators runs acc = acc·c + d: the multiply depends on the accumulator, so the
 * compiler can neither hoist it out of the loop nor share it between accumulators (a loop-invariant
 * product such as x·x would leave only the adds to measure). A step of one chain waits for its
 * multiply and add (about 6 cycles), so the chains must outnumber that latency times the units'
 * throughput; 13 is the most that x64's 16 vector registers hold without spilling.
 */
import { arena } from "../core/wasm/arena.ts";
import { compileKernels } from "../core/wasm/compile.ts";
import { Fn, T } from "../core/wasm/emit.ts";

const CHAINS = 13;

function peakKernel(): Fn {
  const f = new Fn("bench_peak_f64x2", [T.i32, T.i32], []);
  const i = f.local(T.i32);
  const accs = Array.from({ length: CHAINS }, () => f.local(T.v128));
  const c = f.local(T.v128);
  const d = f.local(T.v128);
  f.get(0).v128Load64Splat().set(c);
  f.get(0).v128Load64Splat(8).set(d);
  accs.forEach((acc, v) => f.get(0).v128Load(16 + 16 * v).set(acc));
  f.i32(0).set(i);
  f.block(() =>
    f.loop(() => {
      f.get(i).get(1).i32GeS().brIf(1);
      for (const acc of accs) f.get(acc).get(c).f64x2Mul().get(d).f64x2Add().set(acc);
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
  const block = mem.alloc(16 * (CHAINS + 1));
  const view = mem.f64(block, 0, 2 * (CHAINS + 1));
  // c = 0.5, d = 1: every chain settles at 2 (no overflow, no subnormals)
  view.fill(1);
  view[0] = 0.5;
  const iterations = 2_000_000;
  kernel(block.offset, 100_000); // tier up
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t = process.hrtime.bigint();
    kernel(block.offset, iterations);
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  void view;
  return (iterations * CHAINS * 4) / best; // CHAINS × (2 multiplies + 2 adds) per iteration, per ns
}
