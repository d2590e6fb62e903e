/**
 * A matrix as a table of numbers: its name and shape above, the highlighted cell and the source
 * cells marked (the step-by-step views).
 */
import { say, type PictureLanguage } from "../words/index.ts";
import { PALETTE, tint } from "../palette.ts";
import { textWidth } from "../chart/text.ts";
import { fmt } from "../format.ts";
import type { Mark } from "../scene.ts";

export const MAX_ROWS = 8;
export const MAX_COLS = 8;
const CELL_H = 24;

export type Cells = (r: number, c: number) => boolean;

export interface Table {
  marks: Mark[];
  width: number;
  height: number;
}

/** A named matrix as a table shows it. */
export interface NamedMatrix {
  name: string;
  value: number[][];
}

/** A matrix as a table at (x, y): header with its name and shape, truncated to MAX_ROWS × MAX_COLS. */
export function table(step: NamedMatrix, x: number, y: number, highlight: Cells | null, kind: "result" | "source", lang?: PictureLanguage): Table {
  const v = step.value;
  const rows = v.length;
  const cols = rows ? v[0].length : 0;
  const showR = Math.min(rows, MAX_ROWS);
  const showC = Math.min(cols, MAX_COLS);
  const texts = v.slice(0, showR).map((row) => row.slice(0, showC).map((x) => fmt(x, 4)));
  const longest = Math.max(4, ...texts.flat().map((t) => t.length));
  const cw = Math.max(44, Math.ceil(longest * 7.5) + 14);
  const header = `${step.name}  (${rows}×${cols})`;
  const width = Math.max(showC * cw + (cols > showC ? 20 : 0), textWidth(header, 14) + 4);
  const marks: Mark[] = [];
  marks.push({ type: "text", x, y: y + 15, text: header, size: 14, weight: "bold", fill: kind === "result" ? PALETTE.highlight : PALETTE.ink, role: kind === "result" ? "table-title result" : "table-title" });
  const top = y + 24;
  for (let r = 0; r < showR; r++) for (let c = 0; c < showC; c++) {
    const on = highlight ? highlight(r, c) : false;
    const role = on ? (kind === "result" ? "cell highlight" : "cell source") : "cell";
    const fill = on ? (kind === "result" ? tint(PALETTE.highlight, 0.35) : tint(PALETTE.source, 0.35)) : "#ffffff";
    marks.push({ type: "rect", x: x + c * cw, y: top + r * CELL_H, width: cw, height: CELL_H, fill, stroke: on ? (kind === "result" ? PALETTE.highlight : "#2b7bb9") : "#bbbbbb", strokeWidth: on ? 2 : 0.8, role });
    marks.push({ type: "text", x: x + c * cw + cw - 6, y: top + r * CELL_H + CELL_H / 2, text: texts[r][c], size: 12, mono: true, anchor: "end", baseline: "middle", fill: PALETTE.ink });
  }
  if (cols > showC) marks.push({ type: "text", x: x + showC * cw + 4, y: top + (showR * CELL_H) / 2, text: "…", size: 14, baseline: "middle", fill: PALETTE.muted });
  let height = 24 + showR * CELL_H;
  if (rows > showR) {
    marks.push({ type: "text", x, y: top + showR * CELL_H + 15, text: say(lang, rows - showR > 1 ? "⋮ {n} more rows" : "⋮ {n} more row", { n: rows - showR }), size: 12, fill: PALETTE.muted });
    height += 20;
  }
  return { marks, width, height };
}


/**
 * Tables placed left to right from `left`, wrapping to a new row (`rowGap` below the tallest
 * table of the row) when one would reach past `right`; every table's marks go into `marks` in the
 * order placed. The steps and the twelve-steps views lay out sources → result with it.
 */
export class TableFlow {
  x: number;
  rowHeight = 0;
  constructor(
    private readonly marks: Mark[],
    private readonly left: number,
    private readonly right: number,
    public y: number,
    private readonly rowGap: number,
  ) {
    this.x = left;
  }

  /** Draws the table `at` builds at the next place (built again on a new row if it does not fit), then `gapAfter` of space. */
  place(at: (x: number, y: number) => Table, gapAfter: number): Table {
    let tb = at(this.x, this.y);
    if (this.x > this.left && this.x + tb.width > this.right) {
      this.x = this.left;
      this.y += this.rowHeight + this.rowGap;
      this.rowHeight = 0;
      tb = at(this.x, this.y);
    }
    this.marks.push(...tb.marks);
    this.x += tb.width + gapAfter;
    this.rowHeight = Math.max(this.rowHeight, tb.height);
    return tb;
  }

  /** The bottom of the last row. */
  get bottom(): number {
    return this.y + this.rowHeight;
  }
}

/** The computed matrix as a table with an arrow before it, pointing from its sources. */
export function resultWithArrow(result: NamedMatrix, highlight: Cells, lang?: PictureLanguage): (x: number, y: number) => Table {
  return (x, y) => {
    const tb = table(result, x + 36, y, highlight, "result", lang);
    return { marks: [{ type: "line", x1: x, y1: y + 36, x2: x + 26, y2: y + 36, stroke: PALETTE.ink, strokeWidth: 2, arrow: true }, ...tb.marks], width: tb.width + 36, height: tb.height };
  };
}
