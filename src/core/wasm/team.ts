/**
 * A helper thread for the kernels: one Node worker on the same shared WebAssembly memory, running
 * the same compiled kernels on its share of the work (the other half of the rows, or of the units
 * of dW). Every output value is computed by exactly the operations the single-threaded kernel
 * would use, so results are bit-for-bit the same with one thread or two.
 *
 * Hand-over is through a control block in the shared memory: the caller writes a list of kernel
 * calls (ids and arguments), bumps a sequence number and wakes the helper; the helper claims the
 * task, runs the calls in order and bumps "done". Both sides spin briefly before sleeping
 * (Atomics.wait), so back-to-back tasks cost well under a microsecond to hand over. When the
 * caller has finished its own share and the helper has not yet claimed its one (the second core
 * busy with something else), the caller takes the task back and runs it itself.
 *
 * Only on a shared memory (see ./arena.ts): in Node (a worker thread, started at once by what
 * src/node-engine.ts provides: ./host.ts), or in a browser Web Worker of a cross-origin-isolated page (a nested worker running ./helper-worker.ts,
 * started asynchronously: `startBrowserHelper`). Elsewhere the kernels run on the calling thread.
 * Each engine (./engine.ts) starts its own helper on its own memory, and stops it when disposed.
 */
import type { Arena } from "./arena.ts";
import { compiledKernel, type Kernel } from "./compile.ts";
import { hostCapabilities, type HelperTransport } from "./host.ts";

export const REQUEST = 0;
export const DONE = 16;
export const COMMAND = 32;
export const FAILED = 33;
/**
 * The open task: its sequence number while nobody has it; the helper claims task s by changing s
 * into −s, the caller takes it back by changing s into 0. Whoever changes it runs the task.
 */
export const CLAIM = 34;
/** Tasks of a RUN: COUNT of them from TASKS on, each a kernel id and up to 10 arguments. */
export const COUNT = 35;
export const TASKS = 48;
export const TASK_INTS = 12;
const MAX_TASKS = 16;
export const CONTROL_INTS = TASKS + MAX_TASKS * TASK_INTS;
/** Commands. LOAD: the modules posted to the helper (COUNT messages) are to be instantiated. */
export const RUN = 1;
export const LOAD = -1;
export const STOP = -2;
/** Spin iterations before sleeping: about 0.2 ms on current cores. */
export const SPIN = 200_000;

/** How the caller reaches its helper, besides the control block. */
type Transport = HelperTransport;

export class Team {
  private readonly ctl: Int32Array;
  private seq = 0;
  private busy = false;
  private readonly pending: Kernel[] = [];
  private count = 0;
  /** Tasks the helper ran, and tasks taken back because it had not started them. */
  readonly stats = { helped: 0, takenBack: 0 };
  /** Kernel names the helper has instantiated. */
  private readonly loaded = new Set<string>();

  private stopped = false;

  constructor(
    private readonly mem: Arena,
    control: Int32Array,
    private readonly transport: Transport,
  ) {
    this.ctl = control;
  }

  /** A control block for a new helper, in the arena. */
  static control(mem: Arena): Int32Array {
    const block = mem.alloc(CONTROL_INTS * 4);
    const control = new Int32Array(mem.buffer, block.offset, CONTROL_INTS);
    mem.track(block, control);
    return control;
  }

  /** Ends the helper thread (it must not be busy). Later calls are no-ops; the team must not be used again. */
  stop(): void {
    if (this.stopped) return;
    if (!this.busy) this.signal(STOP);
    this.stopped = true;
    this.transport.stop();
  }

  /** Makes sure the helper has these kernels (by name), sending their modules when not. */
  load(names: readonly string[]): void {
    const byModule = new Map<object, [number, string][]>();
    for (const name of names) {
      if (this.loaded.has(name)) continue;
      const c = compiledKernel(this.mem, name);
      if (!c) throw new Error(`kernel "${name}" is not compiled`);
      const list = byModule.get(c.module) ?? [];
      list.push([c.id, name]);
      byModule.set(c.module, list);
      this.loaded.add(name);
    }
    if (byModule.size === 0) return;
    for (const [module, kernels] of byModule) this.transport.post({ module, kernels });
    this.ctl[COUNT] = byModule.size;
    this.signal(LOAD);
    this.join();
  }

  /** Starts `kernel` (already `load`ed) on the helper with these arguments; `finish` completes it. */
  start(kernel: { id: number; run: Kernel }, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0): void {
    this.begin();
    this.add(kernel, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
    this.go();
  }

  /** Starts a list of kernel calls for the helper to run in order: `begin`, `add` each, `go`. */
  begin(): void {
    if (this.busy) throw new Error("the helper thread is already busy");
    this.count = 0;
  }

  /** (Separate parameters rather than an array: nothing is allocated per call.) */
  add(kernel: { id: number; run: Kernel }, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0): void {
    if (this.count >= MAX_TASKS) throw new Error("too many tasks for the helper thread");
    const ctl = this.ctl;
    const a = TASKS + this.count * TASK_INTS;
    ctl[a] = kernel.id;
    ctl[a + 1] = a0;
    ctl[a + 2] = a1;
    ctl[a + 3] = a2;
    ctl[a + 4] = a3;
    ctl[a + 5] = a4;
    ctl[a + 6] = a5;
    ctl[a + 7] = a6;
    ctl[a + 8] = a7;
    ctl[a + 9] = a8;
    ctl[a + 10] = a9;
    this.pending[this.count++] = kernel.run;
  }

  go(): void {
    this.ctl[COUNT] = this.count;
    this.signal(RUN);
  }

  /** Waits for the tasks given to the helper, or runs them here if it has not taken them yet. */
  finish(): void {
    const ctl = this.ctl;
    if (this.count > 0 && Atomics.compareExchange(ctl, CLAIM, this.seq, 0) === this.seq) {
      for (let t = 0; t < this.count; t++) {
        const a = TASKS + t * TASK_INTS;
        this.pending[t](ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6], ctl[a + 7], ctl[a + 8], ctl[a + 9], ctl[a + 10]);
      }
      this.busy = false;
      this.count = 0;
      this.stats.takenBack++;
      return;
    }
    this.count = 0;
    this.stats.helped++;
    this.join();
  }

  private signal(command: number): void {
    if (this.busy) throw new Error("the helper thread is already busy");
    if (this.stopped) throw new Error("the helper thread was stopped");
    const ctl = this.ctl;
    ctl[COMMAND] = command;
    this.busy = true;
    this.seq = this.seq >= 0x3fffffff ? 1 : this.seq + 1;
    Atomics.store(ctl, CLAIM, this.seq);
    Atomics.store(ctl, REQUEST, this.seq);
    Atomics.notify(ctl, REQUEST);
  }

  /** Waits for the helper to finish the task it took. */
  private join(): void {
    if (!this.busy) return;
    const ctl = this.ctl;
    const seq = this.seq;
    let d = Atomics.load(ctl, DONE);
    for (let k = 0; k < SPIN && d !== seq; k++) d = Atomics.load(ctl, DONE);
    while (d !== seq) {
      Atomics.wait(ctl, DONE, d);
      d = Atomics.load(ctl, DONE);
    }
    this.busy = false;
    if (Atomics.load(ctl, FAILED) !== 0) {
      Atomics.store(ctl, FAILED, 0);
      throw new Error(`a kernel failed on the helper thread: ${this.transport.error() ?? "see the helper's console"}`);
    }
  }
}

/**
 * A new helper thread on the arena's memory, where the host provides threads (./host.ts: Node,
 * through src/node-engine.ts) and two processors; null elsewhere.
 */
export function startHelper(mem: Arena): Team | null {
  const host = hostCapabilities();
  if (!mem.shared || !host.startHelperThread || (host.parallelism?.() ?? 1) < 2) return null;
  try {
    const control = Team.control(mem);
    const transport = host.startHelperThread(mem.memory, control.byteOffset, SPIN);
    return transport ? new Team(mem, control, transport) : null;
  } catch {
    return null;
  }
}

/** What `startBrowserHelper` needs of a Web Worker. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: "message" | "error", listener: (event: { data?: unknown }) => void): void;
}

/**
 * A helper thread in a browser: `makeWorker()` makes a Web Worker running ./helper-worker.ts
 * (bundled by the page's bundler: `new Worker(new URL(".../helper-worker.ts", import.meta.url),
 * { type: "module" })`). Resolves once the helper runs (a nested worker starts only while its
 * parent is free, so it cannot be waited for synchronously), to null where the page is not
 * cross-origin isolated, the memory not shared, there is one core, or the worker fails to start.
 * Only from a Web Worker: the caller waits for the helper with Atomics.wait, which a page's main
 * thread may not use.
 */
export async function startBrowserHelper(mem: Arena, makeWorker: () => WorkerLike, timeoutMs = 10_000): Promise<Team | null> {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
  if (!mem.shared || g.crossOriginIsolated !== true || (g.navigator?.hardwareConcurrency ?? 1) < 2) return null;
  let worker: WorkerLike;
  try {
    worker = makeWorker();
  } catch {
    return null;
  }
  const control = Team.control(mem);
  let lastError: string | undefined;
  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    worker.addEventListener("message", (e) => {
      const m = e.data as { ready?: boolean; error?: string } | undefined;
      if (m?.ready) {
        clearTimeout(timer);
        resolve(true);
      } else if (m?.error) lastError = m.error;
    });
    worker.addEventListener("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    worker.postMessage({ memory: mem.memory, control: control.byteOffset, spin: SPIN });
  });
  if (!started) {
    worker.terminate();
    return null;
  }
  return new Team(mem, control, {
    post: (m) => worker.postMessage(m),
    error: () => lastError,
    stop: () => worker.terminate(),
  });
}

export type { Kernel };
