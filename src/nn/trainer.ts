/**
 * The training loop, resumable. One epoch = one pass over the training data: one update for
 * full-batch gradient descent, one per mini-batch for SGD/Adam with a batch size, one iteration
 * for L-BFGS. A trainer runs epochs in whatever chunks its caller asks for (`step(k)`), lets
 * settings change between them (`update`) and hands out copies of the parameters (`snapshot`),
 * all without losing the optimiser's state: momentum's velocity, Adam's moments and step count,
 * the mini-batch shuffling stream, L-BFGS's memory. Stepping in chunks gives the same bits as one
 * `train()` call, which is a loop over a trainer.
 *
 * Buffers are made when the trainer is (or when the batch size changes); an epoch allocates nothing.
 */
import { UserError } from "../core/errors.ts";
import { gatherRows, type Matrix } from "../core/matrix.ts";
import { createRandom, shuffle, type Random, type RngName } from "../core/random.ts";
import { emptyHistory, recordEpoch, type EpochInfo, type History, type Snapshot } from "./history.ts";
import { createLbfgs, type LbfgsStepper } from "./lbfgs.ts";
import { layerToJson, outputLayer, type Network } from "./network.ts";
import { fieldAccepts, rangeText, type OptimizerEntry } from "./optimizers/entry.ts";
import type { Optimizer } from "./optimizers/optimizer.ts";
import { OPTIMIZER_FIELDS, OPTIMIZERS, optimizerEntry, optimizerOptions, type AllOptimizerOptions, type OptimizerChoice, type OptimizerName } from "./optimizers/registry.ts";
import type { Engine as KernelEngine } from "../core/wasm/engine.ts";
import { backward, createWorkspace, disposeWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss, type Reduction, type Workspace } from "./propagation.ts";
import { accuracy, taskOf } from "./targets.ts";

export type ShuffleName = "permutation" | "sklearn";
export const SHUFFLE_NAMES: readonly ShuffleName[] = ["permutation", "sklearn"];

/**
 * A training run's configuration: the optimiser and its own settings (a discriminated union on
 * `optimizer`: `momentum` belongs to "sgd", `beta1`/`beta2`/`epsilon` to "adam", `tolerance` to
 * "lbfgs", `learningRate` to all but "lbfgs"; each entry of ./optimizers/registry.ts lists them
 * with their ranges and defaults), and the settings every optimiser shares.
 */
export type TrainConfig = OptimizerChoice & TrainCommon;

export interface TrainCommon {
  /** Infinity trains open-ended (a trainer stepped by its caller). An epoch is one pass over the data (for L-BFGS, one iteration). */
  epochs: number;
  /**
   * null or absent: the whole training set in each step. Else a fresh shuffle of the original row
   * order every epoch (the stream seeded once by `seed`), cut into batches; the last holds the remainder.
   */
  batchSize?: number | null;
  /** "mean" (default, Keras): the gradient is divided by the batch's size; "sum": summed. The reported loss is the same either way. */
  reduction?: Reduction;
  /** L2 penalty, scikit-learn's `alpha`: adds ½·l2·Σ‖W‖² to the summed loss. */
  l2?: number;
  /** L1 penalty, the same convention: adds l1·Σ|W| to the summed loss (biases not penalised). */
  l1?: number;
  /** Seeds the mini-batch shuffling. */
  seed?: number;
  rng?: RngName;
  /**
   * How each epoch's mini-batch order is drawn. "permutation" (default): a fresh permutation of
   * the rows' original order, `np.random.permutation(n)` with rng "numpy"; "sklearn": a
   * permutation of the previous epoch's order, as scikit-learn's MLP (`sklearn.utils.shuffle`)
   * does, so with rng "numpy" and its random_state as the seed its batches are replayed.
   */
  shuffle?: ShuffleName;
  /** Record history every k epochs (and the first and last). Default 1. */
  recordEvery?: number;
  /** Epochs after which to keep a copy of the parameters (0 = before training). */
  paramsAt?: number[];
  /** Called after every epoch; return false to stop training. */
  onEpoch?: (info: EpochInfo) => boolean | void;
  /** The engine the workspaces are made on (memory, threads, kernels; default: the default engine). */
  engine?: KernelEngine;
}

export interface TrainData {
  X: Matrix;
  /** Targets, X.rows × output units (see targets.ts). */
  Y: Float64Array;
  testX?: Matrix | null;
  testY?: Float64Array | null;
}

/** A loss this many times its best so far (and its first) is divergence too, not a bad epoch. */
export const DIVERGENCE_GROWTH = 1e4;

/**
 * Thrown when the loss stops being a finite number or grows by orders of magnitude; carries what
 * was recorded until then. The trainer puts back the last parameters whose loss was good.
 */
export class TrainingDivergedError extends UserError {
  constructor(
    readonly epoch: number,
    readonly value: number,
    readonly history: History,
    learningRate: number | undefined,
    grewFrom?: { loss: number; epoch: number },
  ) {
    super(
      `training diverged at epoch ${epoch}: ` +
        (grewFrom ? `the loss grew from ${grewFrom.loss.toPrecision(4)} (epoch ${grewFrom.epoch}) to ${value.toPrecision(4)}. ` : `the loss became ${value}. `) +
        (learningRate !== undefined ? `Lower train.learningRate (now ${learningRate}) or scale the inputs ("scale": "standard").` : `Scale the inputs ("scale": "standard") or check the data for extreme values.`),
    );
    this.name = "TrainingDivergedError";
  }
}

/** The optimiser's default step size (its registry entry's; 0.01 for one without, which a trace then shows). */
export function defaultLearningRate(optimizer: OptimizerName): number {
  const d = optimizerEntry(optimizer).defaults as Partial<AllOptimizerOptions>;
  return d.learningRate ?? 0.01;
}

/**
 * The optimiser object of a first-order config (gd, sgd with momentum/Nesterov, Adam), from its
 * registry entry with the config's settings (the entry's defaults for the rest); also used by traces.
 */
export function firstOrderOptimizer(net: Network, config: TrainConfig): Optimizer {
  const entry = optimizerEntry(config.optimizer) as OptimizerEntry;
  if (!entry.create) throw new Error(`"${config.optimizer}" is not a first-order optimizer`);
  return entry.create(net.params.length, optimizerOptions(config.optimizer, config));
}

/**
 * What may change between steps (the optimiser's kind may not: make a new trainer for that). Every
 * optimiser's settings are here; the trainer's optimiser reads its own and ignores the others.
 */
export type TrainerSettings = Required<Pick<TrainCommon, "l1" | "l2" | "batchSize" | "reduction" | "epochs" | "recordEvery">> & AllOptimizerOptions & Pick<TrainCommon, "onEpoch">;

export type StoppedBy = "epochs" | "callback" | "converged";

export interface Trainer {
  /** The network being trained, in place. Its params may be edited between steps. */
  readonly net: Network;
  /** Epochs completed so far (0 before any step). */
  readonly epoch: number;
  /** As `train()` records it (ARCHITECTURE §2: 1-based, each loss measured before its epoch's update). */
  readonly history: History;
  /** The `paramsAt` snapshots, as `train()` keeps them. */
  readonly snapshots: Snapshot[];
  /** Why it stopped; null while it can go on. */
  readonly stoppedBy: StoppedBy | null;
  /** The settings in force (a copy). */
  readonly settings: Readonly<TrainerSettings>;
  /**
   * Runs up to k more epochs (default 1; Infinity: until it stops); returns how many it ran.
   * Never past `epochs` unless that is Infinity. Throws TrainingDivergedError as `train()` does,
   * and again on every later call.
   */
  step(k?: number): number;
  /**
   * Changes settings between steps, keeping the optimiser's state. Raising `epochs` after the
   * trainer stopped at its last epoch lets it go on; lowering it to the epochs run stops it. For
   * L-BFGS a changed penalty (l1, l2) restarts its memory at the current point.
   */
  update(settings: Partial<TrainerSettings>): void;
  /** A copy of the current parameters (laid out as `Network.params`) and the epochs run. */
  snapshot(): { epoch: number; params: Float64Array };
  /** Frees the workspaces (WebAssembly memory). `step()` and `update()` afterwards throw. */
  dispose(): void;
}

/**
 * A trainer of `net` (in place) on `data`. Checks the data's shape; for L-BFGS, evaluates the
 * objective once at the initial parameters.
 */
export function createTrainer(net: Network, data: TrainData, config: TrainConfig): Trainer {
  return new Training(net, data, config);
}

// ---------------------------------------------------------------------------------------------

/** History, snapshots, divergence and the callback: what every optimiser's epochs share. */
class Recorder {
  readonly history: History;
  readonly snapshots: Snapshot[] = [];
  epochsRun = 0;
  private readonly paramsAt: Set<number>;
  private readonly testWs: Workspace | null;
  readonly info: EpochInfo;
  private readonly task;
  private readonly made: Workspace[] = [];

  constructor(
    private readonly net: Network,
    private readonly data: TrainData,
    private readonly s: TrainerSettings,
    private readonly optimizer: OptimizerName,
    paramsAt: number[] | undefined,
    private readonly engine: KernelEngine | undefined,
  ) {
    const hasTest = !!data.testX && !!data.testY && data.testX.rows > 0;
    this.history = emptyHistory(hasTest);
    this.paramsAt = new Set(paramsAt ?? []);
    this.testWs = hasTest ? this.workspace(data.testX!.rows) : null;
    this.task = taskOf(outputLayer(net).activation);
    this.info = { epoch: 0, epochs: s.epochs, loss: NaN, accuracy: NaN, testLoss: null, testAccuracy: null };
    if (this.paramsAt.has(0)) this.snapshot(0);
  }

  shouldRecord(epoch: number): boolean {
    const every = this.s.recordEvery;
    return every <= 1 || epoch === 1 || epoch % Math.floor(every) === 0 || epoch === this.s.epochs;
  }

  /** A workspace for n rows, handed back by `release` (or earlier by `drop`). */
  workspace(n: number): Workspace {
    const ws = createWorkspace(this.net, n, { lean: true, engine: this.engine });
    this.made.push(ws);
    return ws;
  }

  drop(ws: Workspace): void {
    const i = this.made.indexOf(ws);
    if (i < 0) return;
    this.made.splice(i, 1);
    disposeWorkspace(ws);
  }

  release(): void {
    for (const ws of this.made) disposeWorkspace(ws);
    this.made.length = 0;
  }

  private firstLoss = NaN;
  private bestLoss = Infinity;
  private bestEpoch = 0;

  /** Metrics of epoch `epoch`, measured at the parameters before its update. */
  measure(epoch: number, loss: number, acc: number): void {
    const lr = this.optimizer === "lbfgs" ? undefined : this.s.learningRate;
    if (!Number.isFinite(loss)) throw new TrainingDivergedError(epoch, loss, this.history, lr);
    if (Number.isNaN(this.firstLoss)) this.firstLoss = loss;
    if (loss < this.bestLoss) {
      this.bestLoss = loss;
      this.bestEpoch = epoch;
    } else if (loss > DIVERGENCE_GROWTH * this.bestLoss && loss > 10 * this.firstLoss) {
      throw new TrainingDivergedError(epoch, loss, this.history, lr, { loss: this.bestLoss, epoch: this.bestEpoch });
    }
    const info = this.info;
    info.epoch = epoch;
    info.loss = loss;
    info.accuracy = acc;
    info.testLoss = null;
    info.testAccuracy = null;
    if (this.shouldRecord(epoch)) {
      if (this.testWs) {
        const ws = this.testWs;
        const A = forward(this.net, this.data.testX!.data, ws);
        info.testLoss = reportedLoss(this.net, lossTotal(this.net, this.data.testY!, ws), ws.n, this.s.l2, this.s.l1);
        info.testAccuracy = accuracy(A, this.data.testY!, ws.n, outputLayer(this.net).units, this.task);
      }
      recordEpoch(this.history, info);
    }
  }

  /** After epoch `epoch`'s update: snapshots and the callback. Returns false to stop. */
  finish(epoch: number): boolean {
    this.epochsRun = epoch;
    if (this.paramsAt.size > 0 && this.paramsAt.has(epoch)) this.snapshot(epoch);
    const onEpoch = this.s.onEpoch;
    return onEpoch === undefined || onEpoch(this.info) !== false;
  }

  /**
   * After an early stop (L-BFGS converged, or the callback), snapshots asked for later epochs
   * would never come: keep the final parameters instead, so a picture of the run ends where it ended.
   */
  close(): void {
    const last = this.snapshots.at(-1)?.epoch ?? -1;
    if (last < this.epochsRun && [...this.paramsAt].some((e) => e > this.epochsRun)) this.snapshot(this.epochsRun);
  }

  private snapshot(epoch: number): void {
    this.snapshots.push({ epoch, layers: this.net.layers.map(layerToJson) });
  }
}

/** One optimiser's epochs. */
interface Engine {
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
class FirstOrder implements Engine {
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
class Lbfgs implements Engine {
  private readonly ws: Workspace;
  private readonly it: LbfgsStepper;
  private readonly n: number;
  private readonly units: number;
  private readonly task;
  private readonly before: Float64Array;

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
    // L-BFGS minimises the reported (mean) loss, as scikit-learn's lbfgs solver does.
    const fg = (x: Float64Array, grad: Float64Array): number => {
      net.params.set(x);
      const f = objectiveAndGradient(net, data.X.data, data.Y, ws, "mean", s.l2, s.l1);
      grad.set(ws.grad);
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
    const { net, data, ws, it, n } = this;
    // Parameters edited since the last step: start again from them.
    const x = it.x;
    const p = net.params;
    for (let i = 0; i < p.length; i++) {
      if (p[i] !== x[i] && !(p[i] !== p[i] && x[i] !== x[i])) {
        it.restart(p);
        break;
      }
    }
    if (it.stopped !== null) return false;
    const before = this.before;
    before.set(p);
    const moved = it.iterate();
    if (!moved) {
      p.set(it.x);
      return false;
    }
    // Epoch k reports the point before iteration k (ARCHITECTURE §2), the test set's metrics too.
    p.set(before);
    const A = forward(net, data.X.data, ws);
    this.rec.measure(epoch, reportedLoss(net, lossTotal(net, data.Y, ws), n, this.s.l2, this.s.l1), accuracy(A, data.Y, n, this.units, this.task));
    p.set(it.x);
    return true;
  }
}

const SETTING_KEYS: readonly (keyof TrainerSettings)[] = ["l1", "l2", "batchSize", "reduction", "epochs", "recordEvery", "onEpoch", ...OPTIMIZER_FIELDS.map((f) => f.name)];

/**
 * Every optimiser's settings: the config's own optimiser's as given (else its defaults), the
 * others' at their defaults (a setting the optimiser does not read is kept but unused).
 */
function optimizerSettings(config: TrainConfig): AllOptimizerOptions {
  const out: Record<string, unknown> = {};
  for (const e of Object.values(OPTIMIZERS) as OptimizerEntry[]) for (const f of e.fields) if (!(f.name in out)) out[f.name] = e.defaults[f.name];
  Object.assign(out, optimizerOptions(config.optimizer, config));
  out.learningRate = (config as { learningRate?: number }).learningRate ?? defaultLearningRate(config.optimizer);
  return out as AllOptimizerOptions;
}

/** Rejects a setting that training could not use, naming it. */
function checkSetting(key: keyof TrainerSettings, v: unknown): void {
  const bad = (what: string): never => {
    throw new RangeError(`trainer setting ${key}: ${String(v)} is not ${what}`);
  };
  const num = typeof v === "number" && !Number.isNaN(v);
  const field = OPTIMIZER_FIELDS.find((f) => f.name === key);
  if (field) {
    if (!fieldAccepts(field, v)) bad(field.type === "boolean" ? "true or false" : `a number ${rangeText(field)}`);
    return;
  }
  switch (key) {
    case "l1":
    case "l2":
      if (!(num && (v as number) >= 0 && Number.isFinite(v))) bad("a number ≥ 0");
      break;
    case "batchSize":
      if (v !== null && !(num && Number.isInteger(v) && (v as number) >= 1)) bad("null or a whole number ≥ 1");
      break;
    case "epochs":
      if (!(num && (v as number) >= 0 && (Number.isInteger(v) || v === Infinity))) bad("a whole number ≥ 0 or Infinity");
      break;
    case "recordEvery":
      if (!(num && (v as number) >= 1)) bad("a number ≥ 1");
      break;
    case "reduction":
      if (v !== "mean" && v !== "sum") bad('"mean" or "sum"');
      break;
    case "onEpoch":
      if (v !== undefined && typeof v !== "function") bad("a function");
      break;
  }
}

class Training implements Trainer {
  epoch = 0;
  stoppedBy: StoppedBy | null = null;
  private readonly s: TrainerSettings;
  private readonly rec: Recorder;
  private readonly engine: FirstOrder | Lbfgs;
  private disposed = false;
  private failure: TrainingDivergedError | null = null;
  /** The parameters at the start of the previous and of the current epoch: the last good ones, on divergence. */
  private before: Float64Array;
  private current: Float64Array;

  constructor(
    readonly net: Network,
    data: TrainData,
    config: TrainConfig,
  ) {
    const n = data.X.rows;
    if (n === 0) throw new UserError("there are no training samples", "data");
    if (data.X.cols !== net.inputSize) throw new UserError(`the data has ${data.X.cols} features but the network expects ${net.inputSize}`, "data");
    const units = outputLayer(net).units;
    if (data.Y.length !== n * units) throw new Error(`Y must be ${n}×${units}`);

    this.s = {
      l1: config.l1 ?? 0,
      l2: config.l2 ?? 0,
      batchSize: config.batchSize ?? null,
      reduction: config.reduction ?? "mean",
      epochs: config.epochs,
      recordEvery: config.recordEvery ?? 1,
      onEpoch: config.onEpoch,
      ...optimizerSettings(config),
    };
    this.rec = new Recorder(net, data, this.s, config.optimizer, config.paramsAt, config.engine);
    this.before = new Float64Array(net.params.length);
    this.current = new Float64Array(net.params.length);
    try {
      if (optimizerEntry(config.optimizer).create === null) {
        const engine = new Lbfgs(net, data, this.s, this.rec);
        this.engine = engine;
        if (engine.stuck) this.stop("converged");
      } else {
        this.engine = new FirstOrder(net, data, this.s, this.rec, config);
      }
    } catch (e) {
      this.rec.release();
      throw e;
    }
    if (this.stoppedBy === null && !(this.epoch < this.s.epochs)) this.stop("epochs");
    else if (this.stoppedBy === null && this.engine.state() !== null) this.stop("converged");
  }

  get history(): History {
    return this.rec.history;
  }

  get snapshots(): Snapshot[] {
    return this.rec.snapshots;
  }

  get settings(): Readonly<TrainerSettings> {
    return { ...this.s };
  }

  step(k = 1): number {
    if (this.disposed) throw new Error("this trainer was disposed");
    if (this.failure) throw this.failure;
    const { engine, rec, s } = this;
    let ran = 0;
    try {
      while (ran < k && this.stoppedBy === null) {
        const epoch = this.epoch + 1;
        const t = this.before;
        this.before = this.current;
        this.current = t;
        // (TypedArray.set costs more than a small network's epoch: copy small ones by hand)
        const p = this.net.params;
        if (p.length <= 256) for (let i = 0; i < p.length; i++) t[i] = p[i];
        else t.set(p);
        if (!engine.run(epoch)) {
          this.stop("converged");
          break;
        }
        this.epoch = epoch;
        ran++;
        if (!rec.finish(epoch)) this.stop("callback");
        else {
          const state = engine.state();
          if (state === "converged") this.stop("converged");
          else if (epoch >= s.epochs) this.stop("epochs");
          else if (state === "exhausted") this.stop("converged");
        }
      }
    } catch (e) {
      if (e instanceof TrainingDivergedError) {
        this.failure = e;
        // Epoch k's loss is measured at the parameters it started from: put back those of epoch k − 1.
        this.net.params.set(e.epoch > 1 ? this.before : this.current);
      }
      throw e;
    }
    return ran;
  }

  update(settings: Partial<TrainerSettings>): void {
    if (this.disposed) throw new Error("this trainer was disposed");
    const keys = new Set<keyof TrainerSettings>();
    for (const key of SETTING_KEYS) {
      if (!(key in settings)) continue;
      const v = settings[key];
      if (v === undefined && key !== "onEpoch") continue;
      checkSetting(key, v);
      if (v !== this.s[key]) keys.add(key);
    }
    for (const key of keys) (this.s as Record<string, unknown>)[key] = settings[key];
    if (keys.size === 0) return;
    this.engine.changed(keys);
    if (keys.has("epochs")) {
      this.rec.info.epochs = this.s.epochs;
      if (this.stoppedBy === null && this.epoch >= this.s.epochs) this.stop("epochs");
      else if (this.stoppedBy === "epochs" && this.epoch < this.s.epochs) this.stoppedBy = null;
    }
  }

  snapshot(): { epoch: number; params: Float64Array } {
    return { epoch: this.epoch, params: this.net.params.slice() };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.rec.release();
  }

  private stop(why: StoppedBy): void {
    this.stoppedBy = why;
    this.rec.close();
  }
}
