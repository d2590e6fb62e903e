/**
 * `glassbox sheet`'s workbook: gradient descent as live spreadsheet formulas. No Node here, so
 * the page can build the same file in the browser.
 */
import type { Prepared } from "../experiment/prepare.ts";
import { buildLayout, type SheetOptions } from "./layout.ts";
import { writeXlsx } from "./xlsx.ts";

export { buildLayout, parameterNames, LIVE_MAX_PARAMS, LIVE_MAX_ROW_CELLS, MAX_STEP_CELLS, type Block, type DescentLayout, type Layout, type SheetOptions } from "./layout.ts";
export { a1, columnName, range } from "./cells.ts";

/** The workbook of a prepared experiment (`prepareExperiment` or, in Node, `loadExperiment`) as .xlsx bytes. */
export async function workbookFromExperiment(prepared: Prepared, options: SheetOptions = {}): Promise<Uint8Array> {
  return writeXlsx(buildLayout(prepared, options));
}
