/** One optimiser's epochs: first-order (gd, sgd, Adam; full batch or mini-batches) and L-BFGS, each measuring through the Recorder. */
import { gatherRows, type Matrix } from "../../core/matrix.ts";
import { createRandom, shuffle, type Random } from "../../core/random.ts";
import { sameValues } from "../../core/same-values.ts";
import { createLbfgs, type LbfgsStepper } from "../lbfgs.ts";
import { outputLayer, type Network } from "../network.ts";
import type { OptimizerEntry } from "../optimizers/entry.ts";
import type { Optimizer } from "../optimizers/optimizer.ts";
import { optimizerEntry, optimizerOptions, type OptimizerName } from "../optimizers/registry.ts";
import { backward, forward, lossTotal, objectiveAndGradient, reportedLoss, type Workspace } from "../propagation.ts";
import { accuracy, taskOf } from "../targets.ts";
import type { TrainConfig, TrainData, TrainerSettings } from "./config.ts";
import type { Recorder } from "./recorder.ts";

/** One optimiser's epochs. */
export interface Engine {
  /**
   * Epoch `epoch`: measures (`Recorder.measure`) and updates. Returns false when no update could
   * be made (L-BFGS has stopped); then nothing was measured.
   */
  run(epoch: number): boolean;
  /** After a completed epoch: "converged" (stop now), "exhausted" (stop unless the epochs end first), or null. */
  state(): "converged" | "exhausted" | null;
  /** Settings changed (already written into the shared settings object). */
  changed(keys: ReadonlySet<keyof TrainerSettings>): void;
}

/** gd, sgd (with momentum or Nesterov) and Adam, full batch or mini-batches. */
export class FirstOrder implements Engine {
  private readonly n: number;
  private readonly units: number;
  private readonly task;
  private opt: Optimizer;
  private readonly entry: OptimizerEntry;
  private batch = 0;
  private full!: Workspace;
  private last!: Workspace;
  private Xb: Matrix = { rows: 0, cols: 0, data: new Float64Array(0) };
  private Yb: Matrix = { rows: 0, cols: 0, data: new Float64Array(0) };
  private readonly Yall: Matrix;
  private order: Int32Array | null = null;
  /** shuffle "sklearn": the permutation drawn this epoch, applied to the previous order. */
  private perm: Int32Array | null = null;
  private nextOrder: Int32Array | null = null;
  private rng: Random | null = null;

  constructor(
    private readonly net: Network,
    private readonly data: TrainData,
    private readonly s: TrainerSettings,
    private readonly rec: Recorder,
    private readonly config: TrainConfig,
  ) {
    this.n = data.X.rows;
    this.units = outputLayer(net).units;
    this.task = taskOf(outputLayer(net).activation);
    this.Yall = { rows: this.n, cols: this.units, data: data.Y };
    // The same optimiser traces use, made from the settings in force.
    this.entry = optimizerEntry(config.optimizer) as OptimizerEntry;
    this.opt = this.make();
    this.setBatch();
  }

  /** Buffers for the batch size in the settings (made only when it changes). */
  private setBatch(): void {
    const n = this.n;
    const b = this.s.batchSize;
    const batch = b && b < n ? Math.floor(b) : n;
    if (batch === this.batch) return;
    if (this.batch !== 0) {
      this.rec.drop(this.full);
      if (this.last !== this.full) this.rec.drop(this.last);
    }
    this.batch = batch;
    if (batch === n) {
      // Full batch: X and Y are used in place, no copies.
      this.full = this.last = this.rec.workspace(n);
      return;
    }
    // Mini-batches: a fresh shuffle each epoch (Keras' default), rows gathered into fixed buffers.
    this.rng ??= createRandom(this.config.rng ?? "glassbox", this.config.seed ?? 0);
    this.order ??= Int32Array.from({ length: n }, (_, i) => i);
    const d = this.net.inputSize;
    this.full = this.rec.workspace(batch);
    const rest = n % batch;
    this.last = rest > 0 ? this.rec.workspace(rest) : this.full;
    this.Xb = { rows: batch, cols: d, data: new Float64Array(batch * d) };
    this.Yb = { rows: batch, cols: this.units, data: new Float64Array(batch * this.units) };
  }

  private make(): Optimizer {
    return this.entry.create!(this.net.params.length, optimizerOptions(this.entry.name as OptimizerName, this.s));
  }

  changed(keys: ReadonlySet<keyof TrainerSettings>): void {
    if (keys.has("batchSize")) this.setBatch();
    // The optimiser's settings are fields it reads at every step: set them, keeping its state. One
    // it has no field for (momentum on plain SGD) makes it anew: the velocity then starts at zero.
    const opt = this.opt as unknown as Record<string, unknown>;
    let remake = false;
    for (const f of this.entry.fields) {
      if (!keys.has(f.name as keyof TrainerSettings)) continue;
      if (f.name in opt) opt[f.name] = this.s[f.name as keyof TrainerSettings];
      else remake = true;
    }
    if (remake) this.opt = this.make();
  }

  state(): null {
    return null;
  }

  run(epoch: number): boolean {
    const { net, data, rec, n, units, task, batch } = this;
    const { reduction, l2, l1 } = this.s;
    const opt = this.opt;

    if (batch === n) {
      const ws = this.full;
      const A = forward(net, data.X.data, ws);
      rec.measure(epoch, reportedLoss(net, lossTotal(net, data.Y, ws), n, l2, l1), accuracy(A, data.Y, n, units, task));
      backward(net, data.X.data, data.Y, ws, reduction, l2, n, l1);
      opt.step(net.params, ws.grad);
      return true;
    }

    const { full, last, Xb, Yb, Yall } = this;
    let order = this.order!;
    if (this.config.shuffle === "sklearn") {
      // scikit-learn: sample_idx = sample_idx[permutation(n)], the previous order permuted
      // (into the second buffer, which then becomes the order: nothing allocated per epoch).
      const perm = (this.perm ??= new Int32Array(n));
      const next = (this.nextOrder ??= new Int32Array(n));
      for (let i = 0; i < n; i++) perm[i] = i;
      shuffle(this.rng!, perm);
      for (let i = 0; i < n; i++) next[i] = order[perm[i]];
      this.nextOrder = order;
      this.order = order = next;
    } else {
      for (let i = 0; i < n; i++) order[i] = i;
      shuffle(this.rng!, order);
    }
    let lossSum = 0;
    let correct = 0;
    for (let from = 0; from < n; from += batch) {
      const to = Math.min(from + batch, n);
      const m = to - from;
      const ws = m === batch ? full : last;
      gatherRows(data.X, order, from, to, Xb);
      gatherRows(Yall, order, from, to, Yb);
      const A = forward(net, Xb.data, ws, m);
      // Keras' convention: the epoch's loss and accuracy are the sample-weighted means over its batches.
      lossSum += reportedLoss(net, lossTotal(net, Yb.data, ws, m), m, l2, l1) * m;
      correct += accuracy(A, Yb.data, m, units, task) * m;
      backward(net, Xb.data, Yb.data, ws, reduction, l2, m, l1);
      opt.step(net.params, ws.grad);
    }
    rec.measure(epoch, lossSum / n, correct / n);
    return true;
  }
}

/** L-BFGS: one iteration per epoch, on the full batch, minimising the reported (mean) loss. */
export class Lbfgs implements Engine {
  private readonly ws: Workspace;
  private readonly it: LbfgsStepper;
  private readonly n: number;
  private readonly units: number;
  private readonly task;
  private readonly before: Float64Array;
  /**
   * The metrics at the point the objective was last evaluated: the line search's last evaluation
   * is the point it accepts, which the next epoch reports, so that forward pass is not made twice.
   */
  private readonly seen: { x: Float64Array; loss: number; accuracy: number };

  constructor(
    private readonly net: Network,
    private readonly data: TrainData,
    private readonly s: TrainerSettings,
    private readonly rec: Recorder,
  ) {
    this.before = new Float64Array(net.params.length);
    this.n = data.X.rows;
    this.units = outputLayer(net).units;
    this.task = taskOf(outputLayer(net).activation);
    const ws = (this.ws = rec.workspace(this.n));
    const seen = (this.seen = { x: new Float64Array(net.params.length).fill(NaN), loss: NaN, accuracy: NaN });
    // L-BFGS minimises the reported (mean) loss, as scikit-learn's lbfgs solver does.
    const fg = (x: Float64Array, grad: Float64Array): number => {
      net.params.set(x);
      const f = objectiveAndGradient(net, data.X.data, data.Y, ws, "mean", s.l2, s.l1);
      grad.set(ws.grad);
      // The output layer's Z and A are the forward pass's still (backward writes only dZ, dA and the gradient).
      seen.x.set(x);
      seen.loss = reportedLoss(net, lossTotal(net, data.Y, ws), this.n, s.l2, s.l1);
      seen.accuracy = accuracy(ws.A[net.layers.length - 1], data.Y, this.n, this.units, this.task);
      return f;
    };
    this.it = createLbfgs(fg, net.params, { gtol: s.tolerance });
    net.params.set(this.it.x);
  }

  /** Stopped before any iteration (a bad start, or already at a minimum). */
  get stuck(): boolean {
    return this.it.stopped === "non-finite" || this.it.stopped === "gtol";
  }

  state(): "converged" | "exhausted" | null {
    const why = this.it.stopped;
    return why === null ? null : why === "maxFun" ? "exhausted" : "converged";
  }

  changed(keys: ReadonlySet<keyof TrainerSettings>): void {
    this.it.gtol = this.s.tolerance;
    if (keys.has("l1") || keys.has("l2")) this.it.restart(this.net.params);
  }

  run(epoch: number): boolean {
    const { net, it, seen } = this;
    // Parameters edited since the last step: start again from them.
    const p = net.params;
    if (!sameValues(p, it.x)) it.restart(p);
    if (it.stopped !== null) return false;
    const before = this.before;
    before.set(p);
    // The last evaluation (the previous iteration's accepted point, or a restart's) is usually here.
    const known = sameValues(seen.x, before);
    const loss = seen.loss;
    const acc = seen.accuracy;
    const moved = it.iterate();
    if (!moved) {
      p.set(it.x);
      return false;
    }
    // Epoch k reports the point before iteration k (ARCHITECTURE §2), the test set's metrics too.
    p.set(before);
    if (known) this.rec.measure(epoch, loss, acc);
    else this.measureHere(epoch);
    p.set(it.x);
    return true;
  }

  /** Measures epoch `epoch` at the network's parameters now, by a forward pass. */
  private measureHere(epoch: number): void {
    const { net, data, ws, n } = this;
    const A = forward(net, data.X.data, ws);
    this.rec.measure(epoch, reportedLoss(net, lossTotal(net, data.Y, ws), n, this.s.l2, this.s.l1), accuracy(A, data.Y, n, this.units, this.task));
  }
}
