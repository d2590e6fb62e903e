/** Layout pieces every 2-D chart shares: title, axes with ticks and labels, legend, colour bar, bands. */
import { contours } from "d3-contour";
import { scaleLinear } from "d3-scale";
import { PALETTE } from "./palette.ts";
import type { Mark, PathMark, TextMark } from "./scene.ts";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Approximate width of a line of text in DejaVu Sans (wide glyphs: ~0.6 em on average). */
export function textWidth(s: string, size = 13): number {
  return [...s].length * size * 0.6;
}

/** Shortens text to fit a width, with an ellipsis. */
export function fitText(s: string, width: number, size = 13): string {
  const max = Math.floor(width / (size * 0.6));
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

/** Text broken into at most `maxLines` lines of `width`, preferring breaks after "; " then spaces. */
export function wrapLines(s: string, width: number, size = 13, maxLines = 2): string[] {
  const max = Math.floor(width / (size * 0.6));
  const lines: string[] = [];
  let rest = s;
  while ([...rest].length > max && lines.length < maxLines - 1) {
    const head = rest.slice(0, max + 1);
    let cut = head.lastIndexOf("; ");
    if (cut < max * 0.4) cut = head.lastIndexOf(" ");
    if (cut <= 0) break;
    lines.push(rest.slice(0, cut + (rest[cut] === ";" ? 1 : 0)));
    rest = rest.slice(cut + (rest[cut] === ";" ? 2 : 1));
  }
  lines.push(fitText(rest, width, size));
  return lines;
}

/** Compact numbers for ticks and tables: 0.5, −12.3, 1.2e-5. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a >= 1e5 || a < 1e-3 ? v.toExponential(Math.max(0, digits - 2)) : String(Number(v.toPrecision(digits)));
  return s.replace("-", "−");
}

/** The title (and optional subtitle) of a scene; returns the y below them. */
export function titleMarks(title: string, width: number, subtitle?: string, big = false): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  const ts = big ? 24 : 18;
  const ss = big ? 19 : 13;
  let y = 10;
  if (title) {
    marks.push({ type: "text", x: width / 2, y: y + ts, text: fitText(title, width - 20, ts), size: ts, weight: "bold", anchor: "middle", fill: PALETTE.ink, role: "title" });
    y += ts + 10;
  }
  if (subtitle) {
    // A long subtitle wraps onto a second line (at a "; " if there is one), then is shortened.
    for (const line of wrapLines(subtitle, width - 20, ss, 2)) {
      marks.push({ type: "text", x: width / 2, y: y + ss + 1, text: line, size: ss, anchor: "middle", fill: big ? PALETTE.ink : PALETTE.muted, role: "subtitle" });
      y += ss + 5;
    }
    y += 4;
  }
  return { marks, bottom: y + 4 };
}

export type LegendShape = "dot" | "ring" | "line" | "dash" | "square" | "cross";

export interface LegendItem {
  label: string;
  colour: string;
  shape: LegendShape;
}

/** One glyph of a legend (or of a marker) centred at (x, y). */
export function glyph(shape: LegendShape, colour: string, x: number, y: number, role?: string): Mark[] {
  switch (shape) {
    case "dot":
      return [{ type: "circle", cx: x, cy: y, r: 5, fill: colour, stroke: "#ffffff", strokeWidth: 0.8, role }];
    case "ring":
      return [{ type: "circle", cx: x, cy: y, r: 5, fill: "#ffffff", stroke: colour, strokeWidth: 2, role }];
    case "line":
      return [{ type: "line", x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: colour, strokeWidth: 2.5, role }];
    case "dash":
      return [{ type: "line", x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: colour, strokeWidth: 2.5, dash: "5 3", role }];
    case "square":
      return [{ type: "rect", x: x - 7, y: y - 7, width: 14, height: 14, fill: colour, stroke: "#999999", strokeWidth: 0.5, role }];
    case "cross":
      return [
        { type: "line", x1: x - 5, y1: y - 5, x2: x + 5, y2: y + 5, stroke: colour, strokeWidth: 2.5, role },
        { type: "line", x1: x - 5, y1: y + 5, x2: x + 5, y2: y - 5, stroke: colour, strokeWidth: 2.5, role },
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
      marks.push(...glyph(it.shape, it.colour, cx + 10, cy, "legend"));
      marks.push({ type: "text", x: cx + 24, y: cy, text: it.label, size, baseline: "middle", fill: PALETTE.ink, role: "legend" });
      cx += widths[i];
    }
  });
  return { marks: [{ type: "group", marks, role: "legend" }], height: rows.length * line + 4 };
}

export interface AxesOptions {
  x: [number, number];
  y: [number, number];
  xLabel?: string;
  yLabel?: string;
  /** Round the domains outward to nice numbers (default false: exact, as heatmaps need). */
  nice?: boolean;
  grid?: boolean;
  xTicks?: number;
  yTicks?: number;
  /** Smaller margins and fonts for small multiples. */
  compact?: boolean;
  /** Explicit tick positions and labels (e.g. class labels on a y axis). */
  yTickValues?: number[];
  yTickFormat?: (v: number) => string;
  xTickValues?: number[];
  xTickFormat?: (v: number) => string;
}

export interface Axes {
  sx: (v: number) => number;
  sy: (v: number) => number;
  /** The plotting area. */
  inner: Box;
  x: [number, number];
  y: [number, number];
  /** Background grid (draw first). */
  back: Mark[];
  /** Frame, ticks and labels (draw last). */
  front: Mark[];
}

/** Axes in `box`; the plotting area is box minus room for ticks and labels. */
export function axes(box: Box, o: AxesOptions): Axes {
  const compact = o.compact ?? false;
  const size = compact ? 10 : 12;
  const left = (o.yLabel ? (compact ? 16 : 22) : 4) + (compact ? 34 : 46);
  const bottom = (o.xLabel ? (compact ? 16 : 22) : 4) + (compact ? 14 : 18);
  const inner: Box = { x: box.x + left, y: box.y + 6, width: Math.max(10, box.width - left - 12), height: Math.max(10, box.height - bottom - 6) };
  const pad = (d: [number, number]): [number, number] => (d[0] === d[1] ? [d[0] - 1, d[1] + 1] : d);
  const xs = scaleLinear().domain(pad(o.x)).range([inner.x, inner.x + inner.width]);
  const ys = scaleLinear().domain(pad(o.y)).range([inner.y + inner.height, inner.y]);
  if (o.nice) {
    xs.nice(o.xTicks ?? 8);
    ys.nice(o.yTicks ?? 6);
  }
  const back: Mark[] = [];
  const front: Mark[] = [];
  // As many x ticks as fit: fewer when the labels (e.g. "10000") would run into each other.
  const fmtX = (t: number): string => (o.xTickFormat ? o.xTickFormat(t) : fmt(t, 4));
  let xCount = o.xTicks ?? (compact ? 4 : Math.max(2, Math.min(10, Math.floor(inner.width / 80))));
  let xt = o.xTickValues ?? xs.ticks(xCount);
  while (!o.xTickValues && xCount > 2 && xt.length > 1 && Math.max(...xt.map((t) => textWidth(fmtX(t), size))) + 8 > Math.abs(xs(xt[1]) - xs(xt[0]))) {
    xCount--;
    xt = xs.ticks(xCount);
  }
  const yt = o.yTickValues ?? ys.ticks(o.yTicks ?? (compact ? 4 : Math.max(2, Math.min(8, Math.floor(inner.height / 50)))));
  const bottomY = inner.y + inner.height;
  for (const t of xt) {
    const px = xs(t);
    if (o.grid ?? true) back.push({ type: "line", x1: px, y1: inner.y, x2: px, y2: bottomY, stroke: PALETTE.grid, strokeWidth: 1 });
    front.push({ type: "line", x1: px, y1: bottomY, x2: px, y2: bottomY + 4, stroke: PALETTE.axis, strokeWidth: 1 });
    front.push({ type: "text", x: px, y: bottomY + 6 + size * 0.8, text: o.xTickFormat ? o.xTickFormat(t) : fmt(t, 4), size, anchor: "middle", fill: PALETTE.axis, role: "tick" });
  }
  for (const t of yt) {
    const py = ys(t);
    if (o.grid ?? true) back.push({ type: "line", x1: inner.x, y1: py, x2: inner.x + inner.width, y2: py, stroke: PALETTE.grid, strokeWidth: 1 });
    front.push({ type: "line", x1: inner.x - 4, y1: py, x2: inner.x, y2: py, stroke: PALETTE.axis, strokeWidth: 1 });
    front.push({ type: "text", x: inner.x - 6, y: py, text: o.yTickFormat ? o.yTickFormat(t) : fmt(t, 4), size, anchor: "end", baseline: "middle", fill: PALETTE.axis, role: "tick" });
  }
  front.push({ type: "rect", x: inner.x, y: inner.y, width: inner.width, height: inner.height, fill: "none", stroke: PALETTE.axis, strokeWidth: 1, role: "frame" });
  if (o.xLabel) {
    front.push({ type: "text", x: inner.x + inner.width / 2, y: bottomY + (compact ? 28 : 38), text: fitText(o.xLabel, inner.width, size + 1), size: size + 1, anchor: "middle", fill: PALETTE.ink, role: "axis-label" });
  }
  if (o.yLabel) {
    const x = box.x + (compact ? 10 : 14);
    const y = inner.y + inner.height / 2;
    front.push({ type: "text", x, y, text: fitText(o.yLabel, inner.height, size + 1), size: size + 1, anchor: "middle", baseline: "middle", rotate: -90, fill: PALETTE.ink, role: "axis-label" });
  }
  return { sx: (v) => xs(v), sy: (v) => ys(v), inner, x: xs.domain() as [number, number], y: ys.domain() as [number, number], back, front };
}

/** A vertical colour bar with ticks; `colour(t)` takes t ∈ [0, 1] over the domain. */
export function colourBar(box: Box, domain: [number, number], colour: (t: number) => string, label: string): Mark[] {
  const marks: Mark[] = [];
  const steps = 48;
  const h = box.height / steps;
  for (let i = 0; i < steps; i++) {
    marks.push({ type: "rect", x: box.x, y: box.y + box.height - (i + 1) * h, width: box.width, height: h + 0.6, fill: colour((i + 0.5) / steps) });
  }
  marks.push({ type: "rect", x: box.x, y: box.y, width: box.width, height: box.height, fill: "none", stroke: PALETTE.axis, strokeWidth: 0.8 });
  const s = scaleLinear().domain(domain).range([box.y + box.height, box.y]);
  for (const t of s.ticks(5)) {
    marks.push({ type: "line", x1: box.x + box.width, y1: s(t), x2: box.x + box.width + 4, y2: s(t), stroke: PALETTE.axis });
    marks.push({ type: "text", x: box.x + box.width + 6, y: s(t), text: fmt(t, 3), size: 11, baseline: "middle", fill: PALETTE.axis, role: "tick" });
  }
  // Left-aligned over the bar (centred, a long label would reach back over the chart beside it).
  marks.push({ type: "text", x: box.x - 2, y: box.y - 8, text: label, size: 12, fill: PALETTE.ink, role: "axis-label" });
  return [{ type: "group", marks, role: "colour-bar" }];
}

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
export function bandPaths(values: ArrayLike<number>, nx: number, ny: number, thresholds: number[], colourOf: (lower: number, k: number) => string, toScreen: GridToScreen, role = "band"): PathMark[] {
  const vals = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const cs = contours().size([nx, ny]).thresholds(thresholds)(vals);
  const out: PathMark[] = [];
  cs.forEach((c, k) => {
    if (!c.coordinates.length) return;
    const fill = colourOf(c.value, k);
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

/** Evenly spaced values: n of them from a to b inclusive. */
export function linspace(a: number, b: number, n: number): number[] {
  if (n === 1) return [(a + b) / 2];
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** A padded extent of values that are never negative (a loss) starts at 0, not below it. */
export function nonNegative([lo, hi]: [number, number]): [number, number] {
  return [lo < 0 && hi > 0 ? 0 : lo, hi];
}

/** [min, max] of finite values, padded by a fraction of the span. */
export function extentOf(values: Iterable<number>, pad = 0): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}
