/** What the second worker's parts share: its engine, and experiment files prepared as the playground worker prepares them. */
import { createEngine, type Engine } from "../core/wasm/engine.ts";
import { prepareExperiment, type Prepared } from "../experiment/prepare.ts";
import { validateExperiment } from "../experiment/validate.ts";
import type { ExperimentJson } from "./setup.ts";

let engine: Engine | null = null;

/** One engine (WebAssembly memory and kernels) for everything the second worker trains. */
export function sideEngine(): Engine {
  return (engine ??= createEngine());
}

/** Validated and prepared (data, feature map, scaler, initial weights); the caller sets the epochs. */
export function prepareJson(json: ExperimentJson, files: Record<string, string>): Prepared {
  const experiment = validateExperiment({ ...json, train: { ...((json.train as object | undefined) ?? {}), epochs: 1 } });
  return prepareExperiment(experiment, (path) => files[path]);
}
