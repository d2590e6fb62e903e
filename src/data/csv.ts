/**
 * A CSV file as labelled data (csv-parse, sync). The first row is the header. Features default
 * to every column but the target and the split column. Feature cells must be plain decimal
 * numbers; target cells are numbers when every one is a number, else strings. The split column,
 * if named, holds `train` or `test` on every row; without it `test` is null (also when no row
 * says `test`). Every problem is a CsvProblemError (./csv-problem.ts; a UserError) naming the file, the line and the column:
 * `moons.csv line 17, column "x2": "abc" is not a number`.
 */
// The browser build: it carries its own Buffer, which browsers lack (the Node build assumes one).
import { CsvError, parse, type Info } from "csv-parse/browser/esm/sync";
import { CsvProblemError, otherSeparator, type ColumnRole } from "./csv-problem.ts";
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
  // Rows are read in passes over the text, one row at a time: nothing per row is kept but the numbers.
  const source = rowSource(text, fileLabel);
  const header = source.header;
  if (!header) throw new CsvProblemError({ code: "empty" }, { file: fileLabel });
  const names = header.cells;
  checkSeparator(names, fileLabel, header.line);
  const { featureIdx, targetIdxs, splitIdx } = resolveColumns(names, columns, fileLabel);
  const targetIdx = targetIdxs[0];
  const at = (r: CsvRow, c: number) => ({ file: fileLabel, line: r.line, column: names[c] });

  // Pass 1: shapes, empty cells, the split column; which target cells are numbers.
  let count = 0;
  let trainCount = 0;
  let numbers = 0;
  const checked = [...featureIdx, ...targetIdxs];
  const isTest: number[] = [];
  source.forEach((r) => {
    if (r.cells.length !== names.length) {
      throw new CsvProblemError({ code: "rowCells", cells: r.cells.length, header: names.length }, { file: fileLabel, line: r.line });
    }
    for (const c of checked) if (r.cells[c] === "") throw new CsvProblemError({ code: "emptyCell" }, at(r, c));
    const part = splitIdx < 0 ? "train" : r.cells[splitIdx];
    if (part !== "train" && part !== "test") throw new CsvProblemError({ code: "notSplit", value: part }, at(r, splitIdx));
    if (part === "test") isTest.push(count);
    else trainCount++;
    if (parseNumber(r.cells[targetIdx]) !== undefined) numbers++;
    count++;
  });
  if (count === 0) throw new CsvProblemError({ code: "noRows" }, { file: fileLabel });
  if (trainCount === 0) throw new CsvProblemError({ code: "noTrainRow", column: names[splitIdx] }, { file: fileLabel });

  const several = targetIdxs.length > 1;
  const numericTarget = numbers === count;
  // Mostly numbers, a few not: the few are stray cells (numbers * 2 > count implies numbers > 0).
  if (several || (numbers < count && numbers * 2 > count)) {
    // A number column with a stray cell ("NaN", "n/a", "1,5"): name the cell, not a third class.
    source.forEach((r) => {
      for (const c of targetIdxs) {
        if (parseNumber(r.cells[c]) === undefined) {
          throw new CsvProblemError({ code: "strayCell", value: r.cells[c], several }, at(r, c));
        }
      }
    });
  }

  // Pass 2: the numbers, straight into the matrices of each part.
  const testCount = isTest.length;
  const d = featureIdx.length;
  const k = targetIdxs.length;
  const make = (n: number) => ({ X: matrix(n, d), y: new Array<Label>(n), Y: several ? matrix(n, k) : null, i: 0 });
  const train = make(trainCount);
  const test = make(testCount);
  let row = 0;
  let nextTest = 0;
  source.forEach((r) => {
    const part = nextTest < testCount && isTest[nextTest] === row ? (nextTest++, test) : train;
    row++;
    const i = part.i++;
    for (let j = 0; j < d; j++) {
      const c = featureIdx[j];
      const v = parseNumber(r.cells[c]);
      if (v === undefined) throw new CsvProblemError({ code: "notNumber", value: r.cells[c] }, at(r, c));
      part.X.data[i * d + j] = v;
    }
    const t = r.cells[targetIdx];
    part.y[i] = numericTarget ? (parseNumber(t) as number) : t;
    if (part.Y) for (let j = 0; j < k; j++) part.Y.data[i * k + j] = parseNumber(r.cells[targetIdxs[j]]) as number;
  });
  const data = (p: ReturnType<typeof make>): LabeledData => (p.Y ? { X: p.X, y: p.y, Y: p.Y } : { X: p.X, y: p.y });
  return {
    train: data(train),
    test: testCount > 0 ? data(test) : null,
    featureNames: featureIdx.map((c) => names[c]),
    targetName: targetIdxs.map((c) => names[c]).join(","),
  };
}

interface RowSource {
  header: CsvRow | undefined;
  /** Calls `f` with every data row in order (the row object is reused: copy what you keep). */
  forEach(f: (r: CsvRow) => void): void;
}

/**
 * The rows of a CSV text. Without quotes (and without old Mac line ends) the text is split line by
 * line on every pass, keeping nothing; otherwise csv-parse reads it once, as a list.
 */
function rowSource(text: string, fileLabel: string): RowSource {
  const plain = !text.includes('"') && !/\r(?!\n)/.test(text);
  if (!plain) {
    const [header, ...rows] = readCsvRows(text, fileLabel);
    return { header, forEach: (f) => rows.forEach(f) };
  }
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const each = (f: (r: CsvRow) => void, stopAfterFirst: boolean): void => {
    const r: CsvRow = { line: 0, cells: [] };
    let from = start;
    let line = 0;
    while (from <= text.length) {
      let to = text.indexOf("\n", from);
      if (to < 0) to = text.length;
      line++;
      let s = text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to);
      from = to + 1;
      if (s.length === 0) continue;
      r.line = line;
      const cells = s.split(",");
      for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
      r.cells = cells;
      s = "";
      f(r);
      if (stopAfterFirst) return;
    }
  };
  let header: CsvRow | undefined;
  each((r) => (header = { line: r.line, cells: r.cells }), true);
  return {
    header,
    forEach: (f) => {
      let first = true;
      each((r) => {
        if (first) first = false;
        else f(r);
      }, false);
    },
  };
}

/**
 * A CSV's header and the cells of its other rows, read as `parseCsvData` reads them (quotes, a
 * byte-order mark, blank lines): for previews and first guesses at its columns. An empty or
 * invalid CSV is a UserError (naming the line), as parseCsvData says it.
 */
export function csvTable(text: string, fileLabel: string): { header: string[]; rows: string[][] } {
  const [head, ...rest] = readCsvRows(text, fileLabel);
  if (!head) throw new CsvProblemError({ code: "empty" }, { file: fileLabel });
  checkSeparator(head.cells, fileLabel, head.line);
  return { header: head.cells, rows: rest.map((r) => r.cells) };
}

export function readCsvRows(text: string, fileLabel: string): CsvRow[] {
  try {
    const options = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true };
    // With `info: true` each record comes as { record, info } (the typings do not say so).
    const records = parse(text, options) as unknown as { record: string[]; info: Info }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record.map((s) => s.trim()) }));
  } catch (e) {
    if (e instanceof CsvError && e.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new CsvProblemError({ code: "openQuote" }, { file: fileLabel, line: openQuoteLine(text) });
    }
    if (e instanceof CsvError) throw new CsvProblemError({ code: "invalid", detail: e.message }, { file: fileLabel });
    throw e;
  }
}

/** A file of semicolon- or tab-separated values reads as one column: said so, rather than "column not found". */
function checkSeparator(header: readonly string[], file: string, line: number): void {
  const separator = otherSeparator(header);
  if (separator) throw new CsvProblemError({ code: "separator", separator }, { file, line });
}

function resolveColumns(names: string[], columns: CsvColumns, fileLabel: string) {
  const file = { file: fileLabel };
  const seen = new Set<string>();
  for (const n of names) {
    if (n === "") throw new CsvProblemError({ code: "emptyName" }, file);
    if (seen.has(n)) throw new CsvProblemError({ code: "nameTwice", name: n }, file);
    seen.add(n);
  }
  const find = (name: string, role: ColumnRole): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new CsvProblemError({ code: "notFound", role, name, columns: names }, file);
    return i;
  };
  const targets = typeof columns.target === "string" ? [columns.target] : columns.target;
  const targetIdxs = targets.map((t) => find(t, "target"));
  targetIdxs.forEach((c, k) => {
    if (targetIdxs.indexOf(c) !== k) throw new CsvProblemError({ code: "listedTwice", role: "target", name: names[c] }, file);
  });
  const splitIdx = columns.splitColumn === undefined ? -1 : find(columns.splitColumn, "split");
  if (targetIdxs.includes(splitIdx)) throw new CsvProblemError({ code: "targetIsSplit", name: names[splitIdx] }, file);
  const featureIdx = columns.features
    ? columns.features.map((f) => find(f, "feature"))
    : names.map((_, i) => i).filter((i) => !targetIdxs.includes(i) && i !== splitIdx);
  for (const [k, c] of featureIdx.entries()) {
    if (targetIdxs.includes(c) || c === splitIdx) {
      throw new CsvProblemError({ code: "notFeature", name: names[c], is: targetIdxs.includes(c) ? "target" : "split" }, file);
    }
    if (featureIdx.indexOf(c) !== k) throw new CsvProblemError({ code: "listedTwice", role: "feature", name: names[c] }, file);
  }
  if (featureIdx.length === 0) throw new CsvProblemError({ code: "noFeatures", columns: names }, file);
  return { featureIdx, targetIdxs, splitIdx };
}

/** The line on which the quoted field that never closes begins. */
function openQuoteLine(text: string): number {
  let line = 1;
  let inQuote = false;
  let opened = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (inQuote && text[i + 1] === '"') i++;
      else {
        inQuote = !inQuote;
        if (inQuote) opened = line;
      }
    } else if (ch === "\n") line++;
  }
  return opened;
}
