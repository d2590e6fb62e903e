/**
 * What `plot`, `animate` and `gallery` share: turning a file into what a picture is drawn from.
 * An experiment file is loaded and (when the picture needs it) trained here, once, with a
 * progress bar and parameter snapshots; a run file (`glassbox train --out`) brings the trained
 * model, history and snapshots, and its data comes from the experiment it was trained from
 * (`--experiment FILE`, or a run file's `experiment` field: a path relative to the run file).
 */
import { dirname, resolve } from "node:path";
import { UserError } from "../../core/errors.ts";
import type { RunJson } from "../../experiment/run.ts";
import { loadExperiment, readJsonFile } from "../experiment-file.ts";
import type { Prepared } from "../../experiment/prepare.ts";
import type { Snapshot } from "../../nn/history.ts";
import { layerToJson } from "../../nn/network.ts";
import { modelFromJson } from "../../nn/serialize.ts";
import { trace, type Trace } from "../../nn/trace.ts";
import type { AfterTraining, ViewInput } from "../../viz/index.ts";
import { runExperiment } from "../../experiment/run.ts";
import { predictOutput } from "../../nn/predict.ts";
import { evenly, pickLogSpaced } from "../../animate/index.ts";
import { trainWithProgress } from "../progress.ts";

export interface PictureSource {
  input: ViewInput & { prepared: Prepared };
  /** How the model came to be, for captions: "trained 2000 epochs", "initial parameters", "run file". */
  origin: string;
}

export interface TrainPlan {
  /** Override the experiment's epochs (0 = draw the initial parameters, no training). */
  epochs?: number;
  /** The epochs whose parameters to keep, given the epochs to run. */
  snapshotsAt?: (paramCount: number, epochs: number) => number[];
  /** Keep at most this many snapshots after training (first and last kept; default all). */
  maxSnapshots?: number;
  /** Epochs that must survive thinning (e.g. --epoch K). */
  keep?: number[];
  /** No progress bar (the gallery shows its own). */
  quiet?: boolean;
}

/** A run file written by `glassbox train --out`: it has a model and a history. */
export function isRunJson(json: unknown): json is RunJson & { experiment?: unknown } {
  const o = json as Record<string, unknown> | null;
  return !!o && typeof o === "object" && typeof o.model === "object" && o.model !== null && (o.model as Record<string, unknown>).format === "glassbox-model" && typeof o.history === "object";
}

/** An experiment file, trained unless `train` is false or the plan asks for 0 epochs. */
export function pictureSourceFromExperiment(file: string, train: boolean, plan: TrainPlan = {}): PictureSource {
  const prepared = loadExperiment(file);
  const epochs = plan.epochs ?? prepared.config.epochs;
  if (!train || epochs === 0) {
    const snapshots: Snapshot[] = [{ epoch: 0, layers: prepared.model.layers.map(layerToJson) }];
    return { input: { model: prepared.model, split: prepared.split, prepared, run: { snapshots } }, origin: "initial parameters" };
  }
  const run = trainForPictures(prepared, epochs, plan);
  return { input: { model: prepared.model, split: prepared.split, prepared, run }, origin: `trained ${run.epochs} epoch${run.epochs === 1 ? "" : "s"}` };
}

/** Trains once with the planned snapshots (a progress bar on a terminal); the last snapshot is the final model. */
export function trainForPictures(prepared: Prepared, epochs: number, plan: TrainPlan = {}): RunJson {
  const paramsAt = new Set([...(prepared.config.paramsAt ?? []), ...(plan.snapshotsAt?.(prepared.model.params.length, epochs) ?? evenly(epochs, 200)), ...(plan.keep ?? [])]);
  const withSnapshots: Prepared = { ...prepared, config: { ...prepared.config, paramsAt: [...paramsAt].sort((a, b) => a - b) } };
  const run = trainWithProgress(withSnapshots, epochs, plan.quiet).run;
  let snaps = [...run.snapshots].sort((a, b) => a.epoch - b.epoch);
  // Training can stop early (L-BFGS converges): the final model is always the last snapshot.
  if (!snaps.length || snaps[snaps.length - 1].epoch < run.epochs) snaps.push({ epoch: run.epochs, layers: prepared.model.layers.map(layerToJson) });
  if (plan.maxSnapshots && snaps.length > plan.maxSnapshots) {
    const keep = new Set(plan.keep ?? []);
    // Half evenly over the run, half log-spaced (early epochs change the most).
    const half = Math.ceil(plan.maxSnapshots / 2);
    const picked = new Set([...evenly(snaps.length - 1, half).map((i) => snaps[i]), ...pickLogSpaced(snaps, half)]);
    snaps = snaps.filter((s) => picked.has(s) || keep.has(s.epoch));
  }
  return { ...run, snapshots: snaps };
}

/** A run file, its data from the experiment it was trained from. */
export function pictureSourceFromRun(file: string, json: RunJson & { experiment?: unknown }, experimentFlag: string | undefined): PictureSource {
  const experimentFile = experimentFlag ?? (typeof json.experiment === "string" ? resolve(dirname(file), json.experiment) : undefined);
  if (!experimentFile) {
    throw new UserError(`${file} is a run file; pictures need its data too: add --experiment <the experiment file it was trained from>`);
  }
  const prepared = loadExperiment(experimentFile);
  const model = modelFromJson(json.model, `${file}: model`);
  if (model.inputSize !== prepared.model.inputSize) {
    throw new UserError(`${file}: the run's model takes ${model.inputSize} input feature${model.inputSize === 1 ? "" : "s"} but ${experimentFile} has ${prepared.model.inputSize}: pass the experiment the run was trained from`);
  }
  const snapshots = Array.isArray(json.snapshots) ? [...json.snapshots].sort((a, b) => a.epoch - b.epoch) : [];
  return { input: { model, split: prepared.split, prepared, run: { history: json.history, snapshots } }, origin: `run file ${file}` };
}

/** Either kind of file: experiment (trained when `train`) or run. */
export function loadPictureSource(file: string, o: { train: boolean; experiment?: string; plan?: TrainPlan }): PictureSource {
  const json = readJsonFile(file, "file");
  if (isRunJson(json)) return pictureSourceFromRun(file, json, o.experiment);
  if (o.experiment) throw new UserError(`--experiment is for run files; ${file} is an experiment file already`);
  return pictureSourceFromExperiment(file, o.train, o.plan);
}

/** One training iteration from the model's current parameters, every matrix named (the steps view). */
export { firstIteration } from "../../experiment/first-iteration.ts";

/** The experiment trained for its epochs (a fresh copy: `prepared` is left as it was): its outputs beside its targets. */
export function afterTraining(file: string): AfterTraining {
  const p = loadExperiment(file);
  const { result } = runExperiment(p);
  const outputs = Array.from(predictOutput(p.model, p.data.X).data);
  return { iterations: result.history.loss.length, targets: Array.from(p.data.Y), outputs };
}
