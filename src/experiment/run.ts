/**
 * Training a prepared experiment into a run: what `glassbox train` and the page both do.
 * (Reading experiment files from disk is Node's part: src/cli/experiment-file.ts.)
 */
import type { History, Snapshot } from "../nn/history.ts";
import { modelToJson, type ModelJson } from "../nn/serialize.ts";
import { train, type TrainConfig, type TrainResult } from "../nn/train.ts";
import type { Prepared } from "./prepare.ts";

/** The run file (ARCHITECTURE §4). */
export interface RunJson {
  /** The experiment file this run came from, relative to the run file (so pictures can find its data). */
  experiment?: string;
  model: ModelJson;
  history: History;
  snapshots: Snapshot[];
  seconds: number;
  epochs: number;
  stoppedBy: TrainResult["stoppedBy"] | "interrupted";
  /** Present (true) when a signal (Ctrl-C) stopped training: the run so far. */
  interrupted?: boolean;
}

export function runExperiment(p: Prepared, overrides: Partial<Pick<TrainConfig, "epochs" | "onEpoch">> = {}): { result: TrainResult; run: RunJson } {
  const result = train(p.model, p.data, { ...p.config, ...overrides });
  return { result, run: runJson(p, result) };
}

/** The run file of a finished (or, `interrupted`, stopped) training of `p.model`. */
export function runJson(p: Prepared, result: TrainResult, interrupted = false): RunJson {
  return {
    model: modelToJson(p.model),
    history: result.history,
    snapshots: result.snapshots,
    seconds: result.seconds,
    epochs: result.epochs,
    stoppedBy: interrupted ? "interrupted" : result.stoppedBy,
    ...(interrupted ? { interrupted: true } : {}),
  };
}
