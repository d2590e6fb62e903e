/** The trainer's settings: their names, every optimiser's at its defaults, and the check of a changed one. */
import { fieldAccepts, rangeText, type OptimizerEntry } from "../optimizers/entry.ts";
import { OPTIMIZER_FIELDS, OPTIMIZERS, optimizerOptions, type AllOptimizerOptions } from "../optimizers/registry.ts";
import { defaultLearningRate, type TrainConfig, type TrainerSettings } from "./config.ts";

export const SETTING_KEYS: readonly (keyof TrainerSettings)[] = ["l1", "l2", "batchSize", "reduction", "epochs", "recordEvery", "onEpoch", ...OPTIMIZER_FIELDS.map((f) => f.name)];

/**
 * Every optimiser's settings: the config's own optimiser's as given (else its defaults), the
 * others' at their defaults (a setting the optimiser does not read is kept but unused).
 */
export function optimizerSettings(config: TrainConfig): AllOptimizerOptions {
  const out: Record<string, unknown> = {};
  for (const e of Object.values(OPTIMIZERS) as OptimizerEntry[]) for (const f of e.fields) if (!(f.name in out)) out[f.name] = e.defaults[f.name];
  Object.assign(out, optimizerOptions(config.optimizer, config));
  out.learningRate = (config as { learningRate?: number }).learningRate ?? defaultLearningRate(config.optimizer);
  return out as AllOptimizerOptions;
}

/** Rejects a setting that training could not use, naming it. */
export function checkSetting(key: keyof TrainerSettings, v: unknown): void {
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
