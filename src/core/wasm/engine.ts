/**
 * An engine: the state the fast kernels run with, as an instance — its own WebAssembly memory
 * (./arena.ts), its own helper thread (./team.ts) and its own settings (threads, fast kernels,
 * fused multiply-adds, the workspace limit). Workspaces are made on an engine
 * (`createWorkspace(net, n, { engine })`, `createTrainer(net, data, { engine, … })`) and keep to
 * it: two engines in one process share no memory and no settings, so a page's worker and the CLI,
 * or two trainings side by side, each run with their own. Code that names no engine gets
 * `defaultEngine()`, which the module-level functions of ./mlp.ts (`setThreads`, …) configure.
 *
 * What is shared is only what is pure: the compiled kernel modules (./compile.ts), instantiated
 * on each engine's memory.
 */
import { arena as defaultArena, createArena, type Arena } from "./arena.ts";
import type { PlanLayer } from "./plan/layout.ts";
import { ThreadChoice } from "./plan/threads.ts";
import { relaxedSimd } from "./probes.ts";
import { startBrowserHelper, startHelper, type Team, type WorkerLike } from "./team.ts";

export interface EngineOptions {
  /** The WebAssembly kernels where available (default true); false: the plain TypeScript kernels. */
  fastKernels?: boolean;
  /** 2 (default): large kernel calls are shared with a helper thread where there is one; 1: never. */
  threads?: 1 | 2;
  /** Opt-in fused multiply-adds (not bit-for-bit the default; see `Engine.setFusedMultiplyAdd`). */
  fusedMultiplyAdd?: boolean;
  /** false: a fixed-size, non-shared memory even where shared memory exists (no helper thread). */
  sharedMemory?: boolean;
  /** Bytes of WebAssembly memory this engine's workspaces may hold at once (default WORKSPACE_LIMIT). */
  workspaceLimit?: number;
}

/**
 * The column-list kernels need at least this many columns along their vectors: with fewer, each
 * listed term has too little work to pay for making the lists. Measured on moons-deep.
 */
export const COLUMN_LIST_MIN_WIDTH = 32;

/**
 * WebAssembly memory that an engine's workspaces may hold at once. Their buffers are freed when
 * the garbage collector has found them unreachable, which a loop making workspaces without
 * returning to the event loop never lets happen. A batch larger than what is left runs on the
 * fast kernels in row blocks (./mlp.ts); predictions over many rows split into passes.
 */
export const WORKSPACE_LIMIT = 2 ** 31;

/**
 * Two threads are considered from this many dense multiply-adds per forward pass on (all layers,
 * all rows); whether they are used is then measured (./plan/threads.ts). The decision is per
 * pass, not per kernel: rows a thread has written stay in its core's cache when every kernel
 * gives it the same rows; splitting some kernels and not others makes the data move between
 * cores, which costs more than the small kernels save.
 */
export const SPLIT_WORK = 2_000_000;

/** Stops the helper threads of engines that were garbage-collected without `dispose`. */
const helpers = new FinalizationRegistry<{ team: Team | null }>((held) => held.team?.stop());

export class Engine {
  private memory: Arena | null | undefined;
  /** The helper thread: undefined until first asked for, null where there is none. */
  private readonly held: { team: Team | null | undefined } = { team: undefined };
  private disposed = false;
  private fast: boolean;
  private threadCount: 1 | 2;
  private fused = false;
  private limit: number;
  private split = SPLIT_WORK;
  private columnsMin = COLUMN_LIST_MIN_WIDTH;
  /** What pays, by workspace shape (./plan/threads.ts): a new workspace starts from what the last one learnt. */
  private readonly choices = new Map<string, ThreadChoice>();

  /**
   * `memory`: where the arena comes from (the default engine's is ./arena.ts `arena()`); by
   * default a new one, made on first use.
   */
  constructor(
    options: EngineOptions = {},
    private readonly memorySource: () => Arena | null = () => createArena({ shared: options.sharedMemory }),
  ) {
    this.fast = options.fastKernels ?? true;
    this.threadCount = options.threads ?? 2;
    this.limit = options.workspaceLimit ?? WORKSPACE_LIMIT;
    if (options.fusedMultiplyAdd) this.setFusedMultiplyAdd(true);
    helpers.register(this, this.held as { team: Team | null }, this);
  }

  /** The engine's memory, made on first use; null where WebAssembly SIMD is unavailable. */
  get arena(): Arena | null {
    if (this.memory === undefined) this.memory = this.disposed ? null : this.memorySource();
    return this.memory;
  }

  /** Whether workspaces made from now on use the WebAssembly kernels (where available). */
  get fastKernels(): boolean {
    return this.fast;
  }

  /** Turns the WebAssembly kernels on or off for workspaces made afterwards (tests compare both). */
  setFastKernels(on: boolean): void {
    this.fast = on;
  }

  get threads(): 1 | 2 {
    return this.threadCount;
  }

  /**
   * 1: every kernel on the calling thread; 2 (the default): large passes share their kernels with
   * a helper thread where the platform has one (Node, two cores or more) and where that is
   * measured to be faster (./plan/threads.ts). Results are the same bits. Applies to this
   * engine's workspaces from their next pass on.
   */
  setThreads(count: 1 | 2): void {
    this.threadCount = count;
  }

  get fusedMultiplyAdd(): boolean {
    return this.fused;
  }

  /**
   * Opt-in: fused multiply-adds (WebAssembly relaxed SIMD, FMA instructions where the processor
   * has them) in the matrix kernels of workspaces made afterwards. Each product is then rounded
   * once together with its sum instead of twice, so results differ from the default path (and
   * from one processor to another) in the last bits — not bit-for-bit reproducible, hence off by
   * default. Returns whether it is on (false where relaxed SIMD is unavailable).
   */
  setFusedMultiplyAdd(on: boolean): boolean {
    this.fused = on && relaxedSimd();
    return this.fused;
  }

  /** Bytes of WebAssembly memory this engine's workspaces may hold at once. */
  get workspaceLimit(): number {
    return this.limit;
  }

  /** Lowers (or restores, with no argument) the memory this engine's workspaces may hold. */
  setWorkspaceLimit(bytes = WORKSPACE_LIMIT): void {
    this.limit = bytes;
  }

  /** The least work (dense multiply-adds per forward pass, all rows) shared between two threads. */
  get splitThreshold(): number {
    return this.split;
  }

  /** Sets it; 0 shares every pass of every workspace, however small, without measuring (tests). */
  setSplitThreshold(work = SPLIT_WORK): void {
    this.split = work;
  }

  /** The measured choice of threads for passes of these layers over n rows (./plan/threads.ts). */
  threadChoice(layers: readonly PlanLayer[], n: number): ThreadChoice {
    const key = `${n}:${layers.map((l) => `${l.inputSize}x${l.units}${l.activation ?? ""}`).join(",")}`;
    let choice = this.choices.get(key);
    if (!choice) this.choices.set(key, (choice = new ThreadChoice()));
    return choice;
  }

  /** The narrowest side the column-list dW kernels run along. */
  get columnListMinWidth(): number {
    return this.columnsMin;
  }

  /** Sets it for workspaces made afterwards (tests set 0 or Infinity to pick those kernels or not). */
  setColumnListMinWidth(width = COLUMN_LIST_MIN_WIDTH): void {
    this.columnsMin = width;
  }

  /** Whether this engine's workspaces can use the WebAssembly kernels (whether or not they are on). */
  fastKernelsAvailable(): boolean {
    return this.arena !== null;
  }

  /**
   * The engine's helper thread; null where threads are unavailable. In Node it is started on
   * first use; in a browser only by `startHelperThread`.
   */
  helper(): Team | null {
    if (this.held.team !== undefined) return this.held.team;
    const mem = this.arena;
    this.held.team = mem && !this.disposed ? startHelper(mem) : null;
    return this.held.team;
  }

  /**
   * Starts the helper thread; resolves to whether there is one. In Node it starts at once (as
   * on first use). In a browser's Web Worker, `worker` makes the nested worker that runs
   * ./helper-worker.ts — the page's bundler must see that file as a worker, e.g.
   * `() => new Worker(new URL("…/core/wasm/helper-worker.ts", import.meta.url), { type: "module" })`;
   * it needs a cross-origin-isolated page (COOP/COEP headers: shared memory) and two cores, and
   * resolves to false otherwise, leaving every kernel on the calling thread with the same bits.
   */
  async startHelperThread(options: { worker?: () => WorkerLike; timeoutMs?: number } = {}): Promise<boolean> {
    if (this.helper() !== null) return true;
    const mem = this.arena;
    if (!mem || this.disposed || !options.worker) return false;
    const team = await startBrowserHelper(mem, options.worker, options.timeoutMs);
    if (this.disposed || this.held.team) {
      team?.stop();
      return this.held.team !== null && this.held.team !== undefined;
    }
    this.held.team = team;
    return team !== null;
  }

  /** Whether a helper thread can run (starting it if it is not running yet). */
  helperThreadAvailable(): boolean {
    return this.helper() !== null;
  }

  /** Bytes of the engine's memory its workspaces hold now. */
  get bytesInUse(): number {
    return this.memory?.inUse ?? 0;
  }

  /**
   * Stops the helper thread and lets the memory go. Workspaces made on this engine must not be
   * used afterwards; workspaces made later get the plain kernels.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    helpers.unregister(this);
    this.held.team?.stop();
    this.held.team = null;
    this.memory = null;
  }
}

/** A new engine: its own memory, helper thread and settings (see `EngineOptions`). */
export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}

let theDefault: Engine | undefined;

/** The engine of code that names none: the process's (or the worker's) own. */
export function defaultEngine(): Engine {
  theDefault ??= new Engine({}, () => defaultArena());
  return theDefault;
}
