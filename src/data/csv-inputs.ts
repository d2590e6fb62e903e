/**
 * A CSV of inputs to predict on: the model's feature columns must be there (in any order);
 * every other column is kept so predictions can be written beside it.
 */
import { matrix, type Matrix } from "../core/matrix.ts";
import { readCsvRows } from "./csv.ts";
import { CsvProblemError, otherSeparator } from "./csv-problem.ts";
import { parseNumber } from "./parse-number.ts";

export interface CsvInputs {
  header: string[];
  rows: string[][];
  X: Matrix;
}

export function parseCsvInputs(text: string, features: readonly string[], fileLabel: string): CsvInputs {
  const [head, ...rows] = readCsvRows(text, fileLabel);
  if (!head) throw new CsvProblemError({ code: "empty" }, { file: fileLabel });
  const header = head.cells;
  const missing = features.filter((f) => !header.includes(f));
  if (missing.length > 0) {
    const separator = otherSeparator(header);
    if (separator) throw new CsvProblemError({ code: "separator", separator }, { file: fileLabel, line: head.line });
    throw new CsvProblemError({ code: "missingColumns", missing, columns: header }, { file: fileLabel });
  }
  const idx = features.map((f) => header.indexOf(f));
  const X = matrix(rows.length, features.length);
  rows.forEach((r, i) => {
    if (r.cells.length !== header.length) throw new CsvProblemError({ code: "rowCells", cells: r.cells.length, header: header.length }, { file: fileLabel, line: r.line });
    idx.forEach((c, j) => {
      const v = parseNumber(r.cells[c]);
      if (v === undefined) throw new CsvProblemError({ code: "notNumber", value: r.cells[c] }, { file: fileLabel, line: r.line, column: header[c] });
      X.data[i * features.length + j] = v;
    });
  });
  return { header, rows: rows.map((r) => r.cells), X };
}
