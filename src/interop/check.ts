/** Shared checks for the converters: each failure is a UserError naming the field and what it should be. */
import { UserError } from "../core/errors.ts";

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A list of finite numbers (of `length`, when given). */
export function numberList(v: unknown, where: string, length?: number): number[] {
  if (!Array.isArray(v)) throw new UserError(`must be a list of numbers, got ${describe(v)}`, where);
  const bad = v.findIndex((x) => typeof x !== "number" || !Number.isFinite(x));
  if (bad >= 0) throw new UserError(`entry ${bad} is ${describe(v[bad])}, not a finite number`, where);
  if (length !== undefined && v.length !== length) throw new UserError(`has ${v.length} values, expected ${length}`, where);
  return v as number[];
}

/** A rows × cols matrix as nested lists (rows/cols checked when given). */
export function numberMatrix(v: unknown, where: string, rows?: number, cols?: number): number[][] {
  if (!Array.isArray(v) || v.length === 0 || !v.every(Array.isArray)) throw new UserError(`must be a matrix (a list of rows of numbers), got ${describe(v)}`, where);
  const width = cols ?? (v[0] as unknown[]).length;
  const m = v.map((row, i) => numberList(row, `${where}[${i}]`, width));
  if (rows !== undefined && m.length !== rows) throw new UserError(`has ${m.length} rows, expected ${rows}`, where);
  return m;
}

export function transpose(m: readonly (readonly number[])[]): number[][] {
  const cols = m[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => m.map((row) => row[j]));
}

/** A short description of a JSON value, for messages. */
export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "an object";
  return JSON.stringify(v);
}
