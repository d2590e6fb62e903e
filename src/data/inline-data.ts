/**
 * An experiment's inline `data.X` / `data.y` checked and turned into LabeledData: X a non-empty
 * list of rows of equal length (≥ 1) of finite numbers, y one number or string per row. A problem
 * is a UserError at its JSON path (`data.X[3]`, `data.X[3][1]`, `data.y[0]`).
 */
import { UserError } from "../core/errors.ts";
import { matrix } from "../core/matrix.ts";
import type { Label, LabeledData } from "./types.ts";

export function inlineData(X: unknown, y: unknown): LabeledData {
  if (!Array.isArray(X) || X.length === 0) throw new UserError("must be a non-empty list of rows (samples × features)", "data.X");
  const cols = Array.isArray(X[0]) ? X[0].length : 0;
  const out = matrix(X.length, cols);
  X.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length === 0) throw new UserError("must be a non-empty list of numbers", `data.X[${i}]`);
    if (row.length !== cols) throw new UserError(`has ${row.length} values, row 0 has ${cols}`, `data.X[${i}]`);
    row.forEach((v: unknown, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new UserError(`${JSON.stringify(v) ?? String(v)} is not a finite number`, `data.X[${i}][${j}]`);
      out.data[i * cols + j] = v;
    });
  });
  if (!Array.isArray(y)) throw new UserError("must be a list with one label per row of X", "data.y");
  if (y.length !== X.length) throw new UserError(`has ${y.length} labels, X has ${X.length} rows`, "data.y");
  if (y.some((v) => Array.isArray(v))) return { X: out, ...targetRows(y) };
  y.forEach((v: unknown, i) => {
    const ok = (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v !== "");
    if (!ok) throw new UserError(`${JSON.stringify(v) ?? String(v)} is not a number or a non-empty string`, `data.y[${i}]`);
  });
  return { X: out, y: y as Label[] };
}

/** `y: [[0, 0, 1], …]` (one-hot rows) or `[[1.3, 2.0], …]` (several outputs): every row a list of k finite numbers. */
function targetRows(y: unknown[]): { y: Label[]; Y: ReturnType<typeof matrix> } {
  const first = y.find((v) => Array.isArray(v)) as unknown[];
  const k = first.length;
  if (k === 0) throw new UserError("an empty target row; give one value per output unit", `data.y[${y.indexOf(first)}]`);
  const Y = matrix(y.length, k);
  y.forEach((row, i) => {
    if (!Array.isArray(row)) throw new UserError(`${JSON.stringify(row)} is a single value, but other rows are lists: give every row as a list of ${k} values (or every row as one label)`, `data.y[${i}]`);
    if (row.length !== k) throw new UserError(`has ${row.length} values, row ${y.indexOf(first)} has ${k}`, `data.y[${i}]`);
    row.forEach((v: unknown, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new UserError(`${JSON.stringify(v) ?? String(v)} is not a finite number`, `data.y[${i}][${j}]`);
      Y.data[i * k + j] = v;
    });
  });
  return { y: Array.from({ length: y.length }, (_, i) => Y.data[i * k]), Y };
}
