/**
 * The helper thread in a browser (./team.ts `startBrowserHelper`): a Web Worker, nested in the
 * worker that trains, on the same shared WebAssembly memory. Its first message is
 * { memory, control, spin }; it answers { ready: true } and then serves the control block as the
 * Node helper does (the same protocol, the same kernels: the same bits).
 *
 * One difference: compiled modules come as messages, which a worker receives only from its event
 * loop, so on LOAD it leaves its loop, instantiates the COUNT modules as they arrive, reports the
 * task done and goes back to waiting. (The caller blocks meanwhile; messages to a worker are
 * delivered whatever its sender is doing.)
 *
 * Bundle it as a worker of its own: `new Worker(new URL("…/helper-worker.ts", import.meta.url),
 * { type: "module" })`.
 */
import { CLAIM, COMMAND, CONTROL_INTS, COUNT, DONE, FAILED, LOAD, REQUEST, RUN, STOP, TASK_INTS, TASKS } from "./team.ts";

type Kernel = (...args: number[]) => void;

interface Scope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  close(): void;
}

interface Wasm {
  Instance: new (module: unknown, imports: unknown) => { exports: Record<string, unknown> };
}

const scope = globalThis as unknown as Scope;
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
let memory: unknown;
let ctl: Int32Array;
let spin = 0;
const kernels: Kernel[] = [];
let last = 0;
/** A LOAD in progress: its sequence number and the modules still to come. */
let loading = 0;
let modulesToCome = 0;

function done(s: number): void {
  Atomics.store(ctl, DONE, s);
  Atomics.notify(ctl, DONE);
}

function fail(e: unknown): void {
  const text = String((e as { stack?: string })?.stack ?? e);
  console.error(text);
  scope.postMessage({ error: text });
  Atomics.store(ctl, FAILED, 1);
}

/** Serves tasks until a LOAD (back to the event loop for its modules) or STOP. */
function serve(): void {
  for (;;) {
    let s = Atomics.load(ctl, REQUEST);
    for (let k = 0; k < spin && s === last; k++) s = Atomics.load(ctl, REQUEST);
    while (s === last) {
      Atomics.wait(ctl, REQUEST, last);
      s = Atomics.load(ctl, REQUEST);
    }
    last = s;
    try {
      // Claim task s; its command and arguments are read only once it is ours.
      const command = Atomics.compareExchange(ctl, CLAIM, s, -s) === s ? ctl[COMMAND] : null;
      if (command === STOP) {
        scope.close();
        return;
      }
      if (command === LOAD) {
        modulesToCome = ctl[COUNT];
        if (modulesToCome > 0) {
          loading = s;
          return;
        }
      } else if (command === RUN) {
        const count = ctl[COUNT];
        for (let t = 0; t < count; t++) {
          const a = TASKS + t * TASK_INTS;
          kernels[ctl[a]](ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6], ctl[a + 7], ctl[a + 8], ctl[a + 9], ctl[a + 10]);
        }
      }
    } catch (e) {
      fail(e);
    }
    done(s);
  }
}

scope.addEventListener("message", (event) => {
  const m = event.data as { memory?: { buffer: SharedArrayBuffer }; control?: number; spin?: number; module?: unknown; kernels?: [number, string][] };
  if (m.memory) {
    memory = m.memory;
    ctl = new Int32Array(m.memory.buffer, m.control!, CONTROL_INTS);
    spin = m.spin ?? 0;
    scope.postMessage({ ready: true });
    serve();
    return;
  }
  try {
    const instance = new wasm.Instance(m.module, { env: { memory } });
    for (const [id, name] of m.kernels!) kernels[id] = instance.exports[name] as Kernel;
  } catch (e) {
    fail(e);
  }
  if (--modulesToCome === 0 && loading !== 0) {
    const s = loading;
    loading = 0;
    done(s);
    serve();
  }
});
