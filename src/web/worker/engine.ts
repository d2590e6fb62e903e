/**
 * The worker's engine (its WebAssembly memory and kernels), made on first use. Where the page is
 * cross-origin isolated (the server's COOP/COEP), it also gets a helper thread: a nested worker on
 * the same shared memory, which takes half of each large kernel call (the 100×100 grids of wide
 * networks) with the same bits as one thread.
 */
import { createEngine, type Engine } from "../../core/wasm/engine.ts";

let engine: Engine | null = null;
let threads = 1;

export async function engineReady(): Promise<Engine> {
  if (engine) return engine;
  engine = createEngine();
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    const started = await engine
      .startHelperThread({ worker: () => new Worker(new URL("../../core/wasm/helper-worker.ts", import.meta.url), { type: "module" }) })
      .catch(() => false);
    threads = started ? 2 : 1;
  }
  return engine;
}

/** The threads the engine trains on: 2 once its helper thread has started, else 1. */
export function threadCount(): number {
  return threads;
}
