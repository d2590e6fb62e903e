/**
 * A matrix as a table of numbers: its name and shape above, the highlighted cell and the source
 * cells marked (the step-by-step views).
 */
import { PALETTE, tint } from "../palette.ts";
import { fmt, textWidth } from "../plot.ts";
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
export function table(step: NamedMatrix, x: number, y: number, highlight: Cells | null, kind: "result" | "source"): Table {
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
    marks.push({ type: "text", x, y: top + showR * CELL_H + 15, text: `⋮ ${rows - showR} more row${rows - showR > 1 ? "s" : ""}`, size: 12, fill: PALETTE.muted });
    height += 20;
  }
  return { marks, width, height };
}

