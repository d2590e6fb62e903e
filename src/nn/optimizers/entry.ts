/**
 * What an optimiser's module exports besides its update rule: a registry entry (./registry.ts)
 * with its name, its settings (the `train.<field>` fields of an experiment file, each with its
 * type, range and meaning), their defaults and how to make the optimiser. Validation, defaults,
 * the README's field table, the CLI's help and the trainer's live settings all read these entries,
 * so a new optimiser is one new file and one line in the registry.
 */
import type { Optimizer } from "./optimizer.ts";

/** One setting an optimiser reads: the experiment file's `train.<name>`. */
export interface OptimizerField<K extends string = string> {
  readonly name: K;
  readonly type: "number" | "boolean";
  /** Numbers: the accepted interval (min and max included unless said exclusive). */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** What it means, for the README's field table and the CLI help (Markdown). */
  readonly doc: string;
}

export type OptimizerOptions = Record<string, number | boolean>;

export interface OptimizerEntry<N extends string = string, O extends OptimizerOptions = OptimizerOptions> {
  readonly name: N;
  /** One line: what it does (Markdown; the README's `train.optimizer` row and the CLI help). */
  readonly doc: string;
  /** Every setting's default. */
  readonly defaults: Readonly<O>;
  readonly fields: readonly OptimizerField<keyof O & string>[];
  /**
   * Null when it takes `train.batchSize` (mini-batches); else it always trains on the full batch
   * and this is the message refusing a batch size.
   */
  readonly fullBatchOnly: string | null;
  /**
   * The update rule as an object for the trainer's first-order loop (one `step` per batch), or
   * null when the trainer runs the optimiser's own iteration (L-BFGS).
   */
  readonly create: ((size: number, options: O) => Optimizer) | null;
  /** How many parameter-sized arrays it keeps besides the parameters and the gradient (for memory estimates). */
  stateArrays(options: O): number;
}

/** η: every first-order optimiser's step size (its default is each entry's own). */
export const LEARNING_RATE: OptimizerField<"learningRate"> = { name: "learningRate", type: "number", min: 0, exclusiveMin: true, doc: "η, the step size" };

/** The field's accepted values in words: "> 0", "in [0, 1)", "true or false". */
export function rangeText(f: OptimizerField): string {
  if (f.type === "boolean") return "true or false";
  const lo = f.min === undefined ? null : f.min;
  const hi = f.max === undefined ? null : f.max;
  if (lo !== null && hi !== null) return `in ${f.exclusiveMin ? "(" : "["}${lo}, ${hi}${f.exclusiveMax ? ")" : "]"}`;
  if (lo !== null) return `${f.exclusiveMin ? ">" : "≥"} ${lo}`;
  if (hi !== null) return `${f.exclusiveMax ? "<" : "≤"} ${hi}`;
  return "a number";
}

/** Whether `v` is an accepted value of the field. */
export function fieldAccepts(f: OptimizerField, v: unknown): boolean {
  if (f.type === "boolean") return typeof v === "boolean";
  if (typeof v !== "number" || !Number.isFinite(v)) return false;
  if (f.min !== undefined && (f.exclusiveMin ? v <= f.min : v < f.min)) return false;
  if (f.max !== undefined && (f.exclusiveMax ? v >= f.max : v > f.max)) return false;
  return true;
}
