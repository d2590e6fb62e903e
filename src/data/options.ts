/**
 * Reading a generator's options: defaults, checks (a bad value is a UserError naming the
 * experiment field, e.g. `data.samples`) and the seeded stream every generator draws from.
 */
import { UserError } from "../core/errors.ts";
import { createRandom, type Random } from "../core/random.ts";
import type { GeneratorOptions } from "./types.ts";

/** `options.samples`, or `fallback`: a whole number ≥ `min`. */
export function sampleCount(options: GeneratorOptions, fallback: number, min = 1): number {
  const n = options.samples ?? fallback;
  if (!Number.isInteger(n) || n < min) throw new UserError(`must be a whole number ≥ ${min}, got ${n}`, "data.samples");
  return n;
}

/** `options.noise`, or `fallback`: a finite number ≥ 0 (and ≤ `max` where given). */
export function noiseLevel(options: GeneratorOptions, fallback: number, max = Infinity): number {
  const s = options.noise ?? fallback;
  if (!Number.isFinite(s) || s < 0 || s > max) {
    const range = max === Infinity ? "≥ 0" : `in [0, ${max}]`;
    throw new UserError(`must be a number ${range}, got ${s}`, "data.noise");
  }
  return s;
}

/** `createRandom(options.rng ?? "glassbox", options.seed ?? 0)`, the seed checked first. */
export function generatorRandom(options: GeneratorOptions): Random {
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UserError(`must be a whole number in 0..4294967295, got ${seed}`, "data.seed");
  }
  return createRandom(options.rng ?? "glassbox", seed);
}
