/** Pieces the views share: the page layout, class colours of samples, sample markers. */
import type { Label } from "../../core/label.ts";
import type { DataSplit, LabeledData } from "../../data/types.ts";
import type { Model } from "../../nn/model.ts";
import { classesOf } from "../../nn/targets.ts";
import { classColor, PALETTE, viridis } from "../palette.ts";
import type { Box } from "../chart/box.ts";
import { legend, type LegendItem } from "../chart/legend.ts";
import { titleMarks } from "../chart/title.ts";
import { fmt } from "../format.ts";
import { say, type PictureLanguage } from "../words/index.ts";
import type { Mark } from "../scene.ts";
import type { ViewOptions } from "../view.ts";

export interface Page {
  width: number;
  height: number;
  /** Title, subtitle and legend. */
  marks: Mark[];
  /** What is left for the chart. */
  box: Box;
}

/** Title, subtitle and legend at the top; the rest of the page is the chart's. */
export function page(o: ViewOptions, defaultTitle: string, subtitle: string | undefined, items: LegendItem[], defaultHeight = 600): Page {
  const width = o.width ?? 800;
  const height = o.height ?? defaultHeight;
  const t = titleMarks(o.title ?? defaultTitle, width, o.subtitle ?? subtitle, o.panel);
  const l = legend(o.panel ? [] : items, 10, t.bottom, width - 20);
  const top = t.bottom + l.height + 4;
  return { width, height, marks: [...t.marks, ...l.marks], box: { x: 10, y: top, width: width - 20, height: height - top - 8 } };
}

/**
 * The classes a split's samples are coloured by: the model's when there is one (null for a
 * regression), else the labels' own (nn's classesOf) when they look like classes: strings, or
 * at most 10 distinct integers; many values look like a regression target (null).
 */
export function sampleClasses(model: Model | null, split: DataSplit): Label[] | null {
  if (model) return model.classes;
  const distinct = classesOf([...split.train.y, ...(split.test?.y ?? [])]);
  if (distinct.some((v) => typeof v !== "number")) return distinct;
  return distinct.length <= 10 && distinct.every((v) => Number.isInteger(v)) ? distinct : null;
}

export interface SampleStyle {
  /** Screen position of row i of d (null = not drawn). */
  at: (d: LabeledData, i: number) => [number, number] | null;
  classes: Label[] | null;
  /** For regression: the target's range for the colour scale. */
  valueRange?: [number, number];
  r?: number;
}

/** Colour of a sample's label. */
export function labelColor(y: Label, classes: Label[] | null, valueRange?: [number, number]): string {
  if (classes) {
    const k = classes.findIndex((c) => c === y || String(c) === String(y));
    return k < 0 ? "#888888" : classColor(k);
  }
  const [lo, hi] = valueRange ?? [0, 1];
  return viridis(((y as number) - lo) / (hi - lo || 1));
}

/** Training samples as filled dots, test samples as rings (class colour). One circle per sample. */
export function sampleMarks(split: DataSplit, s: SampleStyle, showTest = true): Mark[] {
  const r = s.r ?? 4.5;
  const marks: Mark[] = [];
  const draw = (d: LabeledData, test: boolean): void => {
    for (let i = 0; i < d.X.rows; i++) {
      const p = s.at(d, i);
      if (!p) continue;
      const c = labelColor(d.y[i], s.classes, s.valueRange);
      marks.push(
        test
          ? { type: "circle", cx: p[0], cy: p[1], r: r + 0.5, fill: "#ffffff", stroke: c, strokeWidth: 2, role: "sample test" }
          : { type: "circle", cx: p[0], cy: p[1], r, fill: c, stroke: "#ffffff", strokeWidth: 0.7, role: "sample train" },
      );
    }
  };
  draw(split.train, false);
  if (split.test && showTest) draw(split.test, true);
  return marks;
}

/** Legend entries: one per class (filled = train), plus "test (ring)" when test points are drawn. */
export function sampleLegend(split: DataSplit, classes: Label[] | null, targetName: string, showTest = true, lang?: PictureLanguage): LegendItem[] {
  const items: LegendItem[] = classes ? classes.map((c, k) => ({ label: `${targetName} = ${c}`, color: classColor(k), shape: "dot" as const })) : [];
  const hasTest = !!split.test && split.test.X.rows > 0 && showTest;
  if (hasTest) {
    items.push({ label: say(lang, "train"), color: PALETTE.muted, shape: "dot" }, { label: say(lang, "test"), color: PALETTE.muted, shape: "ring" });
  }
  return items;
}

/**
 * A regression's key for samples coloured by their value (labelColor): the lowest, middle and
 * highest targets' colours, for pictures that have no colour bar of their own; none for classes.
 */
export function valueKey(split: DataSplit, classes: Label[] | null, targetName: string): LegendItem[] {
  if (classes) return [];
  const [lo, hi] = targetRange(split);
  const values = lo === hi ? [lo] : [lo, (lo + hi) / 2, hi];
  // As many digits as tell the three apart (targets 1.0001 … 1.0003 are not "1" three times).
  let digits = 3;
  while (digits < 10 && new Set(values.map((v) => fmt(v, digits))).size < values.length) digits++;
  return values.map((v) => ({ label: `${targetName} = ${fmt(v, digits)}`, color: labelColor(v, null, [lo, hi]), shape: "dot" as const }));
}

/** Column j of a sample set. */
export function column(d: LabeledData, j: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.X.rows; i++) out.push(d.X.data[i * d.X.cols + j]);
  return out;
}

export function allColumn(split: DataSplit, j: number): number[] {
  return [...column(split.train, j), ...(split.test ? column(split.test, j) : [])];
}

/** Label → number for plotting a 1-D data set's target (class index or value). */
export function labelValue(y: Label, classes: Label[] | null): number {
  if (!classes) return y as number;
  return classes.findIndex((c) => c === y || String(c) === String(y));
}

export function targetRange(split: DataSplit): [number, number] {
  // A loop, not Math.min(...v): hundreds of thousands of arguments overflow the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const set of [split.train.y, split.test?.y ?? []]) for (const y of set) if (typeof y === "number") [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * Where many samples land on (almost) the same spot — saturated sigmoid units put them in the
 * corners of the unit square — the dots hide one another. This labels each pile of same-coloured
 * dots within 3 px that holds at least 3 samples and 3% of them with its count ("×58", in the
 * dots' colour), set off towards `towards` (the plot's centre), so a reader sees how many points
 * one dot stands for. A label that would cover another is left out.
 * `at` (one per dot, in the dots' order) groups by other positions instead: a 3-D view passes the
 * points' own coordinates (each scaled so that `at`'s tolerance is 1), so a pile's count does not
 * change as the view turns and points in front of one another meet on screen.
 */
export function pileLabels(dots: Mark[], towards: [number, number], at?: readonly (readonly number[])[]): Mark[] {
  const piles: { x: number; y: number; color: string; n: number; key: readonly number[] }[] = [];
  const near = (a: readonly number[], b: readonly number[], tol: number): boolean => a.every((v, i) => Math.abs(v - b[i]) <= tol);
  dots.forEach((m, i) => {
    if (m.type !== "circle") return;
    const color = m.fill && m.fill !== "#ffffff" && m.fill !== "none" ? m.fill : (m.stroke ?? PALETTE.ink);
    const key = at ? at[i] : [m.cx, m.cy];
    const p = piles.find((q) => q.color === color && near(q.key, key, at ? 1 : 3));
    if (p) p.n++;
    else piles.push({ x: m.cx, y: m.cy, color, n: 1, key });
  });
  const out: Mark[] = [];
  const placed: [number, number, number, number][] = [];
  const total = piles.reduce((s, p) => s + p.n, 0);
  const big = piles.filter((p) => p.n >= Math.max(3, 0.03 * total)).sort((a, b) => b.n - a.n);
  for (const p of big) {
    const dx = towards[0] - p.x;
    const dy = towards[1] - p.y;
    const m = Math.hypot(dx, dy) || 1;
    const text = `×${p.n}`;
    const w = text.length * 7;
    let x = p.x + (dx / m) * 16;
    let y = p.y + (dy / m) * 16;
    const hit = (): boolean => placed.some(([x0, y0, x1, y1]) => x - w / 2 < x1 && x + w / 2 > x0 && y - 7 < y1 && y + 7 > y0);
    for (let k = 0; k < 2 && hit(); k++) y += dy >= 0 ? 14 : -14;
    if (hit()) continue;
    placed.push([x - w / 2, y - 7, x + w / 2, y + 7]);
    out.push({ type: "rect", x: x - w / 2 - 2, y: y - 8, width: w + 4, height: 16, rx: 3, fill: "#ffffff", fillOpacity: 0.85, role: "pile-count" });
    out.push({ type: "text", x, y, text, size: 12, weight: "bold", anchor: "middle", baseline: "middle", fill: p.color, role: "pile-count" });
  }
  return out;
}
