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
import type { PrepareOptions, Prepared } from "../../experiment/prepare.ts";
import type { Snapshot } from "../../nn/history.ts";
import { layerToJson } from "../../nn/network.ts";
import { modelFromJson } from "../../nn/serialize.ts";
import { trace, type Trace } from "../../nn/trace.ts";
import type { AfterTraining, ViewInput } from "../../viz/index.ts";
import { runExperiment } from "../../experiment/run.ts";
import { predictOutput } from "../../nn/predict.ts";
import { evenly, pickLogSpaced, snapshotEpochs } from "../../animate/index.ts";
import { trainWithProgress } from "../progress.ts";
import { readCachedRun, runKey, writeCachedRun } from "../run-cache.ts";

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
export function pictureSourceFromExperiment(file: string, train: boolean, plan: TrainPlan = {}, prepare: PrepareOptions = {}): PictureSource {
  const prepared = loadExperiment(file, undefined, prepare);
  const epochs = plan.epochs ?? prepared.config.epochs;
  if (!train || epochs === 0) {
    const snapshots: Snapshot[] = [{ epoch: 0, layers: prepared.model.layers.map(layerToJson) }];
    return { input: { model: prepared.model, split: prepared.split, prepared, run: { snapshots } }, origin: "initial parameters" };
  }
  const run = trainForPictures(prepared, epochs, plan);
  return { input: { model: prepared.model, split: prepared.split, prepared, run }, origin: trainedOrigin(run) };
}

/** A run for pictures: `fromCache` when it was read from the run cache instead of trained. */
export type PictureRun = RunJson & { fromCache?: boolean };

/**
 * Trains once with the planned snapshots (a progress bar on a terminal); the last snapshot is the
 * final model, left in `prepared.model`. A run trained before with the same content, epochs and
 * (at least) these snapshots is read from the run cache (./run-cache.ts) instead.
 */
export function trainForPictures(prepared: Prepared, epochs: number, plan: TrainPlan = {}): PictureRun {
  const paramsAt = new Set([...(prepared.config.paramsAt ?? []), ...(plan.snapshotsAt?.(prepared.model.params.length, epochs) ?? evenly(epochs, 200)), ...(plan.keep ?? [])]);
  const asked = new Set(paramsAt);
  const key = runKey(prepared, epochs);
  const cached = readCachedRun(key, epochs);
  const covers = (r: RunJson): boolean => {
    const have = new Set(r.snapshots.map((s) => s.epoch));
    return [...paramsAt].every((e) => e > r.epochs || have.has(e));
  };
  let run: PictureRun;
  if (cached && covers(cached) && cached.model.layers.length === prepared.model.layers.length) {
    const trained = modelFromJson(cached.model, "cached run");
    if (trained.params.length !== prepared.model.params.length) throw new Error("cached run does not fit the model");
    prepared.model.params.set(trained.params);
    run = { ...cached, fromCache: true };
  } else {
    // What the entry held already is kept too, so the cache only grows towards what is asked.
    for (const s of cached?.snapshots ?? []) paramsAt.add(s.epoch);
    const withSnapshots: Prepared = { ...prepared, config: { ...prepared.config, paramsAt: [...paramsAt].sort((a, b) => a - b) } };
    run = trainWithProgress(withSnapshots, epochs, plan.quiet).run;
    writeCachedRun(key, run);
  }
  let snaps = [...run.snapshots].sort((a, b) => a.epoch - b.epoch);
  // Training can stop early (L-BFGS converges): the final model is always the last snapshot.
  if (!snaps.length || snaps[snaps.length - 1].epoch < run.epochs) snaps.push({ epoch: run.epochs, layers: prepared.model.layers.map(layerToJson) });
  // Only the snapshots asked for (a cached run may hold more).
  snaps = snaps.filter((s) => asked.has(s.epoch) || s.epoch === run.epochs);
  if (plan.maxSnapshots && snaps.length > plan.maxSnapshots) {
    const keep = new Set(plan.keep ?? []);
    // Half evenly over the run, half log-spaced (early epochs change the most).
    const half = Math.ceil(plan.maxSnapshots / 2);
    const picked = new Set([...evenly(snaps.length - 1, half).map((i) => snaps[i]), ...pickLogSpaced(snaps, half)]);
    snaps = snaps.filter((s) => picked.has(s) || keep.has(s.epoch));
  }
  return { ...run, snapshots: snaps };
}

/** "trained 60 epochs", with ", read from the run cache" when it was. */
export function trainedOrigin(run: PictureRun): string {
  return `trained ${run.epochs} epoch${run.epochs === 1 ? "" : "s"}${run.fromCache ? ", read from the run cache" : ""}`;
}

/** What a picture needs from a run beyond its final model. */
export interface RunNeeds {
  /** The model after this epoch (`--epoch K`). */
  epoch?: number;
  /** The run's parameter snapshots (trajectory, the cost surface's path): at least two. */
  snapshots?: boolean;
}

/**
 * A run file, its data from the experiment it was trained from. What the picture needs and the
 * run did not record (snapshots: `train --out` keeps only those `record.paramsAt` asks for) is
 * recomputed by training the experiment again (everything is seeded; the run cache helps); the
 * recomputed history must match the run's, or the experiment changed since and that is said.
 */
export function pictureSourceFromRun(file: string, json: RunJson & { experiment?: unknown }, experimentFlag: string | undefined, needs: RunNeeds = {}): PictureSource {
  const experimentFile = experimentFlag ?? (typeof json.experiment === "string" ? resolve(dirname(file), json.experiment) : undefined);
  if (!experimentFile) {
    throw new UserError(`${file} is a run file; pictures need its data too: add --experiment <the experiment file it was trained from>`);
  }
  const prepared = loadExperiment(experimentFile);
  const model = modelFromJson(json.model, `${file}: model`);
  if (model.inputSize !== prepared.model.inputSize) {
    throw new UserError(`${file}: the run's model takes ${model.inputSize} input feature${model.inputSize === 1 ? "" : "s"} but ${experimentFile} has ${prepared.model.inputSize}: pass the experiment the run was trained from`);
  }
  let snapshots = Array.isArray(json.snapshots) ? [...json.snapshots].sort((a, b) => a.epoch - b.epoch) : [];
  let origin = `run file ${file}`;
  const ran = typeof json.epochs === "number" ? json.epochs : (json.history?.epoch?.at(-1) ?? 0);
  const K = needs.epoch;
  if (K !== undefined && K > ran) throw new UserError(`--epoch ${K} is past the run's ${ran} epoch${ran === 1 ? "" : "s"} (${file}): choose 0..${ran}`);
  const missingEpoch = K !== undefined && !snapshots.some((s) => s.epoch === K);
  const missingSnapshots = !!needs.snapshots && snapshots.length < 2;
  if (missingEpoch || missingSnapshots) {
    const upTo = missingSnapshots ? ran : K!;
    const again = trainForPictures(prepared, upTo, { snapshotsAt: (p, e) => (missingSnapshots ? snapshotEpochs(p, e, 200) : [e]), maxSnapshots: missingSnapshots ? 300 : undefined, keep: K !== undefined ? [K] : [] });
    checkSameRun(file, experimentFile, json, again, prepared, upTo === ran);
    const byEpoch = new Map([...again.snapshots, ...snapshots].map((s) => [s.epoch, s]));
    snapshots = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
    origin += `, its snapshots recomputed from ${experimentFile}`;
  }
  return { input: { model, split: prepared.split, prepared, run: { history: json.history, snapshots } }, origin };
}

/** Training the experiment again gave this run (its recorded losses, and at the end its parameters)? */
function checkSameRun(file: string, experimentFile: string, json: RunJson, again: RunJson, prepared: Prepared, whole: boolean): void {
  const fix = `the experiment changed since the run was trained: train it again (glassbox train ${experimentFile} --out ${file})`;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const lossAt = new Map(again.history.epoch.map((e, i) => [e, again.history.loss[i]]));
  const h = json.history;
  for (let i = 0; i < (h?.epoch?.length ?? 0); i++) {
    const mine = lossAt.get(h.epoch[i]);
    if (mine === undefined || !Number.isFinite(h.loss[i]) || !Number.isFinite(mine)) continue;
    if (!close(mine, h.loss[i])) throw new UserError(`${file}: training ${experimentFile} again gives loss ${mine} at epoch ${h.epoch[i]} where the run recorded ${h.loss[i]}: ${fix}`);
  }
  if (whole) {
    const mine = prepared.model.params;
    const theirs = modelFromJson(json.model, `${file}: model`).params;
    if (mine.length !== theirs.length || mine.some((v, i) => !close(v, theirs[i]))) throw new UserError(`${file}: training ${experimentFile} again does not end at the run's parameters: ${fix}`);
  }
}

/** Either kind of file: experiment (trained when `train`) or run (`needs`: what to recompute if it lacks it); `beforeModel` checks an experiment's layer sizes before its network is made. */
export function loadPictureSource(file: string, o: { train: boolean; experiment?: string; plan?: TrainPlan; needs?: RunNeeds } & PrepareOptions): PictureSource {
  const json = readJsonFile(file, "file", { comments: true });
  if (isRunJson(json)) return pictureSourceFromRun(file, json, o.experiment, o.needs);
  if (o.experiment) throw new UserError(`--experiment is for run files; ${file} is an experiment file already`);
  return pictureSourceFromExperiment(file, o.train, o.plan, { beforeModel: o.beforeModel });
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
