/**
 * The hidden-space morph shows true coordinates at every t: its ticks read the values of the
 * points' positions, its axis labels name the mix, and its end is the `hidden` view itself
 * (turned as asked, for a cube). Over a feature map, input space is the raw (x1, x2) plane.
 */
import { describe, expect, it } from "vitest";
import { prepareExperiment, type Prepared } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { hiddenActivations, hiddenMorphScene, marksWithRole, morphShare, planeRefusal, toSvg, VIEWS, type CircleMark, type Mark, type RectMark, type Scene, type TextMark } from "../../src/viz/index.ts";
import { evaluatePlane, planeExtent } from "../../src/viz/views/grid.ts";

/** A seeded, untrained network over 60 samples of circles: the pictures' geometry does not need training. */
function prepared(units: number, extra: Record<string, unknown> = {}): Prepared {
  return prepareExperiment(
    validateExperiment({
      data: { dataset: "circles", samples: 60, noise: 0.05, factor: 0.4, seed: 2 },
      model: { layers: [{ units, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
      loss: "binary-crossentropy",
      init: { seed: 7 },
      ...extra,
    }),
  );
}

const num = (text: string): number => Number(text.replace("−", "-"));
const ticks = (scene: Scene, anchor: "middle" | "end"): TextMark[] => marksWithRole(scene, "tick").filter((m): m is TextMark => m.type === "text" && m.anchor === anchor);
const dots = (scene: Scene): CircleMark[] => marksWithRole(scene, "sample", "train") as CircleMark[];
const labels = (scene: Scene): string[] => marksWithRole(scene, "axis-label").map((m) => (m as TextMark).text);

/** The data value at screen position `px`, read off two tick labels of an axis (its scale is linear). */
function valueAt(axis: TextMark[], px: number, along: "x" | "y"): number {
  const [a, b] = [axis[0], axis[axis.length - 1]];
  const pa = a[along];
  const pb = b[along];
  return num(a.text) + ((px - pa) / (pb - pa)) * (num(b.text) - num(a.text));
}

describe("the hidden-space morph", () => {
  const p = prepared(2);
  const h = hiddenActivations(p.model, p.split);
  const X = p.raw.train.X.data;

  it("places every point at (1 − s)·input + s·hidden, in axes whose ticks read those values", () => {
    for (const t of [0, 0.3, 0.5, 0.8]) {
      const s = morphShare(t);
      const scene = hiddenMorphScene(p.model, p.raw, t, { showTest: false });
      const [xt, yt] = [ticks(scene, "middle"), ticks(scene, "end")];
      expect(xt.length).toBeGreaterThan(2);
      dots(scene).forEach((d, i) => {
        expect(valueAt(xt, d.cx, "x")).toBeCloseTo((1 - s) * X[2 * i] + s * h.train[2 * i], 6);
        expect(valueAt(yt, d.cy, "y")).toBeCloseTo((1 - s) * X[2 * i + 1] + s * h.train[2 * i + 1], 6);
      });
    }
  });

  it("names each axis by its mix: the input's at 0, the weighted sum between", () => {
    expect(labels(hiddenMorphScene(p.model, p.raw, 0))).toEqual(["x1", "x2"]);
    const s = morphShare(0.5).toFixed(2);
    expect(labels(hiddenMorphScene(p.model, p.raw, 0.5))).toEqual([`${s}·x1 + ${s}·h1`, `${s}·x2 + ${s}·h2`]);
  });

  it("spans the input extent at t = 0 and slides its extent to tanh's −1…1", () => {
    const ext = planeExtent(p.raw);
    for (const t of [0, 0.5, 0.9]) {
      const s = morphShare(t);
      const scene = hiddenMorphScene(p.model, p.raw, t);
      const frame = marksWithRole(scene, "frame")[0] as RectMark;
      const [xt, yt] = [ticks(scene, "middle"), ticks(scene, "end")];
      expect(valueAt(xt, frame.x, "x")).toBeCloseTo((1 - s) * ext[0] - s, 6);
      expect(valueAt(xt, frame.x + frame.width, "x")).toBeCloseTo((1 - s) * ext[1] + s, 6);
      expect(valueAt(yt, frame.y + frame.height, "y")).toBeCloseTo((1 - s) * ext[2] - s, 6);
      expect(valueAt(yt, frame.y, "y")).toBeCloseTo((1 - s) * ext[3] + s, 6);
    }
  });

  it("ends at the hidden view: t = 1 is its picture, and just before it the same frame and points within a pixel", () => {
    const hidden = VIEWS.hidden({ model: p.model, split: p.split, prepared: p }, { width: 640 });
    expect(toSvg(hiddenMorphScene(p.model, p.raw, 1, { width: 640 }))).toBe(toSvg(hidden));
    const near = hiddenMorphScene(p.model, p.raw, 0.995, { width: 640 });
    expect(marksWithRole(near, "frame")).toEqual(marksWithRole(hidden, "frame"));
    const a = marksWithRole(near, "sample") as CircleMark[];
    const b = marksWithRole(hidden, "sample") as CircleMark[];
    expect(a.length).toBe(b.length);
    a.forEach((d, i) => expect(Math.hypot(d.cx - b[i].cx, d.cy - b[i].cy)).toBeLessThan(1));
  });

  it("keys the output's line only as it appears: its legend entry fades in with it, in the same place at every t", () => {
    // The entry's text, and the opacity of the groups it is drawn in.
    const find = (marks: Mark[], opacity: number): { opacity: number; x: number } | null => {
      for (const m of marks) {
        if (m.type === "text" && m.text.startsWith("output = 0.5")) return { opacity, x: m.x };
        const inner = m.type === "group" ? find(m.marks, opacity * (m.opacity ?? 1)) : null;
        if (inner) return inner;
      }
      return null;
    };
    const entry = (t: number): { opacity: number; x: number } => {
      const found = find(marksWithRole(hiddenMorphScene(p.model, p.raw, t), "legend"), 1);
      if (!found) throw new Error(`no legend entry for the output line at t = ${t}`);
      return found;
    };
    const at = [0, 0.5, 0.9, 0.97, 1].map(entry);
    expect(at.map((e) => e.opacity)).toEqual([0, 0, at[2].opacity, at[3].opacity, 1]);
    expect(at[2].opacity).toBeGreaterThan(0);
    expect(at[3].opacity).toBeGreaterThan(at[2].opacity);
    expect(at[3].opacity).toBeLessThan(1);
    expect(new Set(at.map((e) => e.x)).size).toBe(1);
  });

  it("three neurons: the cube turns to the angle asked for at every t, and ends at the hidden cube at that angle", () => {
    const q = prepared(3);
    const angle = { azimuth: 40, elevation: 55 };
    expect(toSvg(hiddenMorphScene(q.model, q.raw, 0.5, { angle }))).not.toBe(toSvg(hiddenMorphScene(q.model, q.raw, 0.5)));
    const hidden = VIEWS.hidden({ model: q.model, split: q.split, prepared: q }, { angle });
    expect(toSvg(hiddenMorphScene(q.model, q.raw, 1, { angle }))).toBe(toSvg(hidden));
    const a = dots(hiddenMorphScene(q.model, q.raw, 0.995, { angle }));
    const b = dots(hidden);
    expect(a.length).toBe(b.length);
    a.forEach((d, i) => expect(Math.hypot(d.cx - b[i].cx, d.cy - b[i].cy)).toBeLessThan(1));
    // Mid-way the cube's edges are labelled by the mix, and h3 stays h3.
    const s = morphShare(0.5).toFixed(2);
    expect(labels(hiddenMorphScene(q.model, q.raw, 0.5)).sort()).toEqual([`${s}·x1 + ${s}·h1`, `${s}·x2 + ${s}·h2`, "h3"].sort());
  });

  it("over a feature map, input space is the raw (x1, x2) plane and the end is the hidden view of the mapped inputs", () => {
    const f = prepared(2, { inputs: ["x1", "x2", "x1*x2", "sin(x1)"] });
    expect(f.model.inputSize).toBe(4);
    const start = hiddenMorphScene(f.model, f.raw, 0, { showTest: false });
    expect(labels(start)).toEqual(["x1", "x2"]);
    const xt = ticks(start, "middle");
    const R = f.raw.train.X.data;
    dots(start).forEach((d, i) => expect(valueAt(xt, d.cx, "x")).toBeCloseTo(R[2 * i], 6));
    expect(toSvg(hiddenMorphScene(f.model, f.raw, 1))).toBe(toSvg(VIEWS.hidden({ model: f.model, split: f.split, prepared: f })));
  });

  it("refuses a model with more than two raw columns, in words about the data", () => {
    const f = prepared(2, { inputs: ["x1", "x2", "x1*x2"] });
    const wide = { ...f.model, featureNames: ["a", "b", "c"] };
    expect(planeRefusal("the hidden-layer morph", wide, [2])).toBe("the hidden-layer morph needs 2 data columns to draw over; this model's inputs are computed from 3");
    expect(() => hiddenMorphScene(wide, f.raw, 0.5)).toThrow(/computed from 3/);
  });
});

describe("the pictures over the input plane with a feature map", () => {
  it("is drawn over the raw (x1, x2) plane, not refused for the model's four inputs", () => {
    const f = prepared(2, { inputs: ["x1", "x2", "x1*x2", "x1^2"] });
    const scene = VIEWS.surface({ model: f.model, split: f.split, prepared: f });
    expect(marksWithRole(scene, "sample").length).toBe(f.raw.train.X.rows + (f.raw.test?.X.rows ?? 0));
    expect(labels(scene).slice().sort()).toEqual(["P(y = 1)", "x1", "x2"]);
    // The same surface as a model given x1, x2 alone would have over that plane: its heights are the network's outputs there.
    const [lo, hi] = [Math.min(...f.raw.train.X.data), Math.max(...f.raw.train.X.data)];
    const tickValues = marksWithRole(scene, "tick").map((m) => num((m as TextMark).text));
    expect(Math.min(...tickValues)).toBeGreaterThanOrEqual(lo - 1);
    expect(Math.max(...tickValues)).toBeLessThanOrEqual(Math.max(hi + 1, 1));
  });
  it("the boundary too: its samples at their raw (x1, x2), where the model of four inputs was refused before", () => {
    const f = prepared(2, { inputs: ["x1", "x2", "x1*x2", "x1^2"] });
    const scene = VIEWS.boundary({ model: f.model, split: f.split, prepared: f }, { showTest: false });
    expect(labels(scene).slice(0, 2)).toEqual(["x1", "x2"]);
    const xt = ticks(scene, "middle");
    const R = f.raw.train.X.data;
    dots(scene).forEach((d, i) => expect(valueAt(xt, d.cx, "x")).toBeCloseTo(R[2 * i], 6));
  });

  it("the network diagram too: each input's square shows that input over the plane (x1·x2 a saddle), where none were drawn", () => {
    const f = prepared(2, { inputs: ["x1", "x2", "x1*x2"] });
    const scene = VIEWS.network({ model: f.model, split: f.split, prepared: f });
    const squares = marksWithRole(scene, "neuron") as RectMark[];
    expect(squares.map((m) => m.type)).toEqual(Array(3 + 2 + 1).fill("rect"));
    // Each input square is that input over the plane: the grid's inputs are the mapped raw points.
    const grid = evaluatePlane(f.model, planeExtent(f.raw), 24);
    const [x0, x1, y0, y1] = grid.extent;
    const q = 3 + 5 * 24;
    expect(grid.inputs[3 * q]).toBeCloseTo(x0 + (3.5 / 24) * (x1 - x0), 12);
    expect(grid.inputs[3 * q + 1]).toBeCloseTo(y0 + (5.5 / 24) * (y1 - y0), 12);
    expect(grid.inputs[3 * q + 2]).toBeCloseTo(grid.inputs[3 * q] * grid.inputs[3 * q + 1], 12);
    // …so the x1·x2 square's bands are neither x1's nor x2's.
    const bands = (k: number): string => JSON.stringify((scene.marks.filter((m) => m.type === "group" && m.clip) as { marks: unknown[] }[])[k].marks);
    expect(new Set([bands(0), bands(1), bands(2)]).size).toBe(3);
  });
});
