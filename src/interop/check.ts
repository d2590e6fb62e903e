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

/**
 * The column names and input feature map stored beside a model (metadata of TF.js and ONNX
 * exports): with a map (one name per input), the names are the raw columns it reads, any number;
 * without, one per input. Anything else falls back to x1, x2, …
 */
export function namesFromMetadata(featureNames: unknown, inputs: unknown, inputSize: number): { featureNames: string[]; inputs?: string[] } {
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
  const map = strings(inputs) && inputs.length === inputSize ? inputs : undefined;
  const names = strings(featureNames) && featureNames.length > 0 && (map || featureNames.length === inputSize) ? featureNames : undefined;
  if (map && names) return { featureNames: names, inputs: map };
  return { featureNames: names && names.length === inputSize ? names : Array.from({ length: inputSize }, (_, i) => `x${i + 1}`) };
}
