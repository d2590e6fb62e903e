/** Heatmaps as filled contour bands, and iso-lines, from a grid of values (d3-contour). */
import { contours } from "d3-contour";
import type { PathMark } from "../scene.ts";

/** Grid coordinates (0..nx, 0..ny; d3-contour's) → screen. */
export type GridToScreen = (gx: number, gy: number) => [number, number];

function ringsToPath(coords: number[][][][], toScreen: GridToScreen): string {
  let d = "";
  for (const polygon of coords) {
    for (const ring of polygon) {
      ring.forEach(([gx, gy], i) => {
        const [x, y] = toScreen(gx, gy);
        d += `${i ? "L" : "M"}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
      });
      d += "Z";
    }
  }
  return d;
}

/**
 * A heatmap as filled contour bands: the region ≥ each threshold, stacked lowest first.
 * values[i + j·nx] is the value at column i, row j (row 0 maps to gy = 0 in `toScreen`).
 * A 200×200 grid with 20 levels becomes ~20 paths, not 40,000 rectangles.
 */
export function bandPaths(values: ArrayLike<number>, nx: number, ny: number, thresholds: number[], colorOf: (lower: number, k: number) => string, toScreen: GridToScreen, role = "band"): PathMark[] {
  const vals = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const cs = contours().size([nx, ny]).thresholds(thresholds)(vals);
  const out: PathMark[] = [];
  cs.forEach((c, k) => {
    if (!c.coordinates.length) return;
    const fill = colorOf(c.value, k);
    out.push({ type: "path", d: ringsToPath(c.coordinates, toScreen), fill, stroke: fill, strokeWidth: 0.5, role });
  });
  return out;
}

/**
 * The iso-line value = threshold as one stroked path ("" when there is none). The filled
 * region's rings also run along the grid's edge where the region touches it: those segments
 * are left out, so only the iso-line itself is drawn.
 */
export function contourPath(values: ArrayLike<number>, nx: number, ny: number, threshold: number, toScreen: GridToScreen): string {
  const vals = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const [c] = contours().size([nx, ny]).thresholds([threshold])(vals);
  if (!c) return "";
  const onEdge = (p: number[]): boolean => p[0] <= 0 || p[0] >= nx || p[1] <= 0 || p[1] >= ny;
  let d = "";
  for (const polygon of c.coordinates) {
    for (const ring of polygon) {
      let pen = false;
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (onEdge(a) && onEdge(b)) {
          pen = false;
          continue;
        }
        if (!pen) {
          const [x, y] = toScreen(a[0], a[1]);
          d += `M${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
          pen = true;
        }
        const [x, y] = toScreen(b[0], b[1]);
        d += `L${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
      }
    }
  }
  return d;
}
