/**
 * A helper thread for the kernels: one Node worker on the same shared WebAssembly memory, running
 * the same compiled kernels on its share of the work (the other half of the rows, or of the
 * columns). Every output value is computed by exactly the operations the single-threaded kernel
 * would use, so results are bit-for-bit the same with one thread or two.
 *
 * Hand-over is through a control block in the shared memory: the caller writes a kernel id and its
 * arguments, bumps a sequence number and wakes the helper; the helper runs the kernel and bumps
 * "done". Both sides spin briefly before sleeping (Atomics.wait), so back-to-back kernels cost well
 * under a microsecond to hand over. Only in Node (browsers would need a cross-origin-isolated page
 * and a worker script; there the kernels run on one thread).
 */
import type { Arena } from "./arena.ts";
import { compiledKernel, type Kernel } from "./compile.ts";

const REQUEST = 0;
const DONE = 16;
const COMMAND = 32;
const FAILED = 33;
const ARGS = 40;
const MAX_ARGS = 16;
const CONTROL_INTS = 64;
const LOAD = -1;
const STOP = -2;
/** Spin iterations before sleeping: about 0.2 ms on current cores. */
const SPIN = 200_000;

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
  const command = ctl[${COMMAND}];
  if (command === ${STOP}) break;
  try {
    if (command === ${LOAD}) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const instance = new WebAssembly.Instance(m.message.module, { env: { memory } });
        for (const [id, name] of m.message.kernels) kernels[id] = instance.exports[name];
      }
    } else {
      const a = ${ARGS};
      kernels[command](ctl[a], ctl[a + 1], ctl[a + 2], ctl[a + 3], ctl[a + 4], ctl[a + 5], ctl[a + 6], ctl[a + 7],
        ctl[a + 8], ctl[a + 9], ctl[a + 10], ctl[a + 11], ctl[a + 12], ctl[a + 13], ctl[a + 14], ctl[a + 15]);
    }
  } catch (e) {
    Atomics.store(ctl, ${FAILED}, 1);
  }
  Atomics.store(ctl, ${DONE}, s);
  Atomics.notify(ctl, ${DONE});
}
`;

interface WorkerThreads {
  Worker: new (code: string, options: { eval: boolean; workerData: unknown; transferList?: unknown[] }) => { unref(): void; postMessage(m: unknown): void; terminate(): Promise<number> };
  MessageChannel: new () => { port1: { postMessage(m: unknown): void; unref?(): void }; port2: unknown };
}

export class Team {
  private readonly ctl: Int32Array;
  private seq = 0;
  private busy = false;
  /** Kernel names the helper has instantiated. */
  private readonly loaded = new Set<string>();
  private readonly sentModules = new Map<object, Set<string>>();

  private constructor(
    private readonly port: { postMessage(m: unknown): void },
    control: Int32Array,
  ) {
    this.ctl = control;
  }

  static start(mem: Arena, threads: WorkerThreads): Team {
    const block = mem.alloc(CONTROL_INTS * 4);
    const control = new Int32Array(mem.buffer, block.offset, CONTROL_INTS);
    mem.track(block, control);
    const channel = new threads.MessageChannel();
    const worker = new threads.Worker(WORKER, { eval: true, workerData: { memory: mem.memory, control: block.offset, port: channel.port2, spin: SPIN }, transferList: [channel.port2] });
    worker.unref();
    channel.port1.unref?.();
    return new Team(channel.port1, control);
  }

  /** Makes sure the helper has these kernels (by name), sending their modules when not. */
  load(names: readonly string[]): void {
    const byModule = new Map<object, [number, string][]>();
    for (const name of names) {
      if (this.loaded.has(name)) continue;
      const c = compiledKernel(name);
      if (!c) throw new Error(`kernel "${name}" is not compiled`);
      const list = byModule.get(c.module) ?? [];
      list.push([c.id, name]);
      byModule.set(c.module, list);
      this.loaded.add(name);
    }
    if (byModule.size === 0) return;
    for (const [module, kernels] of byModule) this.port.postMessage({ module, kernels });
    this.signal(LOAD, []);
    this.join();
  }

  /**
   * Starts kernel `id` (see `compiledKernel`, already `load`ed) on the helper with these arguments.
   * (Separate parameters rather than an array: nothing is allocated per call.)
   */
  start(id: number, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0): void {
    const ctl = this.ctl;
    ctl[ARGS] = a0;
    ctl[ARGS + 1] = a1;
    ctl[ARGS + 2] = a2;
    ctl[ARGS + 3] = a3;
    ctl[ARGS + 4] = a4;
    ctl[ARGS + 5] = a5;
    ctl[ARGS + 6] = a6;
    ctl[ARGS + 7] = a7;
    ctl[ARGS + 8] = a8;
    ctl[ARGS + 9] = a9;
    this.signal(id, []);
  }

  private signal(command: number, args: readonly number[]): void {
    if (this.busy) throw new Error("the helper thread is already busy");
    if (args.length > MAX_ARGS) throw new Error("too many kernel arguments");
    const ctl = this.ctl;
    ctl[COMMAND] = command;
    for (let i = 0; i < args.length; i++) ctl[ARGS + i] = args[i];
    this.busy = true;
    this.seq = (this.seq + 1) | 0;
    Atomics.store(ctl, REQUEST, this.seq);
    Atomics.notify(ctl, REQUEST);
  }

  /** Waits for the helper's kernel to finish. */
  join(): void {
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
      throw new Error("a kernel failed on the helper thread");
    }
  }
}

let team: Team | null | undefined;

/** The helper thread, started on first use; null where threads are unavailable. */
export function helper(mem: Arena): Team | null {
  if (team !== undefined) return team;
  team = null;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
    const threads = proc?.getBuiltinModule?.("node:worker_threads") as WorkerThreads | undefined;
    const os = proc?.getBuiltinModule?.("node:os") as { availableParallelism?: () => number } | undefined;
    if (!threads || (os?.availableParallelism?.() ?? 1) < 2) return null;
    team = Team.start(mem, threads);
  } catch {
    team = null;
  }
  return team;
}

export type { Kernel };
