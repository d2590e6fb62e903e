/**
 * The training loop. One epoch = one pass over the training data: one update for full-batch
 * gradient descent, one per mini-batch for SGD/Adam with a batch size, one iteration for L-BFGS.
 * Buffers are made before the first epoch; the loop itself allocates nothing per epoch.
 */
import { UserError } from "../core/errors.ts";
import { gatherRows, type Matrix } from "../core/matrix.ts";
import { createRandom, shuffle, type RngName } from "../core/random.ts";
import { emptyHistory, recordEpoch, type EpochInfo, type History, type Snapshot } from "./history.ts";
import { minimizeLbfgs } from "./lbfgs.ts";
import { layerToJson, outputLayer, type Network } from "./network.ts";
import { adam } from "./optimizers/adam.ts";
import { gradientDescent } from "./optimizers/gradient-descent.ts";
import { momentumDescent } from "./optimizers/momentum.ts";
import type { Optimizer, OptimizerName } from "./optimizers/optimizer.ts";
import { backward, createWorkspace, disposeWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss, type Reduction, type Workspace } from "./propagation.ts";
import { accuracy, taskOf } from "./targets.ts";

export interface TrainConfig {
  optimizer: OptimizerName;
  epochs: number;
  /** Default 0.01 (0.001 for Adam, as Keras). Unused by L-BFGS. */
  learningRate?: number;
  /** null or absent: the whole training set in each step. */
  batchSize?: number | null;
  reduction?: Reduction;
  /** L2 penalty, scikit-learn's `alpha`: adds ½·l2·Σ‖W‖² to the summed loss. */
  l2?: number;
  momentum?: number;
  nesterov?: boolean;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /**
   * L-BFGS stops when every |gradient component| ≤ tolerance. Default 1e-5 (SciPy's own gtol):
   * scikit-learn's 1e-4 stops small sigmoid networks on slow plateaus well above their minimum.
   */
  tolerance?: number;
  /** Seeds the mini-batch shuffling. */
  seed?: number;
  rng?: RngName;
  /** Record history every k epochs (and the first and last). Default 1. */
  recordEvery?: number;
  /** Epochs after which to keep a copy of the parameters (0 = before training). */
  paramsAt?: number[];
  /** Called after every epoch; return false to stop training. */
  onEpoch?: (info: EpochInfo) => boolean | void;
}

export interface TrainData {
  X: Matrix;
  /** Targets, X.rows × output units (see targets.ts). */
  Y: Float64Array;
  testX?: Matrix | null;
  testY?: Float64Array | null;
}

export interface TrainResult {
  history: History;
  snapshots: Snapshot[];
  /** Epochs actually run. */
  epochs: number;
  stoppedBy: "epochs" | "callback" | "converged";
  seconds: number;
}

/** Thrown when the loss stops being a finite number; carries what was recorded until then. */
export class TrainingDivergedError extends UserError {
  constructor(
    readonly epoch: number,
    readonly value: number,
    readonly history: History,
    learningRate: number | undefined,
  ) {
    super(
      `training diverged at epoch ${epoch}: the loss became ${value}. ` +
        (learningRate !== undefined ? `Lower train.learningRate (now ${learningRate}) or scale the inputs ("scale": "standard").` : `Scale the inputs ("scale": "standard") or check the data for extreme values.`),
    );
    this.name = "TrainingDivergedError";
  }
}

export function defaultLearningRate(optimizer: OptimizerName): number {
  return optimizer === "adam" ? 0.001 : 0.01;
}

/** Trains `net` in place. */
export function train(net: Network, data: TrainData, config: TrainConfig): TrainResult {
  const start = performance.now();
  const n = data.X.rows;
  if (n === 0) throw new UserError("there are no training samples", "data");
  if (data.X.cols !== net.inputSize) throw new UserError(`the data has ${data.X.cols} features but the network expects ${net.inputSize}`, "data");
  const units = outputLayer(net).units;
  if (data.Y.length !== n * units) throw new Error(`Y must be ${n}×${units}`);

  const state = new Recorder(net, data, config);
  let stoppedBy: TrainResult["stoppedBy"];
  try {
    stoppedBy = config.optimizer === "lbfgs" ? runLbfgs(net, data, config, state) : runFirstOrder(net, data, config, state);
  } finally {
    state.release();
  }
  state.close();
  return { history: state.history, snapshots: state.snapshots, epochs: state.epochsRun, stoppedBy, seconds: (performance.now() - start) / 1000 };
}

/** History, snapshots, divergence and the callback: what every optimiser's loop shares. */
class Recorder {
  readonly history: History;
  readonly snapshots: Snapshot[] = [];
  epochsRun = 0;
  private readonly every: number;
  private readonly paramsAt: Set<number>;
  private readonly testWs: Workspace | null;
  private readonly info: EpochInfo;
  private readonly task;
  constructor(
    private readonly net: Network,
    private readonly data: TrainData,
    private readonly config: TrainConfig,
  ) {
    const hasTest = !!data.testX && !!data.testY && data.testX.rows > 0;
    this.history = emptyHistory(hasTest);
    this.every = Math.max(1, Math.floor(config.recordEvery ?? 1));
    this.paramsAt = new Set(config.paramsAt ?? []);
    this.testWs = hasTest ? this.workspace(data.testX!.rows) : null;
    this.task = taskOf(outputLayer(net).activation);
    this.info = { epoch: 0, epochs: config.epochs, loss: NaN, accuracy: NaN, testLoss: null, testAccuracy: null };
    if (this.paramsAt.has(0)) this.snapshot(0);
  }

  shouldRecord(epoch: number): boolean {
    return epoch === 1 || epoch % this.every === 0 || epoch === this.config.epochs;
  }

  private readonly made: Workspace[] = [];

  /** A workspace for n rows, handed back when training ends. */
  workspace(n: number): Workspace {
    const ws = createWorkspace(this.net, n, { lean: true });
    this.made.push(ws);
    return ws;
  }

  release(): void {
    for (const ws of this.made) disposeWorkspace(ws);
  }

  /** Metrics of epoch `epoch`, measured at the parameters before its update. */
  measure(epoch: number, loss: number, acc: number): void {
    if (!Number.isFinite(loss)) {
      throw new TrainingDivergedError(epoch, loss, this.history, this.config.optimizer === "lbfgs" ? undefined : (this.config.learningRate ?? defaultLearningRate(this.config.optimizer)));
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
        info.testLoss = reportedLoss(this.net, lossTotal(this.net, this.data.testY!, ws), ws.n, this.config.l2 ?? 0);
        info.testAccuracy = accuracy(A, this.data.testY!, ws.n, outputLayer(this.net).units, this.task);
      }
      recordEpoch(this.history, info);
    }
  }

  /** After epoch `epoch`'s update: snapshots and the callback. Returns false to stop. */
  finish(epoch: number): boolean {
    this.epochsRun = epoch;
    if (this.paramsAt.has(epoch)) this.snapshot(epoch);
    return this.config.onEpoch?.(this.info) !== false;
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

/** The optimiser object of a first-order config (gd, sgd with momentum/Nesterov, Adam); also used by traces. */
export function firstOrderOptimizer(net: Network, config: TrainConfig): Optimizer {
  const lr = config.learningRate ?? defaultLearningRate(config.optimizer);
  if (config.optimizer === "adam") return adam(net.params.length, { learningRate: lr, beta1: config.beta1, beta2: config.beta2, epsilon: config.epsilon });
  const mu = config.momentum ?? 0;
  return mu > 0 || config.nesterov ? momentumDescent(lr, mu, config.nesterov ?? false, net.params.length) : gradientDescent(lr);
}

function runFirstOrder(net: Network, data: TrainData, config: TrainConfig, rec: Recorder): TrainResult["stoppedBy"] {
  const n = data.X.rows;
  const units = outputLayer(net).units;
  const d = net.inputSize;
  const task = taskOf(outputLayer(net).activation);
  const reduction = config.reduction ?? "mean";
  const l2 = config.l2 ?? 0;
  const opt = firstOrderOptimizer(net, config);
  const batch = config.batchSize && config.batchSize < n ? Math.floor(config.batchSize) : n;

  if (batch === n) {
    // Full batch: X and Y are used in place, no copies.
    const ws = rec.workspace(n);
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const A = forward(net, data.X.data, ws);
      rec.measure(epoch, reportedLoss(net, lossTotal(net, data.Y, ws), n, l2), accuracy(A, data.Y, n, units, task));
      backward(net, data.X.data, data.Y, ws, reduction, l2);
      opt.step(net.params, ws.grad);
      if (!rec.finish(epoch)) return "callback";
    }
    return "epochs";
  }

  // Mini-batches: a fresh shuffle each epoch (Keras' default), rows gathered into fixed buffers.
  const rng = createRandom(config.rng ?? "glassbox", config.seed ?? 0);
  const order = new Int32Array(n);
  const full = rec.workspace(batch);
  const rest = n % batch;
  const last = rest > 0 ? rec.workspace(rest) : full;
  const Xb = { rows: batch, cols: d, data: new Float64Array(batch * d) };
  const Yb = { rows: batch, cols: units, data: new Float64Array(batch * units) };
  const Yall = { rows: n, cols: units, data: data.Y };
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    for (let i = 0; i < n; i++) order[i] = i;
    shuffle(rng, order);
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
      lossSum += reportedLoss(net, lossTotal(net, Yb.data, ws, m), m, l2) * m;
      correct += accuracy(A, Yb.data, m, units, task) * m;
      backward(net, Xb.data, Yb.data, ws, reduction, l2, m);
      opt.step(net.params, ws.grad);
    }
    rec.measure(epoch, lossSum / n, correct / n);
    if (!rec.finish(epoch)) return "callback";
  }
  return "epochs";
}

function runLbfgs(net: Network, data: TrainData, config: TrainConfig, rec: Recorder): TrainResult["stoppedBy"] {
  const n = data.X.rows;
  const units = outputLayer(net).units;
  const task = taskOf(outputLayer(net).activation);
  const l2 = config.l2 ?? 0;
  const ws = rec.workspace(n);
  // L-BFGS minimises the reported (mean) loss, as scikit-learn's lbfgs solver does.
  const fg = (x: Float64Array, grad: Float64Array): number => {
    net.params.set(x);
    const f = objectiveAndGradient(net, data.X.data, data.Y, ws, "mean", l2);
    grad.set(ws.grad);
    return f;
  };
  // Epoch k reports the point before iteration k (DESIGN §2), so keep that point.
  const before = net.params.slice();
  let stoppedByCallback = false;
  const result = minimizeLbfgs(fg, net.params.slice(), {
    maxIter: config.epochs,
    gtol: config.tolerance ?? 1e-5,
    onIteration: (iteration, _f, x) => {
      net.params.set(before);
      const A = forward(net, data.X.data, ws);
      rec.measure(iteration, reportedLoss(net, lossTotal(net, data.Y, ws), n, l2), accuracy(A, data.Y, n, units, task));
      net.params.set(x);
      before.set(x);
      if (!rec.finish(iteration)) stoppedByCallback = true;
      return !stoppedByCallback;
    },
  });
  net.params.set(result.x);
  if (stoppedByCallback) return "callback";
  return result.reason === "maxIter" ? "epochs" : "converged";
}
