/** Painter's-algorithm ordering (far items first), occlusion tests, and merging runs of equal faces. */
import type { Mark } from "../scene.ts";

export interface DepthItem {
  depth: number;
  marks: Mark[];
}

/** Far first, so nearer items cover farther ones. */
export function paintersOrder(items: DepthItem[]): Mark[] {
  return mergeRuns(items.sort((p, q) => q.depth - p.depth).flatMap((i) => i.marks));
}

/** Whether a screen point at ground depth `ground` is covered by a face drawn after it (nearer). */
export function occluded(items: DepthItem[], x: number, y: number, ground: number): boolean {
  for (const it of items) {
    if (it.depth >= ground) continue;
    for (const m of it.marks) if (m.type === "polyline" && m.closed && m.role === "mesh" && inside(m.points, x, y)) return true;
  }
  return false;
}

function inside(pts: [number, number][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/**
 * Consecutive closed polylines with the same paint and role become one path of several
 * subpaths: painted in the same order with the same colour, the picture is unchanged, and a
 * plateau of a thousand same-coloured faces costs one element instead of a thousand.
 */
export function mergeRuns(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  const r = (v: number): number => Math.round(v * 10) / 10;
  const key = (m: Mark): string | null => (m.type === "polyline" && m.closed && !m.tooltip ? `${m.fill}|${m.stroke}|${m.strokeWidth}|${m.role}|${m.fillOpacity}|${m.opacity}` : null);
  for (let i = 0; i < marks.length; ) {
    const k = key(marks[i]);
    let j = i + 1;
    while (k !== null && j < marks.length && key(marks[j]) === k) j++;
    if (j - i < 2) {
      out.push(marks[i]);
      i = j;
      continue;
    }
    const first = marks[i];
    if (first.type !== "polyline") throw new Error("unreachable");
    let d = "";
    for (let q = i; q < j; q++) {
      const m = marks[q];
      if (m.type === "polyline") d += m.points.map(([x, y], t) => `${t ? "L" : "M"}${r(x)} ${r(y)}`).join("") + "Z";
    }
    const { points: _p, closed: _c, type: _t, ...paint } = first;
    out.push({ ...paint, type: "path", d });
    i = j;
  }
  return out;
}
