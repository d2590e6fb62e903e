/**
 * The visual introduction's scikit-learn half (examples/visual-linear.json, visual-circles.json
 * and the gallery's panels, trained as drawn): logistic regression solves the linear problem and
 * fails the non-linear one; one hidden neuron gives a straight boundary whatever its activation;
 * identity neurons stay linear however many; 6 relu neurons classify perfectly. Against
 * scikit-learn's MLPClassifier over 10 random states (scripts/reference/visual_intro.py).
 */
import { describe, expect, it } from "vitest";
import { GALLERY, type GalleryItem, type Variant } from "../../src/cli/commands/gallery-examples.ts";
import { trainVariant } from "../../src/cli/commands/gallery.ts";
import { matrix } from "../../src/core/matrix.ts";
import { predictProba } from "../../src/index.ts";
import type { Model } from "../../src/nn/model.ts";
import { fixture, ROOT } from "../helpers.ts";

const ref = fixture("visual-intro-reference.json");
const circles = `${ROOT}/examples/visual-circles.json`;
const items = GALLERY.find((e) => e.file === "visual-circles.json")!.items;
const tile = (name: string) => (items.find((i) => i.name === name) as Extract<GalleryItem, { kind: "tile" }>).variants;
const panel = (label: string): Variant => [...tile("one-neuron"), ...tile("neurons")].find((v) => v.label === label)!;
const finalAccuracy = (file: string, v?: Variant): number => {
  const a = trainVariant(file, v, undefined).input.run!.history!.accuracy;
  return a[a.length - 1];
};
const model = (v: Variant): Model => trainVariant(circles, v, undefined).input.model;

/** P(class 1) on a 41 × 41 grid over the data's square. */
function grid(m: Model): { x: number[][]; p: Float64Array } {
  const x: number[][] = [];
  for (let i = 0; i <= 40; i++) for (let j = 0; j <= 40; j++) x.push([-12 + (24 * i) / 40, -12 + (24 * j) / 40]);
  const X = matrix(x.length, 2);
  x.forEach((r, i) => X.data.set(r, 2 * i));
  const P = predictProba(m, X);
  const p = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) p[i] = P.data[i * P.cols + P.cols - 1];
  return { x, p };
}

describe("logistic regression", () => {
  it("solves the linear problem and fails the non-linear one, as scikit-learn's", () => {
    const lr = items.find((i) => i.name === "logistic") as Extract<GalleryItem, { kind: "view" }>;
    expect(finalAccuracy(`${ROOT}/examples/visual-linear.json`)).toBe(ref.linear.logistic.accuracy);
    expect(ref.linear.logistic.accuracy).toBe(1);
    const nonLinear = finalAccuracy(circles, lr.variant);
    expect(nonLinear).toBeLessThanOrEqual(0.6);
    expect(Math.abs(nonLinear - ref.nonLinear.logistic.accuracy)).toBeLessThanOrEqual(0.05);
  });
});

describe("one hidden layer on the non-linear problem", () => {
  for (const label of ["1 logistic neuron", "1 identity neuron", "1 relu neuron"]) {
    it(`${label}: a straight boundary inside the picture`, () => {
      const m = model(panel(label));
      const { x, p } = grid(m);
      const l = m.layers[0];
      // Every prediction is a monotone function of the one neuron's z = w·x + b: sorted by z,
      // the predicted class changes once: a line.
      const order = x.map((r, i) => ({ z: l.W[0] * r[0] + l.W[1] * r[1] + l.b[0], c: p[i] > 0.5 ? 1 : 0 })).sort((a, b) => a.z - b.z);
      let changes = 0;
      for (let i = 1; i < order.length; i++) if (order[i].c !== order[i - 1].c) changes++;
      expect(changes).toBe(1);
    });
  }

  it("30 identity neurons stay linear: the logit is an affine function of the input", () => {
    const { x, p } = grid(model(panel("30 identity neurons")));
    const logit = Array.from(p, (v) => Math.log(v / (1 - v)));
    // affine ⇔ f(a) + f(b) = f(c) + f(d) on every grid parallelogram
    const at = (i: number, j: number) => logit[i * 41 + j];
    for (let i = 0; i < 40; i += 7) for (let j = 0; j < 40; j += 7) expect(Math.abs(at(i, j) + at(i + 1, j + 1) - at(i + 1, j) - at(i, j + 1))).toBeLessThan(1e-6 * (1 + Math.abs(at(i, j))));
    expect(x.length).toBe(41 * 41);
  });

  it("6 relu neurons classify the training points perfectly (the article's 100 %)", () => {
    expect(finalAccuracy(circles, panel("6 relu neurons"))).toBe(1);
    expect(finalAccuracy(circles)).toBe(1);
  });

  it("over 10 seeds each panel's median accuracy is scikit-learn's over 10 random states (±0.1)", () => {
    const median = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];
    const names: Record<string, string> = { logistic: "sigmoid", identity: "linear", relu: "relu" };
    for (const sk of ref.nonLinear.panels as { units: number; activation: string; runs: { accuracy: number }[] }[]) {
      const v: Variant = { label: "", patch: { model: { layers: [{ units: sk.units, activation: names[sk.activation] }, { units: 1, activation: "sigmoid" }] } } };
      const ours = Array.from({ length: 10 }, (_, s) => finalAccuracy(circles, { ...v, patch: { ...v.patch, init: { seed: s } } }));
      expect(Math.abs(median(ours) - median(sk.runs.map((r) => r.accuracy))), `${sk.units} ${sk.activation}`).toBeLessThanOrEqual(0.1);
    }
  });
});
