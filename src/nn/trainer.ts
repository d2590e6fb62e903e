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
import { copyValues } from "../core/copy.ts";
import { UserError } from "../core/errors.ts";
import type { History, Snapshot } from "./history.ts";
import { outputLayer, type Network } from "./network.ts";
import { optimizerEntry } from "./optimizers/registry.ts";
export * from "./trainer/config.ts";
import { Recorder } from "./trainer/recorder.ts";
import { FirstOrder, Lbfgs } from "./trainer/epochs.ts";
import { checkSetting, optimizerSettings, SETTING_KEYS } from "./trainer/settings.ts";
import type { TrainConfig, TrainData, TrainerSettings } from "./trainer/config.ts";
import { TrainingDivergedError } from "./trainer/config.ts";

export type StoppedBy = "epochs" | "callback" | "converged";

export interface Trainer {
  /** The network being trained, in place. Its params may be edited between steps. */
  readonly net: Network;
  /** Epochs completed so far (0 before any step). */
  readonly epoch: number;
  /**
   * The epochs of training the parameters hold: `epoch`, but after a divergence fewer, those of
   * the last good parameters put back (epoch k's loss is measured at the parameters it starts
   * from, so when it diverges those of epoch k − 1's start, after k − 2 epochs, are the last good).
   */
  readonly paramsEpoch: number;
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

class Training implements Trainer {
  epoch = 0;
  paramsEpoch = 0;
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
        copyValues(this.net.params, 0, t, 0, t.length);
        if (!engine.run(epoch)) {
          this.stop("converged");
          break;
        }
        this.epoch = this.paramsEpoch = epoch;
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
        this.paramsEpoch = Math.max(0, e.epoch - 2);
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
