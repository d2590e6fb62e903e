/**
 * What the engine can do only in Node, handed to it (src/core/wasm/host.ts) by the Node entry
 * points — the library (src/index.ts) and the command line call `installNodeEngine()`:
 * a helper thread (worker_threads) on the kernels' shared memory, the number of processors, and
 * V8's flags (relaxed SIMD for the opt-in fused multiply-adds on Node 20). The browser layers name
 * none of this; a page's helper thread is a nested Web Worker (src/core/wasm/helper-worker.ts).
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { provideHostCapabilities, type HelperTransport } from "./core/wasm/host.ts";
import { CLAIM, COMMAND, CONTROL_INTS, COUNT, DONE, FAILED, LOAD, REQUEST, RUN, STOP, TASK_INTS, TASKS } from "./core/wasm/team.ts";

/** The helper's loop (the protocol of src/core/wasm/team.ts), run as a worker of its own. */
const WORKER = `
"use strict";
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const { memory, control, port, spin } = workerData;
const ctl = new Int32Array(memory.buffer, control, ${CONTROL_INTS});
const kernels = [];
let last = 0;
for (;;) {
  let s = Atomics.load(ctl, ${REQUEST});
  for (let k = 0; k < spin && s === last; k++) s = Atomics.load(ctl, ${REQUEST});
  while (s === last) {
    Atomics.wait(ctl, ${REQUEST}, last);
    s = Atomics.load(ctl, ${REQUEST});
  }
  last = s;
  try {
    // Claim task s; the command and arguments are read only once it is ours (the caller may have
    // taken s back and moved on to the next task meanwhile).
    const command = Atomics.compareExchange(ctl, ${CLAIM}, s, -s) === s ? ctl[${COMMAND}] : null;
    if (command === ${STOP}) break;
    if (command === null) {
      // the caller ran this task itself
    } else if (command === ${LOAD}) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const instance = new WebAssembly.Instance(m.message.module, { env: { memory } });
        for (const [id, name] of m.message.kernels) kernels[id] = instance.exports[name];
      }
    } else if (command === ${RUN}) {
      const count = ctl[${COUNT}];
      for (let t = 0; t < count; t++) {
        const a = ${TASKS} + t * ${TASK_INTS};
        kernels[ctl[a]](ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6], ctl[a + 7], ctl[a + 8], ctl[a + 9], ctl[a + 10]);
      }
    }
  } catch (e) {
    port.postMessage({ error: String(e && e.stack || e) });
    Atomics.store(ctl, ${FAILED}, 1);
  }
  Atomics.store(ctl, ${DONE}, s);
  Atomics.notify(ctl, ${DONE});
}
`;

function startHelperThread(memory: unknown, control: number, spin: number): HelperTransport {
  const channel = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { memory, control, port: channel.port2, spin }, transferList: [channel.port2] });
  worker.unref();
  channel.port1.unref();
  return {
    post: (m) => channel.port1.postMessage(m),
    error: () => (receiveMessageOnPort(channel.port1)?.message as { error?: string } | undefined)?.error,
    stop: () => {
      void worker.terminate();
      channel.port1.close();
    },
  };
}

let installed = false;

/** Gives the engine Node's threads and flags (idempotent). */
export function installNodeEngine(): void {
  if (installed) return;
  installed = true;
  provideHostCapabilities({ startHelperThread, parallelism: availableParallelism, setEngineFlags: setFlagsFromString });
}
