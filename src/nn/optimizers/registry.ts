/**
 * The optimisers, by the name an experiment's `train.optimizer` gives. Each entry (./entry.ts)
 * lives in its optimiser's module; adding one is a new module and one line here.
 */
import { adamEntry } from "./adam.ts";
import type { OptimizerEntry, OptimizerField } from "./entry.ts";
import { gdEntry } from "./gradient-descent.ts";
import { lbfgsEntry } from "./lbfgs.ts";
import { sgdEntry } from "./sgd.ts";
import { registry } from "../registry.ts";

export const OPTIMIZERS = {
  gd: gdEntry,
  sgd: sgdEntry,
  adam: adamEntry,
  lbfgs: lbfgsEntry,
} as const;

export type OptimizerName = keyof typeof OPTIMIZERS;
const lookups = registry("optimizer", OPTIMIZERS);
/** The names in registry order, and the name check. */
export const { names: OPTIMIZER_NAMES, has: isOptimizerName } = lookups;

/** The settings optimiser `N` reads, all of them (its defaults' type). */
export type OptionsOf<N extends OptimizerName> = N extends OptimizerName ? { -readonly [K in keyof (typeof OPTIMIZERS)[N]["defaults"]]: (typeof OPTIMIZERS)[N]["defaults"][K] } : never;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every optimiser's settings together (`learningRate`, `momentum`, `beta1`, …). */
export type AllOptimizerOptions = UnionToIntersection<OptionsOf<OptimizerName>>;
export type OptimizerFieldName = keyof AllOptimizerOptions & string;

/**
 * One optimiser's part of a configuration: its name and its own settings (each optional, its
 * default then applies); another optimiser's settings are not allowed (`momentum` with `"adam"`).
 */
export type OptimizerChoice<N extends OptimizerName = OptimizerName> = N extends OptimizerName
  ? { optimizer: N } & Partial<OptionsOf<N>> & { [K in Exclude<OptimizerFieldName, keyof OptionsOf<N>>]?: undefined }
  : never;

/** The same with every setting filled in (a validated experiment's `train`). */
export type OptimizerSpec<N extends OptimizerName = OptimizerName> = N extends OptimizerName
  ? { optimizer: N } & OptionsOf<N> & { [K in Exclude<OptimizerFieldName, keyof OptionsOf<N>>]?: undefined }
  : never;

/** The entry of `name`, typed as that optimiser's own. */
export function optimizerEntry<N extends OptimizerName>(name: N): (typeof OPTIMIZERS)[N] {
  return lookups.entry(name) as (typeof OPTIMIZERS)[N];
}

/** Every optimiser field, once (the first entry's wording), in registry order. */
export const OPTIMIZER_FIELDS: readonly OptimizerField<OptimizerFieldName>[] = (() => {
  const seen = new Map<string, OptimizerField<OptimizerFieldName>>();
  for (const e of Object.values(OPTIMIZERS) as OptimizerEntry[]) for (const f of e.fields) if (!seen.has(f.name)) seen.set(f.name, f as OptimizerField<OptimizerFieldName>);
  return [...seen.values()];
})();

/** The optimisers that read field `name`. */
export function optimizersWith(name: string): OptimizerName[] {
  return OPTIMIZER_NAMES.filter((n) => (OPTIMIZERS[n] as OptimizerEntry).fields.some((f) => f.name === name));
}

/**
 * Optimiser `name`'s settings from a configuration (each given one, else its default): what
 * `create` takes. Other optimisers' fields are left out.
 */
export function optimizerOptions<N extends OptimizerName>(name: N, given: object): OptionsOf<N> {
  const e = optimizerEntry(name) as OptimizerEntry;
  const values = given as Partial<Record<string, number | boolean>>;
  const out: Record<string, number | boolean> = {};
  for (const f of e.fields) out[f.name] = values[f.name] ?? e.defaults[f.name];
  return out as OptionsOf<N>;
}
