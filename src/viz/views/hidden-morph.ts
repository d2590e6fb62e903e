/**
 * One frame of the morph from input space (t = 0) to hidden space (t = 1). Each sample slides
 * along a straight line with cubic easing s(t), and every picture shows true coordinates: a point
 * sits at (1 − s)·input + s·hidden, the axes span (1 − s)·the input extent + s·the hidden one, so
 * the tick labels are the values of the points' positions, and the axis labels name that mix.
 * At t = 1 the frame is the `hidden` view itself; just before it, the same picture within a pixel
 * (same layout, same points; the output's bands or plane fade in over the last stretch).
 *
 * "Input space" is the plane of the data's two raw columns: features computed from them
 * (`inputs`) are computed for each sample, as the network does. Three hidden units are drawn in
 * the cube (the input plane sits halfway up h3), more on their PCA plane.
 */
import { featureMap, mapSplit } from "../../data/feature-map.ts";
import type { DataSplit, LabeledData } from "../../data/types.ts";
import type { Model } from "../../nn/model.ts";
import { axes } from "../chart/axes.ts";
import { camera, type Vec3 } from "../3d/camera.ts";
import { cube } from "../3d/cube.ts";
import { paintersOrder, type DepthItem } from "../3d/depth.ts";
import { planeRefusal } from "../raw-plane.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewOptions } from "../view.ts";
import { labelColor, page, pileLabels, sampleLegend, targetRange, valueKey } from "./common.ts";
import { say } from "../words/index.ts";
import { planeExtent } from "./grid.ts";
import { axisRange, hiddenActivations, hiddenDot, hiddenPlane, hiddenView, inset, nextBoundary, outputBands, outputLineItem, planeInCube, sampleSets, squareBox } from "./hidden.ts";

/** Ease in-out cubic: the points leave and arrive slowly. */
export function morphShare(t: number): number {
  const u = Math.max(0, Math.min(1, t));
  return u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
}

/** The output's bands (plane) appear over the last part of the slide, where the axes are nearly the hidden ones. */
const FADE_FROM = 0.85;

type Range = [number, number];
const mix = (a: number, b: number, s: number): number => (1 - s) * a + s * b;
const mixRange = (a: Range, b: Range, s: number): Range => [mix(a[0], b[0], s), mix(a[1], b[1], s)];

/** An axis's name at share s: the input's, the hidden one's, or the weighted sum the positions are. */
function mixedName(input: string, hidden: string, s: number): string {
  if (s === 0) return input;
  return `${(1 - s).toFixed(2)}·${input} + ${s.toFixed(2)}·${hidden}`;
}

/** `split`: the data as loaded (prepared.raw; the same as prepared.split without `inputs`). */
export function hiddenMorphScene(model: Model, split: DataSplit, t: number, o: ViewOptions = {}): Scene {
  const refused = planeRefusal("the hidden-layer morph", model, [2]);
  if (refused) throw new RangeError(refused);
  // What the network sees of each sample (its feature map applied), for the hidden activations.
  const seen = model.inputs ? mapSplit(split, featureMap(model.inputs, model.featureNames)) : split;
  const u = Math.max(0, Math.min(1, t));
  if (u === 1) return hiddenView({ model, split: seen }, { ...o, epoch: undefined });
  const h = hiddenActivations(model, seen, o.layer ?? 1);
  const s = morphShare(u);
  const showTest = o.showTest ?? true;
  const classes = model.classes;
  const sets = sampleSets(seen, h, showTest);
  // The raw rows, in the same order as the mapped ones.
  const rawOf = (d: LabeledData): LabeledData => (d === seen.train ? split.train : split.test!);
  const range = targetRange(split);
  const colorOf = (d: LabeledData, i: number): string => labelColor(d.y[i], classes, range);
  const ext = planeExtent(split, o.extent);
  const [fx, fy] = split.featureNames;
  const boundary = nextBoundary(model, h.layer);
  const fade = Math.max(0, (s - FADE_FROM) / (1 - FADE_FROM));
  const title = o.title ?? say(o.lang, "From input space to hidden layer {layer}'s space", { layer: h.layer });
  // One wording for every t, so that the caption takes the same room (the chart's box does not move).
  const caption = say(o.lang, "t = {t}: each point at (1 − s)·input + s·hidden, s = {s}", { t: u.toFixed(2), s: s.toFixed(2) });
  // The hidden view's legend, so that the chart's box is the hidden view's at every t.
  const items = [...valueKey(split, classes, split.targetName), ...sampleLegend(split, classes, split.targetName, showTest, o.lang)];

  if (h.units === 3) {
    if (boundary) items.push({ label: say(o.lang, "output layer's boundary (plane)"), color: "#888888", shape: "square", opacity: fade });
    const p = page(o, title, caption, items, 640);
    const hidden: [Range, Range, Range] = [axisRange(h, 0), axisRange(h, 1), axisRange(h, 2)];
    const bounds: [Range, Range, Range] = [mixRange([ext[0], ext[1]], hidden[0], s), mixRange([ext[2], ext[3]], hidden[1], s), hidden[2]];
    const box = inset(p.box, 70, 40);
    const cam = camera(o.angle, box, bounds, 1);
    const c = cube(cam, { x: mixedName(fx, "h1", s), y: mixedName(fy, "h2", s), z: "h3" });
    const midH3 = (hidden[2][0] + hidden[2][1]) / 2;
    const span = bounds.map((r) => (r[1] - r[0]) / 100 || 1);
    const pts: DepthItem[] = [];
    const where = new Map<Mark, number[]>();
    for (const set of sets) {
      const X = rawOf(set.d).X.data;
      for (let i = 0; i < set.d.X.rows; i++) {
        const v: Vec3 = [mix(X[2 * i], set.a[3 * i], s), mix(X[2 * i + 1], set.a[3 * i + 1], s), mix(midH3, set.a[3 * i + 2], s)];
        const P = cam.project(v);
        const m = hiddenDot(P.x, P.y, colorOf(set.d, i), set.test, 4);
        where.set(m, v.map((x, k) => x / span[k]));
        pts.push({ depth: P.depth, marks: [m] });
      }
    }
    const marks: Mark[] = [...p.marks, ...c.back];
    // The output's plane lives in hidden coordinates: a camera over the hidden cube puts it where the hidden view does.
    const plane = boundary && fade > 0 ? planeInCube(camera(o.angle, box, hidden, 1), boundary.w, boundary.b) : null;
    if (plane) {
      const behind = pts.filter((q) => q.depth > plane.depthAt(q.marks[0]));
      const front = pts.filter((q) => q.depth <= plane.depthAt(q.marks[0]));
      marks.push(...paintersOrder(behind), { type: "group", opacity: fade, marks: [plane.mark] }, ...paintersOrder(front));
    } else marks.push(...paintersOrder(pts));
    const dots = [...where.keys()];
    const centre = cam.project([0.5, 0.5, 0.5]);
    marks.push(...c.front, ...pileLabels(dots, [centre.x, centre.y], dots.map((m) => where.get(m)!)));
    return { width: p.width, height: p.height, title, marks };
  }

  const plane = hiddenPlane(h, sets, o.lang);
  // Its key appears as the line does (the room it takes stays, so the chart does not move).
  if (h.units === 2 && boundary) items.push({ ...outputLineItem(o.lang), opacity: fade });
  const p = page(o, title, caption, items, 640);
  const box = plane.square ? squareBox(p.box) : p.box;
  // The hidden view's axes (PCA's rounded outward), whose ranges the slide ends at.
  const end = axes(box, { x: plane.x, y: plane.y, xLabel: plane.labels[0], yLabel: plane.labels[1], nice: !plane.square });
  const ax = axes(box, { x: mixRange([ext[0], ext[1]], end.x, s), y: mixRange([ext[2], ext[3]], end.y, s), xLabel: mixedName(fx, plane.names[0], s), yLabel: mixedName(fy, plane.names[1], s) });
  const under = h.units === 2 && boundary && fade > 0 ? [{ type: "group" as const, opacity: fade, marks: outputBands(end, boundary) }] : [];
  const dots: Mark[] = [];
  for (const set of sets) {
    const X = rawOf(set.d).X.data;
    for (let i = 0; i < set.d.X.rows; i++) {
      const [hx, hy] = plane.at(set.a, i);
      dots.push(hiddenDot(ax.sx(mix(X[2 * i], hx, s)), ax.sy(mix(X[2 * i + 1], hy, s)), colorOf(set.d, i), set.test));
    }
  }
  const clip = { x: ax.inner.x, y: ax.inner.y, width: ax.inner.width, height: ax.inner.height };
  const piles = pileLabels(dots, [ax.inner.x + ax.inner.width / 2, ax.inner.y + ax.inner.height / 2]);
  return { width: p.width, height: p.height, title, marks: [...p.marks, ...ax.back, { type: "group", clip, marks: under }, ...dots, ...ax.front, ...piles] };
}
