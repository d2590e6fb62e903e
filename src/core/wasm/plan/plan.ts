/**
 * The fast path of a dense network's forward and backward passes: buffers in WebAssembly memory
 * (./layout.ts) and kernels specialised to the layer widths (./kernel-choice.ts), run on one
 * thread or two (./dispatch.ts). It knows layers only as shapes and whether their activation is
 * fused into the kernels (relu); everything else (other activations, losses) stays with the
 * engine, which runs it in TypeScript on the same buffers.
 *
 * Results are bit-for-bit those of the plain TypeScript kernels: same sums in the same order,
 * with one thread or two. The one exception is the opt-in `setFusedMultiplyAdd`.
 *
 * A batch too large for the engine's memory runs in row blocks (`PlanOptions.blocks`): rows are
 * independent in the forward pass and in dA, and dW and db continue each block's sums from the
 * last block's, sample by sample in order, so the results are the same bits as one pass.
 */
import type { Arena, Block } from "../arena.ts";
import type { Kernel } from "../compile.ts";
import { defaultEngine, type Engine } from "../engine.ts";
import { compileKernels } from "../compile.ts";
import { TRANSPOSE, transposeKernel } from "../kernels/index.ts";
import { PlanPasses, type LayerBuffers } from "./dispatch.ts";
import { layerKernels } from "./kernel-choice.ts";
import { copyValues as copy } from "../../copy.ts";
import { fusedOf, planLayout, type PlanLayer, type PlanLayout } from "./layout.ts";

/** Below this many multiply-adds per forward pass (all rows) the plain kernels are as fast. */
const MIN_WORK = 32;
/**
 * A batch too large for the engine's memory runs in row blocks of about this many bytes (at
 * least MIN_BLOCK_ROWS rows where they fit): larger blocks gain nothing.
 */
const BLOCK_BYTES = 64 * 2 ** 20;
const MIN_BLOCK_ROWS = 1024;

/**
 * Rows per block for a batch that does not fit in one pass (also the rows per pass of a long
 * prediction, nn/passes.ts): about BLOCK_BYTES of buffers, at least MIN_BLOCK_ROWS, at most `fit`.
 */
export function blockRows(layers: readonly PlanLayer[], fit: number): number {
  // (measured over many rows: the layout rounds each buffer up to a 64-byte line)
  const perRow = (MlpPlan.bytes(layers, MIN_BLOCK_ROWS) - MlpPlan.bytes(layers, 0)) / MIN_BLOCK_ROWS;
  return Math.min(fit, Math.max(MIN_BLOCK_ROWS, Math.floor(BLOCK_BYTES / perRow)));
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
  // A page of slack for the block's rounding and what kernels and a helper thread may allocate.
  const room = Math.min(engine.workspaceLimit - mem.inUse, mem.largestFree() - 65536);
  const fits = (rows: number): boolean => MlpPlan.bytes(layers, rows) <= room;
  if (!fits(1)) return 0;
  // the largest count that fits (the layout's size grows with n, in steps of its 64-byte lines)
  let lo = 1;
  let hi = 2;
  while (fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
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

export class MlpPlan extends PlanPasses {
  /** Views onto the buffers (n × units each): Z, A, dZ, dA per layer. */
  readonly Z: Float64Array[] = [];
  readonly A: Float64Array[] = [];
  readonly dZ: Float64Array[] = [];
  readonly dA: Float64Array[] = [];
  /** The gradient in the parameters' layout. */
  readonly grad: Float64Array;
  /** Where each buffer is in the plan's block (offsets from `blockOffset`). */
  readonly layout: PlanLayout;
  /** The block's byte offset in the engine's memory. */
  readonly blockOffset: number;
  private readonly params: Float64Array;
  protected readonly X: Float64Array;
  protected readonly layersBuf: LayerBuffers[] = [];
  protected readonly transpose: Kernel;
  private readonly block: Block;
  protected readonly work: number;
  protected readonly scratch: number;

  /** Whether this plan's kernels use fused multiply-adds (see `Engine.setFusedMultiplyAdd`). */
  readonly fma: boolean;
  /** Per layer, whether its activation runs inside the kernels (relu), so the engine leaves it out. */
  readonly fused: readonly boolean[];

  private constructor(
    protected readonly engine: Engine,
    protected readonly mem: Arena,
    readonly layers: readonly PlanLayer[],
    /** Rows the plan holds: the batch, or a block of it (see `PlanOptions.blocks`). */
    readonly n: number,
    /** Whether hidden fused layers' Z and dA are left out (see `create`). */
    readonly lean: boolean,
    readonly blocked: boolean,
  ) {
    super();
    const fma = (this.fma = engine.fusedMultiplyAdd);
    this.fused = layers.map((l) => fusedOf(l) !== undefined);
    const layout = (this.layout = planLayout(layers, n));
    // Not cleared: every buffer is written before it is read (parameters, input and transposes
    // are copied in, the kernels write Z, A, dZ, dA and the row lists of the rows they are given,
    // and the gradient kernels zero what they add into).
    const block = (this.block = mem.alloc(layout.bytes, false));
    const at = (this.blockOffset = block.offset);
    this.work = layers.reduce((sum, l) => sum + l.inputSize * l.units, 0);
    const view = (offset: number, bytes: number): Float64Array => mem.f64(block, offset, bytes / 8);
    this.params = view(layout.params.offset, layout.params.bytes);
    this.grad = view(layout.grad.offset, layout.grad.bytes);
    this.X = view(layout.X.offset, layout.X.bytes);
    this.scratch = at + layout.scratch.offset;
    this.transpose = compileKernels(mem, [[TRANSPOSE, transposeKernel]])[0];

    let p = 0;
    layers.forEach((l, i) => {
      const r = layout.layers[i];
      const size = l.units * l.inputSize;
      const W = at + layout.params.offset + 8 * p;
      const gW = at + layout.grad.offset + 8 * p;
      p += size;
      const b = at + layout.params.offset + 8 * p;
      const gb = at + layout.grad.offset + 8 * p;
      p += l.units;
      const kernels = layerKernels(mem, layers, i, { lean, blocked, fma, columnListMinWidth: engine.columnListMinWidth });
      const abs = (region: { offset: number; bytes: number }): number => (region.bytes > 0 ? at + region.offset : 0);
      this.layersBuf.push({ ...kernels, W, Wt: abs(r.Wt), b, gW, gb, Z: abs(r.Z), A: abs(r.A), dZ: abs(r.dZ), dA: abs(r.dA), list: abs(r.list), gWt: kernels.gradMode === "columnsT" ? abs(r.gWt) : 0 });
      this.Z.push(view(r.Z.offset, r.Z.bytes));
      this.A.push(view(r.A.offset, r.A.bytes));
      this.dZ.push(view(r.dZ.offset, r.dZ.bytes));
      this.dA.push(view(r.dA.offset, r.dA.bytes));
    });
  }

  /** Bytes of WebAssembly memory a plan holds: its layout's (./layout.ts), exactly. */
  static bytes(layers: readonly PlanLayer[], n: number): number {
    return planLayout(layers, n).bytes;
  }

  /**
   * A plan for these layers and batch size, or null where the plain kernels should be used.
   * `lean` (training, prediction): hidden fused layers' Z and dA are not written — neither a
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
      rows = blockRows(layers, fit);
    }
    try {
      return new MlpPlan(engine, mem, layers, rows, lean, rows < n);
    } catch {
      // e.g. synchronous compilation refused (a browser's main thread) or memory exhausted
      return null;
    }
  }

  /** Frees the buffers now (the plan must not be used afterwards). */
  free(): void {
    this.mem.release(this.block);
  }

  /** Copies the parameters in. Call before `forwardLayer` and `backwardLayer`. */
  loadParams(params: Float64Array): void {
    copy(params, 0, this.params, 0, params.length);
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

  /** Whether every hidden layer's activation is fused, so that the whole forward pass runs in kernels (`forwardAll`). */
  get hiddenRelu(): boolean {
    for (let l = 0; l < this.layers.length - 1; l++) if (!this.fused[l]) return false;
    return true;
  }
}
