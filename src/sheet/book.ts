/**
 * The workbook while it is being built: its sheets by name, the named blocks of cells placed so
 * far, and references into a block as seen from any sheet.
 */
import type { LossName } from "../nn/losses.ts";
import type { Network } from "../nn/network.ts";
import type { Trace } from "../nn/trace.ts";
import { a1, onSheet, range, SheetSpec } from "./cells.ts";

export const DATA = "data";
export const PARAMS = "parameters";
export const FORWARD = "forward";
export const BACKWARD = "backward";
export const DESCENT = "descent";

/** Where a named matrix sits: its top-left value cell (1-based) and its shape. */
export interface Block {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** The step's number in the highlight selector (null for the given matrices). */
  step: number | null;
}

export interface Book {
  sheets: Map<string, SheetSpec>;
  blocks: Map<string, Block>;
}

/** parameters sheet cells: the learning rate, l2, l1, samples and the gradient scale. */
export interface ParameterCells {
  learningRate: string;
  l2: string;
  l1: string;
  samples: string;
  scale: string;
}

/** What the sheets built after the parameters read: the book so far, the network, its trace. */
export interface StepContext {
  book: Book;
  net: Network;
  trace: Trace;
  cells: ParameterCells;
  lossName: LossName;
}

/** A new, empty sheet of the book. */
export function addSheet(book: Book, name: string): SheetSpec {
  const s = new SheetSpec(name);
  book.sheets.set(name, s);
  return s;
}

export function addBlock(book: Book, b: Block): void {
  // The parameters sheet's W1 and the forward sheet's copy of it share a name: the copy is "W1",
  // the original is kept under "parameters:W1".
  const key = b.sheet === PARAMS ? `${PARAMS}:${b.name}` : b.sheet === DATA ? `${DATA}:${b.name}` : b.name;
  book.blocks.set(key, b);
}

export const cellOf = (b: Block, i: number, j: number, from: string, absolute = false): string => onSheet(b.sheet, from, a1(b.row + i, b.col + j, absolute));
export const rowOf = (b: Block, i: number, from: string): string => onSheet(b.sheet, from, range(b.row + i, b.col, b.row + i, b.col + b.cols - 1));
export const colOf = (b: Block, j: number, from: string): string => onSheet(b.sheet, from, range(b.row, b.col + j, b.row + b.rows - 1, b.col + j));
export const allOf = (b: Block, from: string): string => onSheet(b.sheet, from, range(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1));
