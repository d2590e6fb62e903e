/**
 * A CSV file as labelled data (csv-parse, sync). The first row is the header. Features default
 * to every column but the target and the split column. Feature cells must be plain decimal
 * numbers; target cells are numbers when every one is a number, else strings. The split column,
 * if named, holds `train` or `test` on every row; without it `test` is null (also when no row
 * says `test`). Every problem is a UserError naming the file, the line and the column:
 * `moons.csv line 17, column "x2": "abc" is not a number`.
 */
// The browser build: it carries its own Buffer, which browsers lack (the Node build assumes one).
import { CsvError, parse, type Info } from "csv-parse/browser/esm/sync";
import { UserError } from "../core/errors.ts";
import { matrix } from "../core/matrix.ts";
import { parseNumber } from "./parse-number.ts";
import type { DataSplit, Label, LabeledData } from "./types.ts";

export interface CsvColumns {
  /** One target column, or several (one-hot columns, or several regression outputs). */
  target: string | string[];
  features?: string[];
  splitColumn?: string;
}

export interface CsvRow {
  line: number;
  cells: string[];
}

export function parseCsvData(text: string, columns: CsvColumns, fileLabel = "data.csv"): DataSplit {
  const [header, ...rows] = readCsvRows(text, fileLabel);
  if (!header) throw new UserError("is empty (a header row naming the columns is required)", fileLabel);
  if (rows.length === 0) throw new UserError("has a header but no data rows", fileLabel);
  const names = header.cells;
  const { featureIdx, targetIdxs, splitIdx } = resolveColumns(names, columns, fileLabel);
  const targetIdx = targetIdxs[0];
  const at = (r: CsvRow, c: number): string => `${fileLabel} line ${r.line}, column ${JSON.stringify(names[c])}`;

  const parts = { train: [] as CsvRow[], test: [] as CsvRow[] };
  for (const r of rows) {
    if (r.cells.length !== names.length) {
      throw new UserError(`has ${r.cells.length} cells, the header has ${names.length}`, `${fileLabel} line ${r.line}`);
    }
    for (const c of [...featureIdx, ...targetIdxs]) if (r.cells[c] === "") throw new UserError("empty cell", at(r, c));
    const part = splitIdx < 0 ? "train" : r.cells[splitIdx];
    if (part !== "train" && part !== "test") throw new UserError(`${JSON.stringify(part)} is not "train" or "test"`, at(r, splitIdx));
    parts[part].push(r);
  }
  if (parts.train.length === 0) throw new UserError(`no row is marked "train" in column ${JSON.stringify(names[splitIdx])}`, fileLabel);

  const several = targetIdxs.length > 1;
  const numberRow = rows.find((r) => parseNumber(r.cells[targetIdx]) !== undefined);
  const textRow = rows.find((r) => parseNumber(r.cells[targetIdx]) === undefined);
  const numericTarget = textRow === undefined;
  if (several || (numberRow && textRow && looksNumeric(rows, targetIdx))) {
    // A number column with a stray cell ("NaN", "n/a", "1,5"): name the cell, not a third class.
    for (const c of targetIdxs) {
      const r = rows.find((row) => parseNumber(row.cells[c]) === undefined);
      if (r) throw new UserError(`${JSON.stringify(r.cells[c])} is not a number, but the column's other cells are${several ? " (several target columns hold numbers)" : ""}: fix or remove the row`, at(r, c));
    }
  }
  const toData = (part: CsvRow[]): LabeledData => {
    const X = matrix(part.length, featureIdx.length);
    const y: Label[] = [];
    part.forEach((r, i) => {
      featureIdx.forEach((c, j) => {
        const v = parseNumber(r.cells[c]);
        if (v === undefined) throw new UserError(`${JSON.stringify(r.cells[c])} is not a number`, at(r, c));
        X.data[i * featureIdx.length + j] = v;
      });
      const t = r.cells[targetIdx];
      y.push(numericTarget ? (parseNumber(t) as number) : t);
    });
    if (!several) return { X, y };
    const k = targetIdxs.length;
    const Y = matrix(part.length, k);
    part.forEach((r, i) => targetIdxs.forEach((c, j) => (Y.data[i * k + j] = parseNumber(r.cells[c]) as number)));
    return { X, y, Y };
  };
  return {
    train: toData(parts.train),
    test: parts.test.length > 0 ? toData(parts.test) : null,
    featureNames: featureIdx.map((c) => names[c]),
    targetName: targetIdxs.map((c) => names[c]).join(","),
  };
}

/** Most cells are numbers (so a few that are not are mistakes, not class names). */
function looksNumeric(rows: CsvRow[], c: number): boolean {
  let numbers = 0;
  for (const r of rows) if (parseNumber(r.cells[c]) !== undefined) numbers++;
  return numbers * 2 > rows.length;
}

export function readCsvRows(text: string, fileLabel: string): CsvRow[] {
  try {
    const options = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true };
    // With `info: true` each record comes as { record, info } (the typings do not say so).
    const records = parse(text, options) as unknown as { record: string[]; info: Info }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record.map((s) => s.trim()) }));
  } catch (e) {
    if (e instanceof CsvError) throw new UserError(`not valid CSV: ${e.message}`, fileLabel);
    throw e;
  }
}

function resolveColumns(names: string[], columns: CsvColumns, fileLabel: string) {
  const seen = new Set<string>();
  for (const n of names) {
    if (n === "") throw new UserError("the header has an empty column name", fileLabel);
    if (seen.has(n)) throw new UserError(`the header names column ${JSON.stringify(n)} twice`, fileLabel);
    seen.add(n);
  }
  const available = names.map((n) => JSON.stringify(n)).join(", ");
  const find = (name: string, role: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new UserError(`${role} column ${JSON.stringify(name)} not found; the columns are ${available}`, fileLabel);
    return i;
  };
  const targets = typeof columns.target === "string" ? [columns.target] : columns.target;
  const targetIdxs = targets.map((t) => find(t, "target"));
  targetIdxs.forEach((c, k) => {
    if (targetIdxs.indexOf(c) !== k) throw new UserError(`target column ${JSON.stringify(names[c])} is listed twice`, fileLabel);
  });
  const splitIdx = columns.splitColumn === undefined ? -1 : find(columns.splitColumn, "split");
  if (targetIdxs.includes(splitIdx)) throw new UserError(`column ${JSON.stringify(names[splitIdx])} cannot be both target and split column`, fileLabel);
  const featureIdx = columns.features
    ? columns.features.map((f) => find(f, "feature"))
    : names.map((_, i) => i).filter((i) => !targetIdxs.includes(i) && i !== splitIdx);
  for (const [k, c] of featureIdx.entries()) {
    if (targetIdxs.includes(c) || c === splitIdx) {
      throw new UserError(`column ${JSON.stringify(names[c])} cannot be a feature: it is the ${targetIdxs.includes(c) ? "target" : "split column"}`, fileLabel);
    }
    if (featureIdx.indexOf(c) !== k) throw new UserError(`feature column ${JSON.stringify(names[c])} is listed twice`, fileLabel);
  }
  if (featureIdx.length === 0) throw new UserError(`no feature columns (the columns are ${available})`, fileLabel);
  return { featureIdx, targetIdxs, splitIdx };
}
