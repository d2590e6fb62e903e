/**
 * Where the descent sheet's rows and columns go, and whether its rows are live formulas: small
 * networks get formulas, larger ones the engine's values (a spreadsheet would not recalculate
 * them in reasonable time).
 */
import { outputLayer, type Network } from "../nn/network.ts";
import { taskOf } from "../nn/targets.ts";
import { paramNames } from "../viz/params.ts";

/** Live descent rows for networks up to this many parameters … */
export const LIVE_MAX_PARAMS = 30;
/** … and up to this many working cells per row. */
export const LIVE_MAX_ROW_CELLS = 1000;
/** Values-mode descent rows show at most this many parameters. */
const VALUES_MAX_PARAMS = 250;

export interface DescentLayout {
  /** Formulas (true) or values from the engine (false). */
  live: boolean;
  /** Why the rows are values, when they are. */
  reason: string | null;
  /** The first iteration's row; row `firstRow + k − 1` holds the parameters at the start of iteration k. */
  firstRow: number;
  /** Rows written: iterations + 1 (the last one holds the parameters after the last update). */
  rows: number;
  iterationCol: number;
  /** Parameter name ("W1[0,0]", "b2[0]") → its column. */
  paramCols: Map<string, number>;
  lossCol: number;
  accuracyCol: number | null;
}

/** The descent sheet's layout and what writing it needs. */
export interface DescentPlan extends DescentLayout {
  /** Every parameter's name, and those given a column. */
  names: string[];
  shown: string[];
  /** The charts' first row and height in rows. */
  chartTop: number;
  chartRows: number;
  /** The first row of the data copied above the live working blocks. */
  dataRow0: number;
  /** The header row, above `firstRow`. */
  header: number;
}

/** Why the rows of this network over n samples cannot be live, or null when they can. */
function valuesReason(net: Network, n: number, names: string[]): string | null {
  const unitsTotal = net.layers.reduce((t, l) => t + l.units, 0);
  const rowCells = n * 3 * unitsTotal + names.length * 2;
  if (names.length > LIVE_MAX_PARAMS) return `this network has ${names.length} parameters (live rows are written for up to ${LIVE_MAX_PARAMS})`;
  if (rowCells > LIVE_MAX_ROW_CELLS) return `one iteration over ${n} samples needs ${rowCells.toLocaleString("en")} cells per row (live rows are written for up to ${LIVE_MAX_ROW_CELLS.toLocaleString("en")})`;
  return null;
}

export function planDescent(net: Network, n: number, iterations: number): DescentPlan {
  const out = outputLayer(net);
  const names = paramNames(net);
  const classification = taskOf(out.activation) !== "regression";
  const reason = valuesReason(net, n, names);
  const live = reason === null;
  const chartTop = 3;
  const chartRows = 20;
  const F = net.inputSize;
  const M = out.units;
  const dataRow0 = chartTop + chartRows + 1;
  const header = live ? dataRow0 + F + M + 1 : dataRow0;
  const firstRow = header + 1;
  const rows = iterations + 1;
  const shown = live ? names : names.slice(0, VALUES_MAX_PARAMS);
  const paramCols = new Map<string, number>();
  shown.forEach((p, k) => paramCols.set(p, 2 + k));
  const lossCol = 2 + shown.length;
  const accuracyCol = classification ? lossCol + 1 : null;
  return { live, reason, names, shown, chartTop, chartRows, dataRow0, header, firstRow, rows, iterationCol: 1, paramCols, lossCol, accuracyCol };
}
