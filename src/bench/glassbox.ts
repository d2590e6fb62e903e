/** Timing Glassbox itself: training through `train()`, prediction, allocation per epoch. */
import { PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { createNetwork, type Network } from "../nn/network.ts";
import { createWorkspace, forward, lossTotal, reportedLoss } from "../nn/propagation.ts";
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
  const ws = createWorkspace(net, w.n);
  forward(net, w.X, ws);
  return reportedLoss(net, lossTotal(net, w.Y, ws), w.n, 0);
}

/** Seconds per epoch of each repeat of `epochs` epochs, each from the same initial parameters. */
export function timeTraining(w: Workload, epochs: number, repeats: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    trainFor(w, epochs);
    out.push((performance.now() - t) / 1000 / epochs);
  }
  return out;
}

/** Epochs that take about `seconds`, judged from a short run (which also warms the code up). */
export function epochsFor(w: Workload, seconds: number, min = 3, max = 200_000): { epochs: number; estimate: number } {
  let probe = 2;
  let per = Infinity;
  for (;;) {
    const t = performance.now();
    trainFor(w, probe);
    const took = (performance.now() - t) / 1000;
    per = took / probe;
    if (took > 0.05 || probe >= max) break;
    probe *= 4;
  }
  // run the probe once more so that the timed runs start from optimised code
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
  /** V8 heap in use after the first epoch (after a full collection) and after `epochs` more. */
  heapBefore: number;
  heapAfter: number;
  /** Garbage collections that ran in between (0: the difference above is everything allocated). */
  collections: number;
}

/**
 * Heap before and after `epochs` epochs, from the end of the first epoch on (after a warm-up run,
 * so that what the compiler allocates while it optimises the code is not counted).
 */
export async function allocationCheck(w: Workload, epochs = 1000): Promise<AllocationCheck> {
  trainFor(w, 3 * epochs);
  const collect = gc();
  let collections = 0;
  let counting = false;
  const observer = new PerformanceObserver((list) => {
    if (counting) collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ["gc"] });
  let heapBefore = 0;
  let heapAfter = 0;
  trainFor(w, epochs + 2, (epoch) => {
    if (epoch === 1) {
      collect?.();
      heapBefore = process.memoryUsage().heapUsed;
      counting = true;
    } else if (epoch === epochs + 1) {
      heapAfter = process.memoryUsage().heapUsed;
      counting = false;
    }
  });
  // GC entries arrive asynchronously; let them in before reading the count.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { epochs, heapBefore, heapAfter, collections };
}

export interface PredictTiming {
  rows: number;
  /** Forward pass into a workspace made once (how the page draws its heatmap). */
  forwardSeconds: number[];
  /** Making the workspace and the forward pass, as `predict` does on each call. */
  withSetupSeconds: number[];
}

export function timePrediction(w: Workload, net: Network, G: Float64Array, repeats: number): PredictTiming {
  const rows = G.length / w.inputSize;
  const ws = createWorkspace(net, rows);
  forward(net, G, ws);
  const forwardSeconds: number[] = [];
  const withSetupSeconds: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let t = performance.now();
    forward(net, G, ws);
    forwardSeconds.push((performance.now() - t) / 1000);
    t = performance.now();
    forward(net, G, createWorkspace(net, rows));
    withSetupSeconds.push((performance.now() - t) / 1000);
  }
  return { rows, forwardSeconds, withSetupSeconds };
}
