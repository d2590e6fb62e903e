/** Timing Glassbox itself: training through `train()`, prediction, allocation per epoch. */
import { PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { createNetwork, type Network } from "../nn/network.ts";
import { gradientDescent } from "../nn/optimizers/gradient-descent.ts";
import { backward, createWorkspace, forward, lossTotal, reportedLoss } from "../nn/propagation.ts";
import { releaseWorkspace } from "../core/wasm/mlp.ts";
import { train } from "../nn/train.ts";
import type { Workload } from "./workloads.ts";

export function networkOf(w: Workload, params: Float64Array = w.init): Network {
  return createNetwork(w.inputSize, w.layers, "binary-crossentropy", params.slice());
}

/** Trains from the workload's initial parameters; returns the network after `epochs` epochs. */
export function trainFor(w: Workload, epochs: number, onEpoch?: (epoch: number) => void): Network {
  const net = networkOf(w);
  train(
    net,
    { X: { rows: w.n, cols: w.inputSize, data: w.X }, Y: w.Y },
    {
      optimizer: "gd",
      learningRate: w.learningRate,
      epochs,
      reduction: w.reduction,
      recordEvery: 1e9,
      onEpoch: onEpoch ? (info) => void onEpoch(info.epoch) : undefined,
    },
  );
  return net;
}

/** Mean binary cross-entropy of `net` on the workload's data. */
export function lossOf(w: Workload, net: Network): number {
  const ws = createWorkspace(net, w.n, { lean: true });
  forward(net, w.X, ws);
  const loss = reportedLoss(net, lossTotal(net, w.Y, ws), w.n, 0);
  releaseWorkspace(ws);
  return loss;
}

/**
 * Lets finished workspaces go: a full collection, then a turn of the event loop so that their
 * WebAssembly memory is handed back (FinalizationRegistry) before the next run needs it.
 */
export async function settle(): Promise<void> {
  gc()?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Seconds per epoch of each repeat of `epochs` epochs, each from the same initial parameters,
 * timed from the end of the first epoch to the end of the last: making the workspace (for 100k
 * samples, half a gigabyte of fresh memory) is not an epoch's work.
 */
export async function timeTraining(w: Workload, epochs: number, repeats: number): Promise<number[]> {
  const out: number[] = [];
  const n = Math.max(2, epochs);
  for (let r = 0; r < repeats; r++) {
    await settle();
    let first = 0;
    let last = 0;
    trainFor(w, n, (epoch) => {
      if (epoch === 1) first = performance.now();
      else if (epoch === n) last = performance.now();
    });
    out.push((last - first) / 1000 / (n - 1));
  }
  return out;
}

/** Epochs that take about `seconds`, judged from a short run (which also warms the code up). */
export async function epochsFor(w: Workload, seconds: number, min = 3, max = 200_000): Promise<{ epochs: number; estimate: number }> {
  trainFor(w, 2); // compiles the kernels for these shapes: not part of any timing
  let probe = 2;
  let per = Infinity;
  for (;;) {
    await settle();
    const t = performance.now();
    trainFor(w, probe);
    const took = (performance.now() - t) / 1000;
    per = took / probe;
    if (took > 0.05 || probe >= max) break;
    probe *= 4;
  }
  // run the probe once more so that the timed runs start from optimised code
  await settle();
  trainFor(w, Math.min(probe, Math.max(2, Math.round(0.05 / per))));
  return { epochs: Math.max(min, Math.min(max, Math.round(seconds / per))), estimate: per };
}

let gcFn: (() => void) | null | undefined;
function gc(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  try {
    v8.setFlagsFromString("--expose-gc");
    gcFn = vm.runInNewContext("gc") as () => void;
  } catch {
    gcFn = null;
  }
  return gcFn;
}

export interface AllocationCheck {
  epochs: number;
  /** V8 heap in use during `train`, after `epochs` epochs (after a full collection) and `epochs` epochs later. */
  heapBefore: number;
  heapAfter: number;
  /** Garbage collections that ran in between (0: the difference above is everything allocated). */
  collections: number;
  /** The same for the engine's own epoch (forward, loss, backward, step) without `train`'s bookkeeping. */
  engineBefore: number;
  engineAfter: number;
  engineCollections: number;
}

/** Counts garbage collections while `run` runs (their entries arrive asynchronously). */
async function countingCollections(run: () => void): Promise<number> {
  let collections = 0;
  let counting = true;
  const observer = new PerformanceObserver((list) => {
    if (counting) collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  run();
  counting = false;
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return collections;
}

/**
 * Heap before and after `epochs` epochs, from the end of the first epoch on. Each measurement runs
 * twice and the second is kept, so that what the compiler allocates while it optimises the code
 * is not counted.
 */
export async function allocationCheck(w: Workload, epochs = 1000): Promise<AllocationCheck> {
  const collect = gc();
  const out: AllocationCheck = { epochs, heapBefore: 0, heapAfter: 0, collections: 0, engineBefore: 0, engineAfter: 0, engineCollections: 0 };
  for (let round = 0; round < 2; round++) {
    await settle();
    let counting = false;
    let collections = 0;
    const observer = new PerformanceObserver((list) => {
      if (counting) collections += list.getEntries().length;
    });
    observer.observe({ entryTypes: ["gc"] });
    // From epoch `epochs` to epoch 2·epochs of one run: past the first epoch, and past the
    // compiler's own allocations while it optimises the loop.
    trainFor(w, 2 * epochs + 2, (epoch) => {
      if (epoch === epochs) {
        collect?.();
        out.heapBefore = process.memoryUsage().heapUsed;
        counting = true;
      } else if (epoch === 2 * epochs) {
        out.heapAfter = process.memoryUsage().heapUsed;
        counting = false;
      }
    });
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    out.collections = collections;
  }
  // The engine alone: what `train` does for a full batch, minus its history and callbacks.
  const net = networkOf(w);
  const ws = createWorkspace(net, w.n, { lean: true });
  const opt = gradientDescent(w.learningRate);
  const epoch = (): void => {
    forward(net, w.X, ws);
    reportedLoss(net, lossTotal(net, w.Y, ws), w.n, 0);
    backward(net, w.X, w.Y, ws, w.reduction, 0);
    opt.step(net.params, ws.grad);
  };
  for (let round = 0; round < 2; round++) {
    for (let e = 0; e < epochs; e++) epoch();
    collect?.();
    let before = 0;
    let after = 0;
    out.engineCollections = await countingCollections(() => {
      before = process.memoryUsage().heapUsed;
      for (let e = 0; e < epochs; e++) epoch();
      after = process.memoryUsage().heapUsed;
    });
    out.engineBefore = before;
    out.engineAfter = after;
  }
  return out;
}

export interface PredictTiming {
  rows: number;
  /** Forward pass into a workspace made once (how the page draws its heatmap). */
  forwardSeconds: number[];
  /** Making the workspace and the forward pass, as `predict` does on each call. */
  withSetupSeconds: number[];
}

export async function timePrediction(w: Workload, net: Network, G: Float64Array, repeats: number): Promise<PredictTiming> {
  const rows = G.length / w.inputSize;
  const ws = createWorkspace(net, rows, { lean: true });
  forward(net, G, ws);
  const forwardSeconds: number[] = [];
  const withSetupSeconds: number[] = [];
  const collect = gc();
  for (let r = 0; r < repeats; r++) {
    let t = performance.now();
    forward(net, G, ws);
    forwardSeconds.push((performance.now() - t) / 1000);
    // A workspace's WebAssembly buffers return to the pool once it has been collected: let that
    // happen between repeats, as it does between a program's calls to `predict`.
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    t = performance.now();
    forward(net, G, createWorkspace(net, rows, { lean: true }));
    withSetupSeconds.push((performance.now() - t) / 1000);
  }
  releaseWorkspace(ws);
  return { rows, forwardSeconds, withSetupSeconds };
}
