/**
 * The fast path of a dense network's forward and backward passes: buffers in WebAssembly memory
 * and kernels specialised to the layer widths (./generate.ts). It knows layers only as shapes and
 * whether they are relu; everything else (other activations, losses) stays with the engine,
 * which runs it in TypeScript on the same buffers.
 *
 * Results are bit-for-bit those of the plain TypeScript kernels: same sums in the same order.
 * With two threads (./team.ts) each kernel's outputs are shared out between the threads (rows of
 * Z, A, dZ, dA; units, i.e. rows, of dW), every value still computed by the same operations: the
 * same bits again. The one exception is the opt-in `setFusedMultiplyAdd`.
 *
 * A plan belongs to an engine (./engine.ts): its memory, helper thread and settings. Knobs are
 * the engine's methods (`setThreads(1 | 2)`, `setFusedMultiplyAdd(on)`; `setFastKernels(on)`,
 * `setSplitThreshold` and `setColumnListMinWidth`, with which tests pick kernels); the functions
 * of the same names here set the default engine's. `releaseWorkspace(ws)` hands a workspace's
 * memory back at once.
 *
 * A batch too large for the engine's memory runs in row blocks (`PlanOptions.blocks`): rows are
 * independent in the forward pass and in dA, and dW and db continue each block's sums from the
 * last block's, sample by sample in order, so the results are the same bits as one pass.
 */
import type { Arena, Block } from "./arena.ts";
import { defaultEngine, type Engine } from "./engine.ts";
import type { Fn } from "./emit.ts";
import { compiledKernel, compileKernels, type Kernel } from "./compile.ts";
import { atbColsKernel, atbColsKernelName, atbColsScratchBytes, atbKernel, atbKernelName, atbRowsKernel, atbRowsKernelName, colSumsKernel, rowKernel, rowKernelName, rowListBytes, transposeKernel, type RowKernelSpec, type UnitWindow } from "./generate.ts";
import type { Team } from "./team.ts";

export interface PlanLayer {
  readonly inputSize: number;
  readonly units: number;
  /** relu layers get the fused activation and the row lists that let later kernels skip zeros. */
  readonly relu: boolean;
}

/** A kernel by name and id (for the helper thread) and compiled (for this one). */
interface Named {
  name: string;
  id: number;
  run: Kernel;
}

interface LayerBuffers {
  /** Byte offsets in the arena. */
  W: number;
  Wt: number;
  b: number;
  gW: number;
  gb: number;
  Z: number;
  A: number;
  dZ: number;
  dA: number;
  /** Row lists of A (hidden relu layers only; 0 otherwise). */
  list: number;
  forward: Named;
  colSums: Named;
  /** db added to the sums of earlier blocks (blocked plans only). */
  colSumsAcc: Named | null;
  /** How dW is made (see `GradMode`), by `grad`, or by `gradHalves` on two threads (null: not split). */
  gradMode: GradMode;
  grad: Named;
  gradHalves: [Named, Named] | null;
  /** The same for blocks after the first (the dense kernel adding to dW so far; else the same kernels). */
  gradAcc: Named;
  gradHalvesAcc: [Named, Named] | null;
  /** "columnsT" only: dWᵀ (k×m) and a throw-away row of column sums, before the transpose into dW. */
  gWt: number;
  /** dA of the layer below from this layer's dZ (null for the first layer). */
  back: Named | null;
}

/**
 * How a layer's dW = dZᵀ·A_prev is made, all with the same bits (each cell summed in sample order):
 * - "columns": atbColsKernel over the layer's own row lists (dZ is zero where A is), sums in
 *   registers, db made on the way. For relu layers whose input is wide enough (below).
 * - "columnsT": dWᵀ = A_prevᵀ·dZ by atbColsKernel over the row lists of the relu layer below, then
 *   transposed; for a relu layer below a narrow input whose own layer is wide enough (the kernel's
 *   vectors run along the other side).
 * - "rows": atbRowsKernel, adding into dW in memory term by term (held back by one store per
 *   vector per term), when neither side is wide enough.
 * - "dense": atbKernel, register tiles over every sample (no row lists on either side to skip by).
 */
type GradMode = "columns" | "columnsT" | "rows" | "dense";

/** Below this many multiply-adds per forward pass (all rows) the plain kernels are as fast. */
const MIN_WORK = 32;
/**
 * A batch too large for the engine's memory runs in row blocks of about this many bytes (at
 * least MIN_BLOCK_ROWS rows where they fit): larger blocks gain nothing.
 */
const BLOCK_BYTES = 64 * 2 ** 20;
const MIN_BLOCK_ROWS = 1024;

export { COLUMN_LIST_MIN_WIDTH, WORKSPACE_LIMIT, createEngine, defaultEngine, Engine, type EngineOptions } from "./engine.ts";

// The default engine's settings, as functions (what code that names no engine, and the tests, call).

/** The narrowest side the column-list dW kernels run along (tests set 0 or Infinity to pick them or not). */
export function setColumnListMinWidth(width: number): void {
  defaultEngine().setColumnListMinWidth(width);
}

/** Lowers (or restores, with no argument) the memory workspaces may hold; for tests of the limit. */
export function setWorkspaceLimit(bytes?: number): void {
  defaultEngine().setWorkspaceLimit(bytes);
}

/** Turns the WebAssembly kernels on or off for workspaces made afterwards (tests compare both). */
export function setFastKernels(on: boolean): void {
  defaultEngine().setFastKernels(on);
}

/** 1 or 2 threads for the default engine's workspaces (see `Engine.setThreads`). */
export function setThreads(count: 1 | 2): void {
  defaultEngine().setThreads(count);
}

export function getThreads(): number {
  return defaultEngine().threads;
}

/** The least work (dense multiply-adds per forward pass) shared between two threads; for tests. */
export function setSplitThreshold(work: number): void {
  defaultEngine().setSplitThreshold(work);
}

/** Opt-in fused multiply-adds for the default engine (see `Engine.setFusedMultiplyAdd`). */
export function setFusedMultiplyAdd(on: boolean): boolean {
  return defaultEngine().setFusedMultiplyAdd(on);
}

export function getFusedMultiplyAdd(): boolean {
  return defaultEngine().fusedMultiplyAdd;
}

export function fastKernelsAvailable(): boolean {
  return defaultEngine().fastKernelsAvailable();
}

/** Whether a helper thread can run (starting it if it is not running yet). */
export function helperThreadAvailable(): boolean {
  return defaultEngine().helperThreadAvailable();
}

/**
 * The most rows a workspace for these layers made now on `engine` can have and still run in one
 * pass on the fast kernels: within the workspace limit and the WebAssembly memory left (0 when not
 * even one row fits); Infinity where no workspace would (fast kernels off or unavailable), so
 * splitting gains nothing. Callers with many rows (predictions over grids) split them into passes
 * of at most this many.
 */
export function maxPlanRows(layers: readonly PlanLayer[], engine: Engine = defaultEngine()): number {
  if (!engine.fastKernels || layers.length === 0) return Infinity;
  const mem = engine.arena;
  if (!mem) return Infinity;
  const fixed = MlpPlan.bytes(layers, 0);
  const perRow = MlpPlan.bytes(layers, 1) - fixed;
  // A page of slack for the block's rounding and what kernels and a helper thread may allocate.
  const room = Math.min(engine.workspaceLimit - mem.inUse, mem.largestFree() - 65536) - fixed;
  return room < perRow ? 0 : Math.floor(room / perRow);
}

export interface PlanOptions {
  /** The engine whose memory, kernels and settings the plan uses (default: `defaultEngine()`). */
  engine?: Engine;
  /**
   * When n rows do not fit the engine's memory, a plan for fewer rows (a block; `n` says how
   * many) rather than none: the caller runs its passes block by block (`backwardLayer`'s
   * `first`/`last`). Default false.
   */
  blocks?: boolean;
}

function named(mem: Arena, name: string, make: Parameters<typeof compileKernels>[1][number][1]): Named {
  const run = compileKernels(mem, [[name, make]])[0];
  return { name, id: compiledKernel(mem, name)!.id, run };
}

export class MlpPlan {
  /** Views onto the buffers (n × units each): Z, A, dZ, dA per layer. */
  readonly Z: Float64Array[] = [];
  readonly A: Float64Array[] = [];
  readonly dZ: Float64Array[] = [];
  readonly dA: Float64Array[] = [];
  /** The gradient in the parameters' layout. */
  readonly grad: Float64Array;
  private readonly params: Float64Array;
  private readonly X: Float64Array;
  private readonly layersBuf: LayerBuffers[] = [];
  private readonly transpose: Kernel;
  /** Views of each layer's dW, to zero before the list kernels add into them. */
  private readonly gradW: Float64Array[] = [];
  private team: Team | null = null;
  private readonly block: Block;
  /** Dense multiply-adds per sample row, all layers. */
  private readonly work: number;
  private readonly scratch: number;

  /** Whether this plan's kernels use fused multiply-adds (see `Engine.setFusedMultiplyAdd`). */
  readonly fma: boolean;

  private constructor(
    private readonly engine: Engine,
    private readonly mem: Arena,
    readonly layers: readonly PlanLayer[],
    /** Rows the plan holds: the batch, or a block of it (see `PlanOptions.blocks`). */
    readonly n: number,
    /** Whether hidden relu layers' Z and dA are left out (see `create`). */
    readonly lean: boolean,
    /** Made for a larger batch, run block by block: the gradient kernels can add to earlier blocks' sums. */
    readonly blocked: boolean,
  ) {
    const fma = (this.fma = engine.fusedMultiplyAdd);
    const colsMinWidth = engine.columnListMinWidth;
    const d = layers[0].inputSize;
    let paramCount = 0;
    for (const l of layers) paramCount += l.units * l.inputSize + l.units;
    // Not cleared: every buffer is written before it is read (parameters, input and transposes
    // are copied in, the kernels write Z, A, dZ, dA and the row lists of the rows they are given,
    // and the gradient kernels zero what they add into).
    const block = mem.alloc(MlpPlan.bytes(layers, n), false);
    this.block = block;
    this.work = layers.reduce((sum, l) => sum + l.inputSize * l.units, 0);
    let cursor = 0;
    const take = (b: number): number => {
      const at = cursor;
      cursor += Math.ceil(b / 64) * 64;
      return block.offset + at;
    };
    const view = (offset: number, length: number): Float64Array => mem.f64(block, offset - block.offset, length);
    const pOff = take(8 * paramCount);
    const gOff = take(8 * paramCount);
    this.params = view(pOff, paramCount);
    this.grad = view(gOff, paramCount);
    const xOff = take(8 * n * d);
    this.X = view(xOff, n * d);
    // Scratch of the column-list kernels (their threads use disjoint units of it).
    this.scratch = take(scratchBytes(layers));
    this.transpose = compileKernels(mem, [["transpose", transposeKernel]])[0];

    let p = 0;
    layers.forEach((l, i) => {
      const k = l.inputSize;
      const m = l.units;
      const below = i > 0 ? layers[i - 1] : null;
      const last = i === layers.length - 1;
      const W = pOff + 8 * p;
      const gW = gOff + 8 * p;
      this.gradW.push(view(gW, m * k));
      p += m * k;
      const b = pOff + 8 * p;
      const gb = gOff + 8 * p;
      p += m;
      const Wt = take(8 * m * k);
      const Z = take(8 * n * m);
      const A = take(8 * n * m);
      const dZ = take(8 * n * m);
      const dA = take(8 * n * m);
      const lists = l.relu && !last;
      const list = lists ? take(rowListBytes(n, m)) : 0;
      // The output layer's activation runs in TypeScript (it may be anything); hidden relu is fused.
      const fwd: RowKernelSpec = { k, w: m, sparse: below?.relu ?? false, bias: true, epilogue: lists ? "relu" : "store", keepSum: !lean, fma };
      const bwd: RowKernelSpec | null = below ? { k: m, w: k, sparse: lists, bias: false, epilogue: below.relu ? "mask" : "store", keepSum: !lean, fma } : null;
      const gradMode: GradMode = lists && k >= colsMinWidth ? "columns" : below?.relu && m >= colsMinWidth ? "columnsT" : lists ? "rows" : "dense";
      const [grad, gradHalves] = gradKernels(mem, gradMode, m, k, fma, false);
      // Blocks after the first add to the sums so far (dense dW and db; the list kernels always add).
      const [gradAcc, gradHalvesAcc] = blocked && gradMode === "dense" ? gradKernels(mem, gradMode, m, k, fma, true) : [grad, gradHalves];
      const gWt = gradMode === "columnsT" ? take(8 * (k * m + k)) : 0;
      this.layersBuf.push({
        W,
        Wt,
        b,
        gW,
        gb,
        Z,
        A,
        dZ,
        dA,
        list,
        forward: named(mem, rowKernelName(fwd), () => rowKernel(fwd)),
        colSums: named(mem, `colsums_${m}`, () => colSumsKernel(m)),
        colSumsAcc: blocked ? named(mem, `colsums_${m}_acc`, () => colSumsKernel(m, undefined, true)) : null,
        gradMode,
        grad,
        gradHalves,
        gradAcc,
        gradHalvesAcc,
        gWt,
        back: bwd ? named(mem, rowKernelName(bwd), () => rowKernel(bwd)) : null,
      });
      this.Z.push(view(Z, n * m));
      this.A.push(view(A, n * m));
      this.dZ.push(view(dZ, n * m));
      this.dA.push(view(dA, n * m));
    });
  }

  /** Bytes of WebAssembly memory a plan holds. */
  static bytes(layers: readonly PlanLayer[], n: number): number {
    let paramCount = 0;
    let wtCount = 0;
    let act = 0;
    let listInts = 0;
    for (const l of layers) {
      paramCount += l.units * l.inputSize + l.units;
      wtCount += l.units * l.inputSize;
      act += n * l.units;
      if (l.relu) listInts += n * (l.units + 1);
      // room for the "columnsT" mode's dWᵀ (wherever it might be chosen)
      wtCount += l.units * l.inputSize + l.inputSize;
    }
    return 8 * (2 * paramCount + wtCount + n * layers[0].inputSize + 4 * act) + 4 * listInts + scratchBytes(layers) + 64 * (8 * layers.length + 8);
  }

  /**
   * A plan for these layers and batch size, or null where the plain kernels should be used.
   * `lean` (training, prediction): hidden relu layers' Z and dA are not written — neither a
   * training step nor a prediction reads them (relu's backward step masks by A > 0, the same
   * test as Z > 0). With `blocks`, a batch too large for the engine's memory gets a plan for a
   * block of its rows.
   */
  static create(layers: readonly PlanLayer[], n: number, lean = false, options: PlanOptions = {}): MlpPlan | null {
    const engine = options.engine ?? defaultEngine();
    if (!engine.fastKernels || layers.length === 0 || n <= 0) return null;
    const mem = engine.arena;
    if (!mem) return null;
    let work = 0;
    for (const l of layers) work += l.inputSize * l.units;
    if (work * n < MIN_WORK) return null;
    let rows = n;
    if (mem.inUse + MlpPlan.bytes(layers, n) > engine.workspaceLimit) {
      if (!options.blocks) return null;
      const fit = Math.min(n - 1, maxPlanRows(layers, engine));
      if (fit < 1) return null;
      const perRow = MlpPlan.bytes(layers, 1) - MlpPlan.bytes(layers, 0);
      rows = Math.min(fit, Math.max(MIN_BLOCK_ROWS, Math.floor(BLOCK_BYTES / perRow)));
    }
    try {
      return new MlpPlan(engine, mem, layers, rows, lean, rows < n);
    } catch {
      // e.g. synchronous compilation refused (a browser's main thread) or memory exhausted
      return null;
    }
  }

  /** The helper thread when this workspace's work is worth sharing, else null. */
  private share(n: number): Team | null {
    const engine = this.engine;
    if (engine.threads < 2 || n < 16 || this.work * n < engine.splitThreshold) return null;
    if (!this.team) {
      this.team = engine.helper();
      if (!this.team) return null;
      const names: string[] = [];
      for (const b of this.layersBuf) {
        names.push(b.forward.name, b.grad.name);
        if (b.back) names.push(b.back.name);
        if (b.gradHalves) names.push(b.gradHalves[0].name, b.gradHalves[1].name);
        if (b.gradHalvesAcc && b.gradHalvesAcc !== b.gradHalves) names.push(b.gradHalvesAcc[0].name, b.gradHalvesAcc[1].name);
      }
      this.team.load(names);
    }
    return this.team;
  }

  /** Frees the buffers now (the plan must not be used afterwards). */
  free(): void {
    this.mem.release(this.block);
  }

  /** Copies the parameters in. Call before `forwardLayer` and `backwardLayer`. */
  loadParams(params: Float64Array): void {
    this.params.set(params);
  }

  /** Makes each Wᵀ from the loaded parameters (for the forward pass). */
  loadTransposes(): void {
    for (let i = 0; i < this.layers.length; i++) {
      const b = this.layersBuf[i];
      this.transpose(b.W, b.Wt, this.layers[i].units, this.layers[i].inputSize);
    }
  }

  /** Rows [from, from + n) of X in, as the plan's first n rows. */
  loadInput(X: Float64Array, n: number, from = 0): void {
    const d = this.layers[0].inputSize;
    copy(X, from * d, this.X, 0, n * d);
  }

  /** Z of layer l (first n rows) into an ordinary array, from row `at` on: the output layer's, which `forward` returns. */
  copyOut(l: number, Z: Float64Array, n: number, at = 0): void {
    const w = this.layers[l].units;
    copy(this.Z[l], 0, Z, at * w, n * w);
  }

  /** dZ of layer l (rows [from, from + n) of an ordinary array) in: the output layer's, which the loss makes. */
  copyIn(l: number, dZ: Float64Array, n: number, from = 0): void {
    const w = this.layers[l].units;
    copy(dZ, from * w, this.dZ[l], 0, n * w);
  }

  /** Z = A_prev·Wᵀ + b over the first n rows; for hidden relu layers also A and the row lists. */
  forwardLayer(l: number, n: number): void {
    const team = this.share(n);
    if (!team) {
      this.forwardRows(l, 0, n, null);
      return;
    }
    const r = n >> 1;
    team.begin();
    this.forwardRows(l, r, n - r, team);
    team.go();
    this.forwardRows(l, 0, r, null);
    team.finish();
  }

  /** Whether every hidden layer is relu, so that the whole forward pass runs in kernels (`forwardAll`). */
  get hiddenRelu(): boolean {
    for (let l = 0; l < this.layers.length - 1; l++) if (!this.layers[l].relu) return false;
    return true;
  }

  /**
   * Every layer's `forwardLayer` in turn (all hidden layers relu). With two threads the helper
   * takes its rows through all the layers in one hand-over: rows are independent in a forward pass.
   */
  forwardAll(n: number): void {
    const team = this.share(n);
    const L = this.layers.length;
    if (!team) {
      for (let l = 0; l < L; l++) this.forwardRows(l, 0, n, null);
      return;
    }
    const r = n >> 1;
    team.begin();
    for (let l = 0; l < L; l++) this.forwardRows(l, r, n - r, team);
    team.go();
    for (let l = 0; l < L; l++) this.forwardRows(l, 0, r, null);
    team.finish();
  }

  /** Layer l's forward kernel on rows [r0, r0 + count): run here, or added to the helper's list. */
  private forwardRows(l: number, r0: number, count: number, helperList: Team | null): void {
    const b = this.layersBuf[l];
    const below = l > 0 ? this.layersBuf[l - 1] : null;
    const k = this.layers[l].inputSize;
    const w = this.layers[l].units;
    const S = (below ? below.A : this.X.byteOffset) + r0 * k * 8;
    const listIn = below?.list ? below.list + r0 * (k + 1) * 4 : 0;
    const listOut = b.list ? b.list + r0 * (w + 1) * 4 : 0;
    const Z = b.Z + r0 * w * 8;
    const A = b.A + r0 * w * 8;
    if (helperList) helperList.add(b.forward, S, b.Wt, b.b, Z, A, 0, listIn, listOut, count);
    else b.forward.run(S, b.Wt, b.b, Z, A, 0, listIn, listOut, count);
  }

  /**
   * The backward step of layer l: dW and db into `grad` and, for l > 0, dA of layer l − 1 (and its
   * dZ when it is relu; otherwise the caller applies its activation's backward step).
   * A batch in blocks (blocked plans): the blocks in row order, `first` for the first, `last` for
   * the last; dW and db are the same sums in the same order as in one pass.
   */
  backwardLayer(l: number, n: number, first = true, last = true): void {
    if (!(first || this.blocked)) throw new Error("only a blocked plan runs a batch in blocks");
    this.gradLayer(l, n, first, last);
    if (l > 0) this.backLayer(l, n);
  }

  /** dW = dZᵀ·A_prev and db = Σ rows of dZ, into `grad` (added to the earlier blocks' unless `first`). */
  private gradLayer(l: number, n: number, first: boolean, last: boolean): void {
    const b = this.layersBuf[l];
    const below = l > 0 ? this.layersBuf[l - 1] : null;
    const m = this.layers[l].units;
    const k = this.layers[l].inputSize;
    const Aprev = below ? below.A : this.X.byteOffset;
    // Kernel arguments (S, D, out, lists, n, scratch, sums: each kind reads the ones it takes).
    // The list kernels add into zeroed outputs; "columns" adds into db too (adjacent to dW).
    let S = b.dZ;
    let D = Aprev;
    let out = b.gW;
    let lists = b.list;
    let sums = b.gb;
    if (b.gradMode === "columnsT") {
      // (one assignment each: a destructured array would be an allocation per call)
      S = Aprev;
      D = b.dZ;
      out = b.gWt;
      lists = below!.list;
      sums = b.gWt + 8 * k * m;
      if (first) this.mem.zero(b.gWt, 8 * (k * m + k));
    } else if (!first) {
      // adding to the earlier blocks' sums
    } else if (b.gradMode === "columns") this.mem.zero(b.gW, 8 * (m * k + m));
    else if (b.gradMode === "rows") this.mem.zero(b.gW, 8 * m * k);
    const a3 = b.gradMode === "dense" ? n : lists;
    const halves = first ? b.gradHalves : b.gradHalvesAcc;
    const team = halves ? this.share(n) : null;
    if (team) team.start(halves![1], S, D, out, a3, n, this.scratch, sums);
    (team ? halves![0] : first ? b.grad : b.gradAcc).run(S, D, out, a3, n, this.scratch, sums);
    if (b.gradMode !== "columns") (first ? b.colSums : b.colSumsAcc!).run(b.dZ, b.gb, n);
    team?.finish();
    if (b.gradMode === "columnsT" && last) this.transpose(b.gWt, b.gW, k, m);
  }

  /** dA of layer l−1 = dZ[l]·W[l]; when layer l−1 is relu, its dZ too (fused mask: A > 0 ⇔ Z > 0). */
  private backLayer(l: number, n: number): void {
    const b = this.layersBuf[l];
    const below = this.layersBuf[l - 1];
    const m = this.layers[l].units;
    const k = this.layers[l].inputSize;
    const team = this.share(n);
    if (!team) {
      b.back!.run(b.dZ, b.W, 0, below.dA, below.dZ, below.A, b.list, 0, n);
      return;
    }
    const r = n >> 1;
    team.start(b.back!, b.dZ + r * m * 8, b.W, 0, below.dA + r * k * 8, below.dZ + r * k * 8, below.A + r * k * 8, b.list ? b.list + r * (m + 1) * 4 : 0, 0, n - r);
    b.back!.run(b.dZ, b.W, 0, below.dA, below.dZ, below.A, b.list, 0, r);
    team.finish();
  }
}

/** The kernel that makes dW in `mode`, and its two halves for two threads (null: not split). */
function gradKernels(mem: Arena, mode: GradMode, m: number, k: number, fma: boolean, accumulate: boolean): [Named, [Named, Named] | null] {
  const split = <S>(spec: (window: UnitWindow | undefined) => S, name: (s: S) => string, make: (s: S) => Fn, units: number, minUnits: number, cut = units >> 1): [Named, [Named, Named] | null] => {
    const one = (w: UnitWindow | undefined): Named => {
      const s = spec(w);
      return named(mem, name(s), () => make(s));
    };
    return [one(undefined), units >= minUnits ? [one([0, cut]), one([cut, units])] : null];
  };
  switch (mode) {
    case "columns":
      return split((window) => ({ m, k, fma, window }), atbColsKernelName, atbColsKernel, m, 2);
    case "columnsT":
      return split((window) => ({ m: k, k: m, fma, window }), atbColsKernelName, atbColsKernel, k, 2);
    case "rows":
      return split((window) => ({ m, k, window, fma }), (s) => atbRowsKernelName(s.m, s.k, undefined, s.window, fma), (s) => atbRowsKernel(s.m, s.k, undefined, s.window, fma), m, 2);
    case "dense": {
      // One unit (a binary output): a single row of tiles, 12 vectors wide (measured 2× the default
      // 4 × 2 tiles). An even split for two threads: the dense kernel's tiles pair units.
      const tile = m === 1 ? { rows: 1, vecs: 12 } : {};
      return split((units) => ({ m, k, units, fma, accumulate, ...tile }), atbKernelName, atbKernel, m, 4, (m >> 2) * 2);
    }
  }
}

function scratchBytes(layers: readonly PlanLayer[]): number {
  return atbColsScratchBytes(Math.max(...layers.map((l) => l.units)));
}

/** to[at..at + length) = from[start..start + length), without making a subarray (training allocates nothing per epoch). */
function copy(from: Float64Array, start: number, to: Float64Array, at: number, length: number): void {
  if (start === 0 && at === 0 && length === from.length && length === to.length) to.set(from);
  else for (let i = 0; i < length; i++) to[at + i] = from[start + i];
}

const plans = new WeakMap<object, MlpPlan>();

/** Ties a plan to the workspace whose buffers it owns. */
export function attachPlan(owner: object, plan: MlpPlan): void {
  plans.set(owner, plan);
}

/** The plan of a workspace, if it has one and it fits these layers (else the plain kernels run). */
export function planFor(owner: object, layers: readonly { inputSize: number; units: number; activation: string }[]): MlpPlan | null {
  const plan = plans.get(owner);
  if (!plan) return null;
  const mine = plan.layers;
  if (mine.length !== layers.length) return null;
  for (let i = 0; i < mine.length; i++) {
    const l = layers[i];
    if (mine[i].inputSize !== l.inputSize || mine[i].units !== l.units || mine[i].relu !== (l.activation === "relu")) return null;
  }
  return plan;
}

/** The arrays of a workspace that may live in WebAssembly memory. */
export interface WorkspaceArrays {
  readonly Z: Float64Array[];
  readonly A: Float64Array[];
  readonly dZ: Float64Array[];
  readonly dA: Float64Array[];
}

/**
 * Gives a workspace's WebAssembly memory back at once, instead of when the garbage collector has
 * found the workspace unreachable (which a synchronous loop never gives it time to report). Its
 * arrays are replaced by ordinary copies, so the workspace stays usable, with the plain kernels.
 * For code that makes workspaces for one call (training, prediction, a trace), at its end.
 */
export function releaseWorkspace(ws: WorkspaceArrays): void {
  const plan = plans.get(ws);
  if (!plan) return;
  plans.delete(ws);
  for (const key of ["Z", "A", "dZ", "dA"] as const) {
    const list = ws[key];
    for (let l = 0; l < list.length; l++) if (list[l] === plan[key][l]) list[l] = list[l].slice();
  }
  plan.free();
}
