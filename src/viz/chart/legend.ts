/** Legends and the glyphs they (and markers) are made of. */
import { PALETTE } from "../palette.ts";
import type { Mark } from "../scene.ts";
import { textWidth } from "./text.ts";

export type LegendShape = "dot" | "ring" | "line" | "dash" | "square" | "cross";

export interface LegendItem {
  label: string;
  color: string;
  shape: LegendShape;
  /** Below 1: the entry fades with what it names (a morph's output line, drawn only near its end); its room stays. */
  opacity?: number;
}

/** One glyph of a legend (or of a marker) centred at (x, y). */
export function glyph(shape: LegendShape, color: string, x: number, y: number, role?: string): Mark[] {
  switch (shape) {
    case "dot":
      return [{ type: "circle", cx: x, cy: y, r: 5, fill: color, stroke: "#ffffff", strokeWidth: 0.8, role }];
    case "ring":
      return [{ type: "circle", cx: x, cy: y, r: 5, fill: "#ffffff", stroke: color, strokeWidth: 2, role }];
    case "line":
      return [{ type: "line", x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: color, strokeWidth: 2.5, role }];
    case "dash":
      return [{ type: "line", x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: color, strokeWidth: 2.5, dash: "5 3", role }];
    case "square":
      return [{ type: "rect", x: x - 7, y: y - 7, width: 14, height: 14, fill: color, stroke: "#999999", strokeWidth: 0.5, role }];
    case "cross":
      return [
        { type: "line", x1: x - 5, y1: y - 5, x2: x + 5, y2: y + 5, stroke: color, strokeWidth: 2.5, role },
        { type: "line", x1: x - 5, y1: y + 5, x2: x + 5, y2: y - 5, stroke: color, strokeWidth: 2.5, role },
      ];
  }
}

/** A legend flowing left to right, wrapping within maxWidth, centred. Returns its height. */
export function legend(items: LegendItem[], x: number, y: number, maxWidth: number, size = 13): { marks: Mark[]; height: number } {
  if (!items.length) return { marks: [], height: 0 };
  const line = Math.round(size * 1.7);
  const widths = items.map((it) => 26 + textWidth(it.label, size) + 18);
  const rows: number[][] = [[]];
  let used = 0;
  widths.forEach((w, i) => {
    if (used + w > maxWidth && rows[rows.length - 1].length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(i);
    used += w;
  });
  const marks: Mark[] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((s, i) => s + widths[i], 0) - 18;
    let cx = x + (maxWidth - total) / 2;
    const cy = y + Math.round(line * 0.45) + r * line;
    for (const i of row) {
      const it = items[i];
      const entry: Mark[] = [...glyph(it.shape, it.color, cx + 10, cy, "legend"), { type: "text", x: cx + 24, y: cy, text: it.label, size, baseline: "middle", fill: PALETTE.ink, role: "legend" }];
      if (it.opacity !== undefined && it.opacity < 1) marks.push({ type: "group", opacity: it.opacity, marks: entry });
      else marks.push(...entry);
      cx += widths[i];
    }
  });
  return { marks: [{ type: "group", marks, role: "legend" }], height: rows.length * line + 4 };
}
