/**
 * Small checkers for hand-validated JSON. Each takes the value and its JSON path and either
 * returns the typed value or throws a UserError naming the path and the fix.
 */
import { UserError } from "../core/errors.ts";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

const describe = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "string" ? JSON.stringify(v) : typeof v === "object" ? "an object" : String(v));

export function object(v: unknown, path: string): JsonObject {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new UserError(`expected an object, got ${describe(v)}`, path);
  return v as JsonObject;
}

/** Rejects fields not in `allowed`, suggesting the nearest allowed name. */
export function knownFields(o: JsonObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const near = nearest(key, allowed);
    const hint = near ? `did you mean "${near}"?` : `allowed here: ${allowed.join(", ")}`;
    throw new UserError(`unknown field; ${hint}`, join(path, key));
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function number(v: unknown, path: string, o: { integer?: boolean; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean } = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new UserError(`expected a number, got ${describe(v)}`, path);
  if (o.integer && !Number.isInteger(v)) throw new UserError(`expected a whole number, got ${v}`, path);
  if (o.min !== undefined && (o.exclusiveMin ? v <= o.min : v < o.min)) throw new UserError(`must be ${o.exclusiveMin ? ">" : "≥"} ${o.min}, got ${v}`, path);
  if (o.max !== undefined && (o.exclusiveMax ? v >= o.max : v > o.max)) throw new UserError(`must be ${o.exclusiveMax ? "<" : "≤"} ${o.max}, got ${v}`, path);
  return v;
}

export function string(v: unknown, path: string): string {
  if (typeof v !== "string") throw new UserError(`expected a string, got ${describe(v)}`, path);
  return v;
}

export function boolean(v: unknown, path: string): boolean {
  if (typeof v !== "boolean") throw new UserError(`expected true or false, got ${describe(v)}`, path);
  return v;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== "string" || !allowed.includes(v as T)) {
    throw new UserError(`${describe(v)} is not one of ${allowed.join(", ")}`, path);
  }
  return v as T;
}

export function array(v: unknown, path: string, o: { minLength?: number } = {}): Json[] {
  if (!Array.isArray(v)) throw new UserError(`expected an array, got ${describe(v)}`, path);
  if (o.minLength !== undefined && v.length < o.minLength) throw new UserError(`needs at least ${o.minLength} entr${o.minLength === 1 ? "y" : "ies"}`, path);
  return v;
}

/** `check(o[key])` when the field is present (and not null if `nullable`), else `fallback`. */
export function optional<T, F = T>(o: JsonObject, key: string, path: string, check: (v: Json, p: string) => T, fallback: F): T | F {
  return o[key] === undefined ? fallback : check(o[key], join(path, key));
}

function nearest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
