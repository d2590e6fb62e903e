/**
 * Everything a CSV file can be wrong about, as data: the CLI says it in English (the error's
 * message), the page in its own language (src/web/i18n/csv-zh.ts words the same data).
 */
import { UserError } from "../core/errors.ts";

export type CsvProblem =
  | { code: "empty" }
  | { code: "rowCells"; cells: number; header: number }
  | { code: "emptyCell" }
  | { code: "notSplit"; value: string }
  | { code: "noRows" }
  | { code: "noTrainRow"; column: string }
  /** A stray cell in a column of numbers ("NaN", "n/a", "1,5"); `several`: several target columns hold numbers. */
  | { code: "strayCell"; value: string; several: boolean }
  | { code: "notNumber"; value: string }
  | { code: "openQuote" }
  /** csv-parse's own words (English). */
  | { code: "invalid"; detail: string }
  /** One column whose name holds another separator: a file of semicolon- or tab-separated values. */
  | { code: "separator"; separator: ";" | "\t" }
  | { code: "emptyName" }
  | { code: "nameTwice"; name: string }
  | { code: "notFound"; role: ColumnRole; name: string; columns: string[] }
  | { code: "listedTwice"; role: "target" | "feature"; name: string }
  | { code: "targetIsSplit"; name: string }
  | { code: "notFeature"; name: string; is: "target" | "split" }
  | { code: "noFeatures"; columns: string[] }
  | { code: "missingColumns"; missing: string[]; columns: string[] };

export type ColumnRole = "target" | "feature" | "split";

/** Where in the file: the file, a line of it, a cell of that line. */
export interface CsvPlace {
  file: string;
  line?: number;
  column?: string;
}

export class CsvProblemError extends UserError {
  constructor(
    readonly problem: CsvProblem,
    readonly place: CsvPlace,
  ) {
    super(csvProblemText(problem), csvPlaceText(place));
  }
}

const q = (s: string): string => JSON.stringify(s);
const list = (names: readonly string[]): string => names.map(q).join(", ");

export function csvProblemText(p: CsvProblem): string {
  switch (p.code) {
    case "empty":
      return "is empty (a header row naming the columns is required)";
    case "rowCells":
      return `has ${p.cells} cells, the header has ${p.header}`;
    case "emptyCell":
      return "empty cell";
    case "notSplit":
      return `${q(p.value)} is not "train" or "test"`;
    case "noRows":
      return "has a header but no data rows";
    case "noTrainRow":
      return `no row is marked "train" in column ${q(p.column)}`;
    case "strayCell":
      return `${q(p.value)} is not a number, but the column's other cells are${p.several ? " (several target columns hold numbers)" : ""}: fix or remove the row`;
    case "notNumber":
      return `${q(p.value)} is not a number`;
    case "openQuote":
      return `a quote (") opens here and is never closed: close it or remove it`;
    case "invalid":
      return `not valid CSV: ${p.detail}`;
    case "separator":
      return `has one column, its names separated by ${p.separator === ";" ? '";"' : "tabs"}: Glassbox reads comma-separated values (save the file with commas between the cells)`;
    case "emptyName":
      return "the header has an empty column name";
    case "nameTwice":
      return `the header names column ${q(p.name)} twice`;
    case "notFound":
      return `${p.role} column ${q(p.name)} not found; the columns are ${list(p.columns)}`;
    case "listedTwice":
      return `${p.role} column ${q(p.name)} is listed twice`;
    case "targetIsSplit":
      return `column ${q(p.name)} cannot be both target and split column`;
    case "notFeature":
      return `column ${q(p.name)} cannot be a feature: it is the ${p.is === "target" ? "target" : "split column"}`;
    case "noFeatures":
      return `no feature columns (the columns are ${list(p.columns)})`;
    case "missingColumns":
      return `the model needs column${p.missing.length > 1 ? "s" : ""} ${list(p.missing)}; the file has ${list(p.columns)}`;
  }
}

/** A header of one cell that holds another separator (";" or a tab): that separator, else null. */
export function otherSeparator(header: readonly string[]): ";" | "\t" | null {
  if (header.length !== 1) return null;
  return header[0].includes(";") ? ";" : header[0].includes("\t") ? "\t" : null;
}

export function csvPlaceText(p: CsvPlace): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file} line ${p.line}` : `${p.file} line ${p.line}, column ${q(p.column)}`;
}
