/** What every optimiser's epochs share: history, snapshots, divergence and the callback. */
import { emptyHistory, recordEpoch, type EpochInfo, type History, type Snapshot } from "../history.ts";
import { layerToJson, outputLayer, type Network } from "../network.ts";
import type { OptimizerName } from "../optimizers/registry.ts";
import type { Engine as KernelEngine } from "../../core/wasm/engine.ts";
import { createWorkspace, disposeWorkspace, forward, lossTotal, reportedLoss, type Workspace } from "../propagation.ts";
import { accuracy, taskOf } from "../targets.ts";
import { DIVERGENCE_GROWTH, TrainingDivergedError, type TrainData, type TrainerSettings } from "./config.ts";

/** History, snapshots, divergence and the callback: what every optimiser's epochs share. */
export class Recorder {
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
