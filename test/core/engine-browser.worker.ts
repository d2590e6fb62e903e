/**
 * The worker of engine-browser.test.ts's page: trains one network on three engines (two threads
 * with a nested helper worker, one thread, the plain kernels) and posts what it got.
 */
import { createEngine, type Engine } from "../../src/core/wasm/engine.ts";
import { trainedParams } from "./engine-browser.problem.ts";

const scope = globalThis as unknown as { postMessage(m: unknown): void; addEventListener(t: "message", f: () => void): void; crossOriginIsolated?: boolean };

scope.addEventListener("message", async () => {
  try {
    const two = createEngine();
    const helper = await two.startHelperThread({ worker: () => new Worker("/helper.js", { type: "module" }) });
    two.setSplitThreshold(0); // share every kernel
    const run = (e: Engine) => trainedParams({ engine: e });
    const result = {
      isolated: scope.crossOriginIsolated === true,
      shared: two.arena?.shared ?? null,
      helper,
      two: run(two),
      stats: two.helper() ? { ...two.helper()!.stats } : null,
      one: run(createEngine({ threads: 1 })),
      plain: run(createEngine({ fastKernels: false })),
    };
    two.dispose();
    scope.postMessage(result);
  } catch (e) {
    scope.postMessage({ error: String((e as Error)?.stack ?? e) });
  }
});
