/**
 * Reads a written .xlsx back (exceljs) and evaluates every formula with HyperFormula, an
 * independent formula engine: what a spreadsheet program would compute from the file.
 */
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";

export type Grid = (string | number | null)[][];

/** Each sheet as rows of raw contents: numbers, text, or "=formula". */
export async function readWorkbook(bytes: Uint8Array): Promise<Map<string, Grid>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, Grid>();
  wb.eachSheet((ws) => {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        let content: string | number | null = null;
        if (v && typeof v === "object" && "formula" in (v as object)) content = `=${(v as { formula: string }).formula}`;
        else if (typeof v === "number" || typeof v === "string") content = v;
        if (content === null) return;
        (grid[r - 1] ??= [])[c - 1] = content;
      });
    });
    for (let r = 0; r < grid.length; r++) grid[r] = Array.from({ length: grid[r]?.length ?? 0 }, (_, c) => grid[r]?.[c] ?? null);
    sheets.set(ws.name, grid);
  });
  return sheets;
}

export interface Evaluated {
  hf: HyperFormula;
  /** The value of a cell (1-based row and column). */
  value(sheet: string, row: number, col: number): unknown;
  /** Replaces a cell's contents and recalculates. */
  set(sheet: string, row: number, col: number, content: string | number): void;
}

export function evaluateWorkbook(sheets: Map<string, Grid>): Evaluated {
  const hf = HyperFormula.buildFromSheets(Object.fromEntries(sheets), { licenseKey: "gpl-v3", smartRounding: false, useArrayArithmetic: true, maxColumns: 18278 });
  const id = (sheet: string): number => {
    const k = hf.getSheetId(sheet);
    if (k === undefined) throw new Error(`no sheet ${sheet}`);
    return k;
  };
  return {
    hf,
    value: (sheet, row, col) => hf.getCellValue({ sheet: id(sheet), row: row - 1, col: col - 1 }),
    set: (sheet, row, col, content) => void hf.setCellContents({ sheet: id(sheet), row: row - 1, col: col - 1 }, [[content]]),
  };
}
