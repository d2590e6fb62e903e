/** 2-D axes: scales, grid, ticks and axis labels around a plotting area. */
import { scaleLinear } from "d3-scale";
import { fmt } from "../format.ts";
import { PALETTE } from "../palette.ts";
import type { Mark } from "../scene.ts";
import type { Box } from "./box.ts";
import { fitText, textWidth } from "./text.ts";

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
