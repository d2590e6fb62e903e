/**
 * The workbook's cells to an .xlsx file with exceljs, then the charts added to the file's parts
 * (exceljs writes no charts): formulas are written with no cached values, so every program that
 * opens the file computes them itself.
 */
import ExcelJS from "exceljs";
import type { Cell, Style } from "./cells.ts";
import { addCharts } from "./chart.ts";
import type { Layout } from "./layout.ts";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });
const thin = { style: "thin" as const, color: { argb: "FF7F7F7F" } };

/** Excel's own "Input" look for the cells meant to be changed; the rest quiet. */
const STYLES: Record<Style, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  note: { font: { italic: true, color: { argb: "FF555555" } }, alignment: { wrapText: false, vertical: "top" } },
  header: { font: { bold: true }, fill: solid("#EEEEEE"), alignment: { horizontal: "center" } },
  para: { font: { italic: true, color: { argb: "FF555555" } }, alignment: { wrapText: true, vertical: "top" } },
  heading: { font: { bold: true } },
  count: { font: { color: { argb: "FF555555" } }, fill: solid("#F2F2F2"), numFmt: "0" },
  label: { font: { color: { argb: "FF444444" } } },
  name: { font: { bold: true }, alignment: { wrapText: true, vertical: "bottom" } },
  formula: { font: { italic: true, color: { argb: "FF1F4E79" } }, alignment: { wrapText: true, vertical: "top" } },
  input: { font: { color: { argb: "FF3F3F76" } }, fill: solid("#FFCC99"), border: { top: thin, left: thin, bottom: thin, right: thin }, numFmt: "0.0000" },
  step: { font: { bold: true, color: { argb: "FF3F3F76" } }, fill: solid("#FFCC99"), border: { top: thin, left: thin, bottom: thin, right: thin }, alignment: { horizontal: "center" } },
  linked: { font: { color: { argb: "FF555555" } }, fill: solid("#F2F2F2"), numFmt: "0.00##" },
  value: { numFmt: "0.0000" },
  data: { numFmt: "0.00##" },
};

function cellValue(c: Cell): ExcelJS.CellValue {
  if (c.f !== undefined) return { formula: c.f } as ExcelJS.CellFormulaValue;
  return c.v ?? null;
}

/** Writes the layout as .xlsx bytes. */
export async function writeXlsx(layout: Layout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Glassbox";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const spec of layout.sheets) {
    const ws = wb.addWorksheet(spec.name, {
      views: spec.freeze.rows || spec.freeze.cols ? [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] : [],
      pageSetup: { orientation: "landscape", fitToPage: false, paperSize: 9 },
    });
    for (const [col, w] of spec.widths) ws.getColumn(col).width = w;
    for (const [row, h] of spec.heights) ws.getRow(row).height = h;
    for (const [address, c] of spec.cells) {
      const cell = ws.getCell(address);
      cell.value = cellValue(c);
      if (c.style) cell.style = STYLES[c.style];
    }
    for (const m of spec.merges) ws.mergeCells(m);
    let priority = 1;
    for (const h of spec.highlights) {
      ws.addConditionalFormatting({
        ref: h.range,
        rules: [{ type: "expression", priority: priority++, formulae: [h.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) } } } }],
      });
    }
  }
  // With charts, the file is zipped again after they are added: exceljs then only stores its parts
  // and they are compressed once, by that last zip (the same deflate, so the same bytes).
  const charts = layout.sheets.map((s) => s.charts);
  const compression = charts.some((c) => c.length > 0) ? "STORE" : "DEFLATE";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression } }));
  return addCharts(bytes, charts);
}
