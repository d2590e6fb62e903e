/** A vertical colour bar with ticks, beside a heatmap. */
import { scaleLinear } from "d3-scale";
import { fmt } from "../format.ts";
import { PALETTE } from "../palette.ts";
import type { Mark } from "../scene.ts";
import type { Box } from "./box.ts";

/** A vertical colour bar with ticks; `colour(t)` takes t ∈ [0, 1] over the domain. */
export function colorBar(box: Box, domain: [number, number], color: (t: number) => string, label: string): Mark[] {
  const marks: Mark[] = [];
  const steps = 48;
  const h = box.height / steps;
  for (let i = 0; i < steps; i++) {
    marks.push({ type: "rect", x: box.x, y: box.y + box.height - (i + 1) * h, width: box.width, height: h + 0.6, fill: color((i + 0.5) / steps) });
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
