/**
 * A CSV of inputs to predict on: the model's feature columns must be there (in any order);
 * every other column is kept so predictions can be written beside it.
 */
import { UserError } from "../core/errors.ts";
import { matrix, type Matrix } from "../core/matrix.ts";
import { readCsvRows } from "./csv.ts";
import { parseNumber } from "./parse-number.ts";

export interface CsvInputs {
  header: string[];
  rows: string[][];
  X: Matrix;
}

export function parseCsvInputs(text: string, features: readonly string[], fileLabel: string): CsvInputs {
  const [head, ...rows] = readCsvRows(text, fileLabel);
  if (!head) throw new UserError("is empty (a header row naming the columns is required)", fileLabel);
  const header = head.cells;
  const missing = features.filter((f) => !header.includes(f));
  if (missing.length > 0) {
    throw new UserError(`the model needs column${missing.length > 1 ? "s" : ""} ${missing.map((m) => JSON.stringify(m)).join(", ")}; the file has ${header.map((h) => JSON.stringify(h)).join(", ")}`, fileLabel);
  }
  const idx = features.map((f) => header.indexOf(f));
  const X = matrix(rows.length, features.length);
  rows.forEach((r, i) => {
    if (r.cells.length !== header.length) throw new UserError(`has ${r.cells.length} cells, the header has ${header.length}`, `${fileLabel} line ${r.line}`);
    idx.forEach((c, j) => {
      const v = parseNumber(r.cells[c]);
      if (v === undefined) throw new UserError(`${JSON.stringify(r.cells[c])} is not a number`, `${fileLabel} line ${r.line}, column ${JSON.stringify(header[c])}`);
      X.data[i * features.length + j] = v;
    });
  });
  return { header, rows: rows.map((r) => r.cells), X };
}
