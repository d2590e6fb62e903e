/**
 * Running a plan's kernels, on one thread or two. With two (../team.ts) each kernel's outputs are
 * shared out between the threads (rows of Z, A, dZ, dA; units, i.e. rows, of dW), every value
 * still computed by the same operations: the same bits. The decision is per pass, for every
 * kernel of the pass alike — rows a thread has written stay in its core's cache when every kernel
 * gives it the same rows — and made by what pays (./threads.ts).
 */
import type { Arena } from "../arena.ts";
import type { Kernel } from "../compile.ts";
import type { Engine } from "../engine.ts";
import type { Team } from "../team.ts";
import type { LayerKernels } from "./kernel-choice.ts";
import type { PlanLayer } from "./layout.ts";
import type { ThreadChoice } from "./threads.ts";

/** A layer's buffers (absolute byte offsets in the memory; 0 where it has none) and kernels. */
export interface LayerBuffers extends LayerKernels {
  W: number;
  Wt: number;
  b: number;
  gW: number;
  gb: number;
  Z: number;
  A: number;
  dZ: number;
  dA: number;
  list: number;
  gWt: number;
}

const now = (): number => performance.now() / 1000;

export abstract class PlanPasses {
  protected abstract readonly engine: Engine;
  protected abstract readonly mem: Arena;
  abstract readonly layers: readonly PlanLayer[];
  protected abstract readonly layersBuf: readonly LayerBuffers[];
  protected abstract readonly X: Float64Array;
  protected abstract readonly scratch: number;
  protected abstract readonly transpose: Kernel;
  /** Made for a larger batch, run block by block: the gradient kernels can add to earlier blocks' sums. */
  abstract readonly blocked: boolean;
  /** Dense multiply-adds per sample row, all layers. */
  protected abstract readonly work: number;

  private team: Team | null = null;
  /** What pays (null: not measured, see `share`), and the pass being timed. */
  private choice: ThreadChoice | null = null;
  private passThreads: 1 | 2 = 1;
  private passStart = 0;
  private passRows = 0;

  /** A pass begins (the forward kernels of its first layer): the last one's cost goes to the choice. */
  private beginPass(n: number): void {
    const engine = this.engine;
    if (engine.threads < 2 || n < 16 || this.work * n < engine.splitThreshold) {
      this.passThreads = 1;
      this.choice = null;
      this.passRows = 0;
      return;
    }
    if (engine.splitThreshold === 0) {
      // forced (tests): every pass shared, nothing timed
      this.passThreads = 2;
      return;
    }
    // A pass's cost: from its start to the next one's, so that what two threads cost outside the
    // kernels (rows in the other core's cache when the loss and the update read them) counts too.
    const t = now();
    if (!this.choice) this.choice = engine.threadChoice(this.layers, n);
    else if (this.passRows > 0) this.choice.record(t - this.passStart, this.passRows, this.passThreads);
    this.passThreads = this.choice.threads;
    this.passStart = t;
    this.passRows = n;
  }

  /** The helper thread when this pass shares its kernels, else null. */
  private share(): Team | null {
    if (this.passThreads < 2) return null;
    if (!this.team) {
      this.team = this.engine.helper();
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

  /** Z = A_prev·Wᵀ + b over the first n rows; for hidden fused layers also A and the row lists. */
  forwardLayer(l: number, n: number): void {
    if (l === 0) this.beginPass(n);
    const team = this.share();
    if (!team) this.forwardRows(l, 0, n, null);
    else {
      const r = n >> 1;
      team.begin();
      this.forwardRows(l, r, n - r, team);
      team.go();
      this.forwardRows(l, 0, r, null);
      team.finish();
    }
  }

  /**
   * Every layer's `forwardLayer` in turn (all hidden layers fused: see `hiddenRelu`). With two
   * threads the helper takes its rows through all the layers in one hand-over: rows are
   * independent in a forward pass.
   */
  forwardAll(n: number): void {
    this.beginPass(n);
    const team = this.share();
    const L = this.layers.length;
    if (!team) for (let l = 0; l < L; l++) this.forwardRows(l, 0, n, null);
    else {
      const r = n >> 1;
      team.begin();
      for (let l = 0; l < L; l++) this.forwardRows(l, r, n - r, team);
      team.go();
      for (let l = 0; l < L; l++) this.forwardRows(l, 0, r, null);
      team.finish();
    }
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
   * dZ when it is fused; otherwise the caller applies its activation's backward step).
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
    const team = halves ? this.share() : null;
    if (team) team.start(halves![1], S, D, out, a3, n, this.scratch, sums);
    (team ? halves![0] : first ? b.grad : b.gradAcc).run(S, D, out, a3, n, this.scratch, sums);
    if (b.gradMode !== "columns") (first ? b.colSums : b.colSumsAcc!).run(b.dZ, b.gb, n);
    team?.finish();
    if (b.gradMode === "columnsT" && last) this.transpose(b.gWt, b.gW, k, m);
  }

  /** dA of layer l−1 = dZ[l]·W[l]; when layer l−1 is fused, its dZ too (relu's mask: A > 0 ⇔ Z > 0). */
  private backLayer(l: number, n: number): void {
    const b = this.layersBuf[l];
    const below = this.layersBuf[l - 1];
    const m = this.layers[l].units;
    const k = this.layers[l].inputSize;
    const team = this.share();
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
