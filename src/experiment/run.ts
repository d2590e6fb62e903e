/** Reading an experiment file and training it: what `glassbox train` and the page both do. */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "../core/errors.ts";
import type { History, Snapshot } from "../nn/history.ts";
import { modelToJson, type ModelJson } from "../nn/serialize.ts";
import { train, type TrainConfig, type TrainResult } from "../nn/train.ts";
import { prepareExperiment, type Prepared } from "./prepare.ts";
import { validateExperiment } from "./validate.ts";

/** The run file (DESIGN §4). */
export interface RunJson {
  /** The experiment file this run came from, relative to the run file (so pictures can find its data). */
  experiment?: string;
  model: ModelJson;
  history: History;
  snapshots: Snapshot[];
  seconds: number;
  epochs: number;
  stoppedBy: TrainResult["stoppedBy"];
}

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`cannot read ${what} "${file}": no such file`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${what} "${file}" is not valid JSON (${(e as Error).message})`);
  }
}

/** Reads, validates and prepares an experiment file; paths inside it are relative to it. */
export function loadExperiment(file: string): Prepared {
  const json = readJsonFile(file, "experiment file");
  try {
    return prepareExperiment(validateExperiment(json), dirname(file));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
}

export function runExperiment(p: Prepared, overrides: Partial<Pick<TrainConfig, "epochs" | "onEpoch">> = {}): { result: TrainResult; run: RunJson } {
  const result = train(p.model, p.data, { ...p.config, ...overrides });
  const run: RunJson = {
    model: modelToJson(p.model),
    history: result.history,
    snapshots: result.snapshots,
    seconds: result.seconds,
    epochs: result.epochs,
    stoppedBy: result.stoppedBy,
  };
  return { result, run };
}
