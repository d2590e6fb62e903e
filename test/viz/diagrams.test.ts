/**
 * The articles' architecture diagrams, drawn from a model: the perceptron's arithmetic, the
 * blueprint's stages and what each reads and updates, W[l] and b[l] shapes per layer, the forward
 * step's shapes, one layer's pass, and the one-feature article's two dots.
 */
import { describe, expect, it } from "vitest";
import { createModel } from "../../src/nn/model.ts";
import { marksWithRole, modelAtEpoch, toSvg, VIEWS, type TextMark, type ViewInput } from "../../src/viz/index.ts";
import { parseXml } from "./xml.ts";
import { frozen } from "./setup.ts";

const texts = (s: ReturnType<typeof VIEWS.shapes>): string[] => s.marks.flatMap((m) => (m.type === "text" ? [m.text] : m.type === "group" ? m.marks.flatMap((c) => (c.type === "text" ? [c.text] : [])) : []));

describe("architecture diagrams", () => {
  const moons: ViewInput = frozen("moons-deep");

  it("shapes: W[l] is n[l] × n[l−1] and b[l] is n[l] × 1 for every layer of 2-25-50-50-25-1", () => {
    const s = VIEWS.shapes(moons);
    const t = texts(s);
    const sizes = [2, 25, 50, 50, 25, 1];
    for (let l = 1; l < sizes.length; l++) {
      expect(t).toContain(`${sizes[l]} × ${sizes[l - 1]}`);
      expect(t).toContain(`${sizes[l]} × 1`);
    }
    expect(marksWithRole(s, "shape", "W").length).toBe(5);
    expect(t.join(" ")).toContain("5,226 parameters");
    parseXml(toSvg(s));
  });

  it("forward-shapes: Z[l] (n[l] × m) = W[l] (n[l] × n[l−1]) · A[l−1] (n[l−1] × m) + b[l], m the training samples", () => {
    const s = VIEWS["forward-shapes"](moons);
    const shapes = marksWithRole(s, "shape").map((m) => (m as TextMark).text);
    expect(shapes.slice(0, 5)).toEqual(["25 × 900", "25 × 2", "2 × 900", "25 × 1", "25 × 900"]);
    expect(shapes.slice(-5)).toEqual(["1 × 900", "1 × 25", "25 × 900", "1 × 1", "1 × 900"]);
  });

  it("blueprint: forward, backward and update for each layer; the update is the only stage writing the parameters", () => {
    const s = VIEWS.blueprint(moons);
    for (const stage of ["forward", "backward", "update"]) expect(marksWithRole(s, "stage", stage).length).toBe(5);
    expect(marksWithRole(s, "stage", "cost").length).toBe(1);
    expect(marksWithRole(s, "updates").length).toBe(5);
    expect(marksWithRole(s, "reads").length).toBe(10);
    expect(marksWithRole(s, "cache").length).toBe(5);
    parseXml(toSvg(s));
  });

  it("layer-pass: one layer's forward and backward boxes, with its shapes", () => {
    const s = VIEWS["layer-pass"](moons, { layer: 2 });
    expect(marksWithRole(s, "stage", "forward").length).toBe(1);
    expect(marksWithRole(s, "stage", "backward").length).toBe(1);
    expect(texts(s)).toContain("W2: 50×25, b2: 50×1");
  });

  it("perceptron: one edge per input and the bias; w·x + b of the first sample decides the output", () => {
    const model = createModel({ inputSize: 3, layers: [{ units: 1, activation: "sigmoid" }], loss: "binary-crossentropy", classes: [0, 1] });
    model.layers[0].W.set([2, 3, 4]);
    model.layers[0].b.set([0]);
    const X = { rows: 1, cols: 3, data: new Float64Array([0, 1, 1]) };
    const input = { model, split: { train: { X, y: [1] }, test: null, featureNames: ["x1", "x2", "x3"], targetName: "y" } } as unknown as ViewInput;
    const s = VIEWS.perceptron(input);
    expect(marksWithRole(s, "edge").length).toBe(4);
    expect(marksWithRole(s, "weight").map((m) => (m as TextMark).text)).toEqual(["w1 = 2", "w2 = 3", "w3 = 4", "b = 0"]);
    expect(texts(s).join(" ")).toContain("w·x + b = 7 > 0, so the output is 1");
  });

  it("data with cuts: one dot per hidden neuron, where its input z = w·x + b is 0", () => {
    const trained = frozen("one-feature");
    const one = { ...trained, model: modelAtEpoch(trained.model, trained.run, 0) };
    const s = VIEWS.data(one, { cuts: true });
    const labels = marksWithRole(s, "cut-label").map((m) => (m as TextMark).text);
    // The file's starting values: w = [−1, 9], b = [−1, 5]: z = 0 at x = −1 and x = −5/9.
    expect(labels).toEqual(["x = −1", "x = −0.56"]);
    expect(marksWithRole(s, "cut-dot").length).toBe(2);
    expect(marksWithRole(VIEWS.data(one), "cut-dot").length).toBe(0);
  });
});
