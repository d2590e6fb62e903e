/**
 * Pictures side by side: several scenes tiled into one (a title on top, each scene in its own
 * cell on its own page colour). Pure: scenes in, a scene out; used for the gallery's comparisons
 * ("1, 2, 3, 6, 8 and 30 neurons"). (It would sit as well in src/viz; it needs nothing of render.)
 */
import type { Mark, Scene } from "../viz/index.ts";

export interface TileOptions {
  columns?: number;
  title?: string;
  /** Pixels between cells (default 10). */
  gap?: number;
}

export function tileScenes(scenes: readonly Scene[], o: TileOptions = {}): Scene {
  if (!scenes.length) throw new RangeError("nothing to tile");
  const columns = Math.max(1, Math.min(o.columns ?? scenes.length, scenes.length));
  const rows = Math.ceil(scenes.length / columns);
  const gap = o.gap ?? 10;
  const cellW = Math.max(...scenes.map((s) => s.width));
  const cellH = Math.max(...scenes.map((s) => s.height));
  const top = o.title ? 44 : 0;
  const marks: Mark[] = [];
  if (o.title) {
    const width = columns * cellW + (columns + 1) * gap;
    marks.push({ type: "text", x: width / 2, y: 30, text: o.title, size: 20, weight: "bold", anchor: "middle", fill: "#222222", role: "title" });
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
    width: columns * cellW + (columns + 1) * gap,
    height: top + rows * cellH + (rows + 1) * gap,
    background: "#f4f4f4",
    title: o.title ?? scenes.map((s) => s.title).filter(Boolean).join(" | "),
    marks,
  };
}
