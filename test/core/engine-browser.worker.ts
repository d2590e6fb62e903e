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
    const first = run(two);
    // On a busy machine the helper may not be scheduled before this thread takes each task back
    // (a kernel runs here if the helper has not claimed it): train again, the same bits each
    // time, until it has run some (at most 30 times).
    let again = 0;
    let sameEachTime = true;
    while (helper && two.helper()!.stats.helped === 0 && again < 30) {
      again++;
      sameEachTime &&= run(two) === first;
    }
    const result = {
      isolated: scope.crossOriginIsolated === true,
      shared: two.arena?.shared ?? null,
      helper,
      two: first,
      again,
      sameEachTime,
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
