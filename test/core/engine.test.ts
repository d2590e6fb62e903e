/**
 * Engines as instances (src/core/wasm/engine.ts): two engines in one process share neither memory
 * nor settings, and workspaces keep to the engine they were made on; and a batch larger than an
 * engine's memory runs on the fast kernels in row blocks, with the bits of one pass.
 */
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createEngine, defaultEngine, fastKernelsAvailable, getFusedMultiplyAdd, getThreads, MlpPlan, planFor, releaseWorkspace, type Engine } from "../../src/core/wasm/mlp.ts";
import type { ActivationName } from "../../src/nn/activations.ts";
import type { LossName } from "../../src/nn/losses.ts";
import type { Network } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward, type Reduction } from "../../src/nn/propagation.ts";
import { createTrainer } from "../../src/nn/trainer.ts";
import { installNodeEngine } from "../../src/node-engine.ts";
import { forwardOutput } from "../../src/nn/passes.ts";
import { identical } from "./bitwise.ts";
import { networkArbitraries, randomProblem } from "./random-cases.ts";

installNodeEngine(); // the helper thread, as the Node entry points have it
const available = fastKernelsAvailable();

const engines: Engine[] = [];
function engine(options: Parameters<typeof createEngine>[0] = {}): Engine {
  const e = createEngine(options);
  engines.push(e);
  return e;
}
afterEach(() => {
  for (const e of engines) e.dispose();
  engines.length = 0;
});

/** A random problem (./random-cases.ts) with the parameters' scale of these tests. */
function problem(seed: number, widths: number[], acts: ActivationName[], out: [ActivationName, LossName], n: number) {
  return randomProblem(seed, widths, acts, out, n, 0.6);
}

function moons(seed: number, n = 240) {
  return problem(seed, [2, 25, 50, 25], ["relu"], ["sigmoid", "binary-crossentropy"], n);
}

/**
 * Whether `view` is in the engine's memory: a value written through it shows through the memory's
 * buffer at the same place. (Not the buffer's identity: memory that has grown since the view was
 * made has a new buffer object over the same shared bytes.)
 */
function inMemoryOf(view: Float64Array, e: { arena: { buffer: ArrayBufferLike } | null }): boolean {
  const buffer = e.arena!.buffer;
  if (!(view.buffer instanceof SharedArrayBuffer) || view.byteOffset + 8 > buffer.byteLength) return false;
  const probe = new Float64Array(buffer, view.byteOffset, 1);
  const before = view[0];
  view[0] = 0.123456789;
  const seen = probe[0] === 0.123456789;
  view[0] = before;
  return seen;
}

describe.skipIf(!available)("engines", () => {
  it("keep their workspaces in their own memory", () => {
    const a = engine();
    const b = engine();
    const { net } = moons(1);
    const wa = createWorkspace(net, 100, { engine: a });
    const wb = createWorkspace(net, 100, { engine: b });
    const wd = createWorkspace(net, 100);
    expect(a.arena).not.toBe(b.arena);
    expect(a.arena).not.toBe(defaultEngine().arena);
    expect(inMemoryOf(wa.A[0], a)).toBe(true);
    expect(inMemoryOf(wb.A[0], b)).toBe(true);
    expect(inMemoryOf(wd.A[0], defaultEngine())).toBe(true);
    expect(inMemoryOf(wa.A[0], b)).toBe(false);
    expect(inMemoryOf(wd.A[0], a)).toBe(false);
    expect(a.bytesInUse).toBeGreaterThan(0);
    expect(b.bytesInUse).toBeGreaterThan(0);
  });

  it("keep their own settings, apart from the default engine's", () => {
    const a = engine({ threads: 1, fastKernels: false, workspaceLimit: 1 << 20 });
    a.setFusedMultiplyAdd(true);
    a.setSplitThreshold(0);
    expect(a.threads).toBe(1);
    expect(a.fastKernels).toBe(false);
    expect(a.workspaceLimit).toBe(1 << 20);
    expect(getThreads()).toBe(2);
    expect(getFusedMultiplyAdd()).toBe(false);
    expect(defaultEngine().fastKernels).toBe(true);
    expect(defaultEngine().splitThreshold).toBe(2_000_000);
    const { net } = moons(2);
    expect(createWorkspace(net, 100, { engine: a }).A[0].buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(createWorkspace(net, 100).A[0].buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("train side by side, fast kernels off in one and on (two threads) in the other, each with the bits it has alone", () => {
    const config = { optimizer: "adam" as const, learningRate: 0.01, epochs: 30, batchSize: 64, seed: 3 };
    const alone = (options: Parameters<typeof createEngine>[0]) => {
      const p = moons(4);
      const t = createTrainer(p.net, { X: { rows: p.n, cols: 2, data: p.X }, Y: p.Y }, { ...config, engine: engine(options) });
      t.step(Infinity);
      return { params: p.net.params.slice(), loss: t.history.loss.slice() };
    };
    const plain = alone({ fastKernels: false });
    const fast = alone({});
    identical(fast.params, plain.params, "fast alone = plain alone");

    const slow = engine({ fastKernels: false });
    const quick = engine({ threads: 2 });
    quick.setSplitThreshold(0); // share every kernel with the helper thread
    const p1 = moons(4);
    const p2 = moons(4);
    const t1 = createTrainer(p1.net, { X: { rows: p1.n, cols: 2, data: p1.X }, Y: p1.Y }, { ...config, engine: slow });
    const t2 = createTrainer(p2.net, { X: { rows: p2.n, cols: 2, data: p2.X }, Y: p2.Y }, { ...config, engine: quick });
    while (t1.stoppedBy === null || t2.stoppedBy === null) {
      t1.step(3);
      t2.step(2);
    }
    identical(p1.net.params, plain.params, "side by side, plain");
    identical(p2.net.params, plain.params, "side by side, fast");
    if (quick.helperThreadAvailable()) {
      // its own helper thread, which took part
      expect(quick.helper()).not.toBe(defaultEngine().helper());
      expect(quick.helper()!.stats.helped + quick.helper()!.stats.takenBack).toBeGreaterThan(0);
    }
    t1.dispose();
    t2.dispose();
  });

  it("give fused multiply-adds only to the engine that asked", () => {
    const fma = engine({ fusedMultiplyAdd: true });
    if (!fma.fusedMultiplyAdd) return; // relaxed SIMD unavailable here
    const exact = engine();
    const run = (e: Engine) => {
      const { net, X, Y, n } = moons(5);
      const ws = createWorkspace(net, n, { engine: e });
      forward(net, X, ws);
      backward(net, X, Y, ws, "mean");
      return ws.grad.slice();
    };
    const a = run(fma);
    const b = run(exact);
    const d = run(defaultEngine());
    identical(b, d, "exact engine = default engine");
    expect(a.some((v, i) => !Object.is(v, b[i]))).toBe(true);
  });

  it("after dispose, make workspaces on the plain kernels", () => {
    const e = engine();
    const { net, X, Y, n } = moons(6);
    e.dispose();
    const ws = createWorkspace(net, n, { engine: e });
    expect(ws.A[0].buffer).not.toBeInstanceOf(SharedArrayBuffer);
    forward(net, X, ws);
    backward(net, X, Y, ws, "mean");
    const ref = createWorkspace(net, n);
    forward(net, X, ref);
    backward(net, X, Y, ref, "mean");
    identical(ws.grad, ref.grad, "grad");
  });

  it("predict on their own memory (forwardOutput)", () => {
    const e = engine();
    const { net, X, n } = moons(7);
    identical(forwardOutput(net, X, n, e).A, forwardOutput(net, X, n).A, "output");
  });
});

const HIDDEN: ActivationName[] = ["relu", "relu", "tanh", "sigmoid", "linear"];
const OUTPUTS: [ActivationName, LossName][] = [
  ["sigmoid", "binary-crossentropy"],
  ["softmax", "categorical-crossentropy"],
  ["linear", "mse"],
];

interface Pass {
  out: Float64Array;
  hidden: Float64Array[];
  grad: Float64Array;
}

/** One forward and backward pass (and a second on fewer rows after an update) on `e`. */
function pass(e: Engine, net: Network, X: Float64Array, Y: Float64Array, n: number, rows: number, reduction: Reduction, lean: boolean, limitRows?: number): Pass & { block: number } {
  const layers = net.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation }));
  if (limitRows !== undefined) e.setWorkspaceLimit(e.bytesInUse + MlpPlan.bytes(layers, limitRows));
  const params = net.params.slice();
  const ws = createWorkspace(net, n, { lean, engine: e });
  e.setWorkspaceLimit();
  const block = planFor(ws, net.layers)?.n ?? 0;
  forward(net, X, ws);
  backward(net, X, Y, ws, reduction, 0.01);
  for (let i = 0; i < net.params.length; i++) net.params[i] -= 0.1 * ws.grad[i];
  const L = net.layers.length - 1;
  const out = forward(net, X, ws, rows).slice(0, rows * net.layers[L].units);
  backward(net, X, Y, ws, reduction, 0.01, rows);
  net.params.set(params);
  const hidden: Float64Array[] = [];
  if (!lean) for (let l = 0; l < L; l++) for (const key of ["Z", "A", "dZ", "dA"] as const) hidden.push(ws[key][l].slice(0, rows * net.layers[l].units));
  releaseWorkspace(ws); // its memory back at once, for the next case on the same engine
  return { out, hidden, grad: ws.grad.slice(), block };
}

describe.skipIf(!available)("a batch larger than the engine's memory", () => {
  it("runs on the fast kernels in row blocks, with the bits of the plain pass", () => {
    // One engine per thread count for all cases (each case's limit is on top of what is in use):
    // a new two-thread engine per case started a helper thread each time, most of the test's time.
    const plainEngine = engine({ fastKernels: false });
    const fastEngines = { 1: engine({ threads: 1 }), 2: engine({ threads: 2 }) };
    fc.assert(
      fc.property(
        ...networkArbitraries({ maxWidth: 40, widths: [2, 4], hidden: HIDDEN, activations: 3, outputs: OUTPUTS }),
        fc.integer({ min: 40, max: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(0, 8, Infinity),
        fc.boolean(),
        (seed, widths, acts, out, n, blockSize, columnWidth, lean) => {
          const rows = 1 + (seed % n);
          const blockRows = Math.min(blockSize, n - 1);
          const w = widths.map((x, i) => (i === 0 ? Math.max(x, 3) : i === 1 ? x + 16 : x));
          const { net, X, Y } = problem(seed, w, acts, out, n);
          const plain = pass(plainEngine, net, X, Y, n, rows, "mean", lean);
          for (const threads of [1, 2] as const) {
            const e = fastEngines[threads];
            e.setSplitThreshold(0);
            e.setColumnListMinWidth(columnWidth);
            const fast = pass(e, net, X, Y, n, rows, "mean", lean, blockRows);
            expect(fast.block).toBe(blockRows); // on the fast kernels, in blocks
            identical(fast.out, plain.out, `output (${threads} threads)`);
            identical(fast.grad, plain.grad, `grad (${threads} threads)`);
            fast.hidden.forEach((a, i) => identical(a, plain.hidden[i], `hidden matrix ${i} (${threads} threads)`));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("trains with the same bits as one pass (full batch and mini-batches)", () => {
    for (const batchSize of [null, 150]) {
      const config = { optimizer: "sgd" as const, momentum: 0.9, learningRate: 0.05, epochs: 20, batchSize, seed: 8 };
      const run = (e: Engine, limitRows?: number) => {
        const p = moons(9, 400);
        const layers = p.net.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation }));
        if (limitRows !== undefined) e.setWorkspaceLimit(MlpPlan.bytes(layers, limitRows) + 65536);
        const t = createTrainer(p.net, { X: { rows: p.n, cols: 2, data: p.X }, Y: p.Y }, { ...config, engine: e });
        t.step(Infinity);
        return { params: p.net.params.slice(), loss: Float64Array.from(t.history.loss) };
      };
      const plain = run(engine({ fastKernels: false }));
      const whole = run(engine());
      const blocks = run(engine(), 70);
      identical(whole.params, plain.params, `one pass = plain (batch ${batchSize})`);
      identical(blocks.params, plain.params, `blocks = plain (batch ${batchSize})`);
      identical(blocks.loss, plain.loss, `loss history (batch ${batchSize})`);
    }
  });
});
