/**
 * The workbook as plain data, before any file format: sheets of cells (a formula or a value, and a
 * style name), column widths, merged ranges, conditional fills and charts. `layout.ts` builds it,
 * `xlsx.ts` writes it; tests read both.
 */

export type Style = "title" | "note" | "para" | "heading" | "count" | "header" | "label" | "name" | "formula" | "input" | "linked" | "value" | "data" | "step";

export interface Cell {
  /** A formula without the leading "=" (written with no cached value). */
  f?: string;
  v?: number | string;
  style?: Style;
}

/** A fill applied while `formula` (relative to the range's top-left cell) is true. */
export interface Highlight {
  range: string;
  formula: string;
  /** "#rrggbb" */
  fill: string;
}

export interface ChartSeries {
  /** A one-cell reference to the series name, with its sheet. */
  name: string;
  /** A column of values, with its sheet. */
  values: string;
  color: string;
}

export interface Chart {
  title: string;
  xTitle: string;
  yTitle: string;
  /** The x values (iteration numbers), with their sheet. */
  categories: string;
  series: ChartSeries[];
  /** Where it sits: 0-based column and row of its top-left corner, and its size in columns and rows. */
  at: { col: number; row: number; cols: number; rows: number };
}

export class SheetSpec {
  readonly cells = new Map<string, Cell>();
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly highlights: Highlight[] = [];
  readonly charts: Chart[] = [];
  /** Rows and columns kept in view while scrolling (0 = none). */
  freeze = { rows: 0, cols: 0 };

  constructor(readonly name: string) {}

  set(row: number, col: number, cell: Cell): void {
    this.cells.set(a1(row, col), cell);
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(a1(row, col));
  }

  width(col: number, w: number): void {
    this.widths.set(col, Math.max(this.widths.get(col) ?? 0, w));
  }
}

/** 1 → "A", 27 → "AA". */
export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** (row, col), both from 1, as "B3" (or "$B$3"). */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnName(col)}$${row}` : `${columnName(col)}${row}`;
}

/** A range "B3:C5" (one cell: "B3"). */
export function range(r0: number, c0: number, r1: number, c1: number, absolute = false): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0, absolute) : `${a1(r0, c0, absolute)}:${a1(r1, c1, absolute)}`;
}

/** A reference as seen from sheet `from`: the sheet's name is added when it is another. */
export function onSheet(sheet: string, from: string, ref: string): string {
  return sheet === from ? ref : `${quoteSheet(sheet)}!${ref}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}
