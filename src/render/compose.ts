/**
 * Pictures side by side: several scenes tiled into one (a title on top, each scene in its own
 * cell on its own page colour). Pure: scenes in, a scene out; used for the gallery's comparisons
 * ("1, 2, 3, 6, 8 and 30 neurons"). (It would sit as well in src/viz; it needs nothing of render.)
 */
import type { Mark, Scene } from "../viz/index.ts";
import { legend, type LegendItem } from "../viz/chart/legend.ts";
import { wrapLines } from "../viz/chart/text.ts";

export interface TileOptions {
  columns?: number;
  title?: string;
  /** Pixels between cells (default 10). */
  gap?: number;
  /** One legend for every panel, under the title. */
  legend?: LegendItem[];
  /** A line under the title (what the colours mean, what is shared). */
  note?: string;
}

export function tileScenes(scenes: readonly Scene[], o: TileOptions = {}): Scene {
  if (!scenes.length) throw new RangeError("nothing to tile");
  const columns = Math.max(1, Math.min(o.columns ?? scenes.length, scenes.length));
  const rows = Math.ceil(scenes.length / columns);
  const gap = o.gap ?? 10;
  const cellW = Math.max(...scenes.map((s) => s.width));
  const cellH = Math.max(...scenes.map((s) => s.height));
  const width = columns * cellW + (columns + 1) * gap;
  const marks: Mark[] = [];
  let top = 0;
  if (o.title) {
    for (const line of wrapLines(o.title, width - 30, 28, 2)) {
      marks.push({ type: "text", x: width / 2, y: top + 36, text: line, size: 28, weight: "bold", anchor: "middle", fill: "#222222", role: "title" });
      top += 38;
    }
    top += 12;
  }
  if (o.note) {
    for (const line of wrapLines(o.note, width - 40, 19, 2)) {
      marks.push({ type: "text", x: width / 2, y: top + 20, text: line, size: 19, anchor: "middle", fill: "#444444", role: "subtitle" });
      top += 26;
    }
    top += 4;
  }
  if (o.legend?.length) {
    const l = legend(o.legend, 20, top, width - 40, 19);
    marks.push(...l.marks);
    top += l.height + 4;
  }
  scenes.forEach((s, k) => {
    const x = gap + (k % columns) * (cellW + gap);
    const y = top + gap + Math.floor(k / columns) * (cellH + gap);
    marks.push({
      type: "group",
      translate: [x, y],
      role: "tile",
      marks: [{ type: "rect", x: 0, y: 0, width: s.width, height: s.height, fill: s.background ?? "#ffffff", stroke: "#dddddd", strokeWidth: 1 }, ...s.marks],
    });
  });
  return {
    width,
    height: top + rows * cellH + (rows + 1) * gap,
    background: "#f4f4f4",
    title: o.title ?? scenes.map((s) => s.title).filter(Boolean).join(" | "),
    marks,
  };
}
