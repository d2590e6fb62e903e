/** The descent sheet's two line charts, fed by its columns: the loss, and the parameters' paths. */
import { PALETTE } from "../viz/palette.ts";
import { DESCENT } from "./book.ts";
import { a1, range, type Chart } from "./cells.ts";
import { LIVE_MAX_PARAMS, type DescentPlan } from "./descent-plan.ts";

const SERIES = [PALETTE.highlight, PALETTE.negative, PALETTE.classes[2], PALETTE.classes[3], PALETTE.positive, PALETTE.source, "#000000", "#999999"];

export function descentCharts(plan: DescentPlan): Chart[] {
  const { names, shown, chartTop, chartRows, header, firstRow: first, rows, paramCols, lossCol } = plan;
  const col = (c: number): string => `${DESCENT}!${range(first, c, first + rows - 1, c, true)}`;
  const categories = col(1);
  const charted = shown.slice(0, LIVE_MAX_PARAMS);
  return [
    { title: "loss", xTitle: "iteration", yTitle: "loss", categories, series: [{ name: `${DESCENT}!${a1(header, lossCol, true)}`, values: col(lossCol), color: PALETTE.highlight }], at: { col: 0, row: chartTop - 1, cols: 8, rows: chartRows } },
    {
      title: names.length > charted.length ? `the first ${charted.length} parameters` : "parameters",
      xTitle: "iteration",
      yTitle: "value",
      categories,
      series: charted.map((p, q) => ({ name: `${DESCENT}!${a1(header, paramCols.get(p)!, true)}`, values: col(paramCols.get(p)!), color: SERIES[q % SERIES.length] })),
      at: { col: 8, row: chartTop - 1, cols: 10, rows: chartRows },
    },
  ];
}
