import { beforeAll, describe, expect, it } from "vitest";
import { createModel, trace } from "../../src/index.ts";
import { allMarks, costSlice, lossData, marksWithRole, PALETTE, type LineMark, type TextMark, paramNames, parseParam, stepScenes, stepsHtml, toSvg, VIEWS, hiddenMorphScene, boundaryScene, modelAtEpoch, type CircleMark, type RectMark, type ViewInput } from "../../src/viz/index.ts";
import { pileLabels } from "../../src/viz/views/common.ts";
import { frozen } from "./setup.ts";
import { parseXml, withClass } from "./xml.ts";

let oneFeature: ViewInput;
let gauss: ViewInput;
let three: ViewInput;
let twelve: ViewInput;
beforeAll(() => {
  oneFeature = frozen("one-feature");
  gauss = frozen("gauss-two-neurons");
  three = frozen("three-classes");
  twelve = frozen("twelve-steps");
});

const samples = (i: ViewInput): number => i.split.train.X.rows + (i.split.test?.X.rows ?? 0);

describe("data", () => {
  it("draws one circle per sample, train filled and test as rings", () => {
    for (const input of [oneFeature, gauss, three]) {
      const root = parseXml(toSvg(VIEWS.data(input)));
      expect(withClass(root, "sample").length).toBe(samples(input));
      expect(withClass(root, "sample", "test").length).toBe(input.split.test?.X.rows ?? 0);
      for (const c of withClass(root, "sample", "test")) expect(c.attrs.fill).toBe("#ffffff");
    }
  });
});

describe("boundary", () => {
  it("draws one circle per sample and the 0.5 contour", () => {
    for (const input of [gauss, three]) {
      const root = parseXml(toSvg(VIEWS.boundary(input)));
      expect(withClass(root, "sample").length).toBe(samples(input));
      const contours = withClass(root, "contour");
      expect(contours.length).toBeGreaterThan(0);
      expect(contours.some((c) => (c.attrs.d ?? "").length > 10)).toBe(true);
    }
  });
  it("softmax: one region per class, in the class colours", () => {
    const scene = VIEWS.boundary(three);
    for (let k = 0; k < 3; k++) expect(marksWithRole(scene, "region", `class-${k}`).length).toBeGreaterThan(0);
  });
  it("1-D input: the output curve with the points", () => {
    const scene = VIEWS.boundary(oneFeature);
    expect(marksWithRole(scene, "curve", "output").length).toBe(1);
    expect(marksWithRole(scene, "sample").length).toBe(12);
  });
  it("draws snapshots: an animation frame per recorded epoch", () => {
    const snaps = gauss.run!.snapshots!;
    const first = toSvg(boundaryScene(modelAtEpoch(gauss.model, gauss.run, snaps[0].epoch), gauss.split));
    const last = toSvg(boundaryScene(modelAtEpoch(gauss.model, gauss.run, snaps[snaps.length - 1].epoch), gauss.split));
    expect(first).not.toBe(last);
    expect(() => modelAtEpoch(gauss.model, gauss.run, 123456)).toThrow(/recorded/);
  });
});

/** Binary cross-entropy of the 1-2-1 sigmoid network, written out by hand. */
function handLoss(p: number[], X: number[], y: number[]): number {
  const s = (z: number): number => 1 / (1 + Math.exp(-z));
  const [w10, w11, b10, b11, w20, w21, b2] = p;
  let total = 0;
  X.forEach((x, i) => {
    const a = s(w20 * s(w10 * x + b10) + w21 * s(w11 * x + b11) + b2);
    total += -(y[i] * Math.log(a) + (1 - y[i]) * Math.log(1 - a));
  });
  return total / X.length;
}

describe("cost-slice", () => {
  it("parses parameter names and lists the valid ones on a mistake", () => {
    const m = oneFeature.model;
    expect(paramNames(m)).toEqual(["W1[0,0]", "W1[1,0]", "b1[0]", "b1[1]", "W2[0,0]", "W2[0,1]", "b2[0]"]);
    expect(parseParam(m, "W2[0,1]").index).toBe(5);
    expect(parseParam(m, "b1[1]").index).toBe(3);
    expect(() => parseParam(m, "W1[2,0]")).toThrow(/W1\[0\.\.1, 0\.\.0\], b1\[0\.\.1\], W2\[0\.\.0, 0\.\.1\], b2\[0\.\.0\]/);
    expect(() => parseParam(m, "W3[0,0]")).toThrow(/layers 1\.\.2/);
    expect(() => parseParam(m, "bogus")).toThrow(/valid names/);
  });

  it("puts the minimum where an independent loss computation does", () => {
    const m = oneFeature.model;
    const X = Array.from(oneFeature.split.train.X.data);
    const y = oneFeature.split.train.y as number[];
    const s = costSlice(m, lossData(oneFeature), "W1[0,0]", [-100, 100], 201);
    const base = Array.from(m.params);
    const expected = s.xs.map((x) => handLoss(base.map((v, k) => (k === 0 ? x : v)), X, y));
    expected.forEach((e, i) => expect(Math.abs(s.losses[i] - e)).toBeLessThan(1e-9 * Math.max(1, e)));
    const best = expected.indexOf(Math.min(...expected));
    const scene = VIEWS["cost-slice"](oneFeature, { param: "W1[0,0]", range: [-100, 100], resolution: 201 });
    const cross = marksWithRole(scene, "minimum")[0];
    const current = marksWithRole(scene, "current")[0] as CircleMark;
    expect(cross.type).toBe("line");
    // The cross is centred on the minimum's x; the current-value dot on the model's own W1[0,0].
    const frame = marksWithRole(scene, "frame")[0] as RectMark;
    const px = (v: number): number => frame.x + ((v + 100) / 200) * frame.width;
    if (cross.type === "line") expect((cross.x1 + cross.x2) / 2).toBeCloseTo(px(s.xs[best]), 5);
    expect(current.cx).toBeCloseTo(px(m.params[0]), 5);
  });
});

describe("hidden", () => {
  it("puts sigmoid activations inside the unit square", () => {
    const scene = VIEWS.hidden(gauss);
    const frame = marksWithRole(scene, "frame")[0] as RectMark;
    const dots = marksWithRole(scene, "sample") as CircleMark[];
    expect(dots.length).toBe(samples(gauss));
    for (const d of dots) {
      expect(d.cx).toBeGreaterThanOrEqual(frame.x - 1e-9);
      expect(d.cx).toBeLessThanOrEqual(frame.x + frame.width + 1e-9);
      expect(d.cy).toBeGreaterThanOrEqual(frame.y - 1e-9);
      expect(d.cy).toBeLessThanOrEqual(frame.y + frame.height + 1e-9);
    }
    expect(marksWithRole(scene, "separator").length).toBeLessThanOrEqual(1);
  });
  it("rejects a layer that is not hidden, naming the valid ones", () => {
    expect(() => VIEWS.hidden(gauss, { layer: 2 })).toThrow(/1\.\.1/);
  });
  it("morph: t = 0 is the input plane, t = 1 the hidden square; every sample drawn", () => {
    const a = hiddenMorphScene(gauss.model, gauss.split, 0);
    const b = hiddenMorphScene(gauss.model, gauss.split, 1);
    expect(marksWithRole(a, "sample").length).toBe(samples(gauss));
    expect(toSvg(a)).not.toBe(toSvg(b));
  });
});

describe("steps", () => {
  it("makes one scene per computed trace step, each with its highlighted and source cells", () => {
    const tr = twelve.trace!;
    const computed = tr.steps.filter((s) => s.phase !== "given");
    const scenes = stepScenes(tr, { layout: "trace" });
    expect(scenes.length).toBe(computed.length);
    scenes.forEach((scene, k) => {
      expect(marksWithRole(scene, "cell", "highlight").length).toBe(1);
      expect(marksWithRole(scene, "cell", "source").length).toBeGreaterThan(0);
      const title = marksWithRole(scene, "step-title")[0];
      expect(title.type === "text" && title.text.startsWith(`Step ${k + 1} of ${computed.length}`)).toBe(true);
      const formula = marksWithRole(scene, "formula")[0];
      expect(formula.type === "text" && formula.text).toBe(computed[k].formula);
      parseXml(toSvg(scene));
    });
  });
  it("marks row i of A0 and row j of W1 as the sources of Z1[i,j]", () => {
    const scene = stepScenes(twelve.trace!, { cell: [1, 2], layout: "trace" })[0];
    const sources = marksWithRole(scene, "cell", "source");
    // A0 row 1 (4 cells) + W1 row 2 (4 cells) + b1[2] (1 cell).
    expect(sources.length).toBe(9);
  });
  it("writes one HTML page with every step's SVG, each step's title once", () => {
    for (const layout of ["trace", "article"] as const) {
      const html = stepsHtml(twelve.trace!, { layout });
      const n = layout === "article" ? 12 : twelve.trace!.steps.filter((s) => s.phase !== "given").length;
      expect(html.match(/<svg /g)?.length).toBe(n);
      for (const svg of html.match(/<svg [\s\S]*?<\/svg>/g)!) parseXml(svg);
      const headings = html.match(/<h2>[^<]*<\/h2>/g)!.map((h) => h.slice(4, -5));
      expect(headings.length).toBe(n);
      for (const h of headings) expect(html.split(h.replace(/&/g, "&amp;")).length - 1, h).toBe(1);
    }
  });
  it("handles matrices larger than a table shows", () => {
    const m = createModel({ inputSize: 12, layers: [{ units: 10, activation: "tanh" }, { units: 1, activation: "sigmoid" }], loss: "binary-crossentropy", classes: [0, 1] });
    const X = new Float64Array(20 * 12).map((_, i) => Math.sin(i));
    const Y = new Float64Array(20).map((_, i) => i % 2);
    const scenes = stepScenes(trace(m, X, Y, 20, { learningRate: 0.1 }), { cell: [15, 11] });
    for (const s of scenes) expect(marksWithRole(s, "cell", "highlight").length).toBe(1);
  });
});

describe("network", () => {
  it("draws one edge per weight, coloured by its sign, wider the larger it is", () => {
    const signs = new Set<number>();
    for (const input of [twelve, gauss, three]) {
      const scene = VIEWS.network(input);
      const edges = marksWithRole(scene, "edge").filter((e): e is LineMark => e.type === "line");
      const weights = input.model.layers.reduce((s, l) => s + l.W.length, 0);
      expect(edges.length).toBe(weights);
      const drawn = edges.map((e) => {
        const name = /^(W\d+\[\d+,\d+\]) = /.exec(e.tooltip ?? "")![1];
        return { w: input.model.params[parseParam(input.model, name).index], stroke: e.stroke, width: e.strokeWidth! };
      });
      for (const d of drawn) signs.add(Math.sign(d.w));
      for (const d of drawn) expect(d.stroke, `weight ${d.w}`).toBe(d.w >= 0 ? PALETTE.positive : PALETTE.negative);
      const bySize = [...drawn].sort((p, q) => Math.abs(p.w) - Math.abs(q.w));
      for (let i = 1; i < bySize.length; i++) expect(bySize[i].width).toBeGreaterThanOrEqual(bySize[i - 1].width);
      expect(bySize[bySize.length - 1].width).toBeGreaterThan(bySize[0].width);
    }
    expect(signs, "the fixtures have weights of both signs").toEqual(new Set([1, -1]));
  });
});

describe("3-D axes", () => {
  /** Approximate screen boxes of text marks (DejaVu Sans ≈ 0.6 em per character). */
  const boxes = (scene: ReturnType<typeof VIEWS.surface>) =>
    allMarks(scene)
      .filter((m): m is TextMark => m.type === "text" && (m.role === "tick" || m.role === "axis-label"))
      .map((m) => {
        const w = [...m.text].length * (m.size ?? 13) * 0.6;
        const h = (m.size ?? 13) * 1.1;
        const [bw, bh] = m.rotate ? [h, w] : [w, h];
        return { text: m.text, x0: m.x - bw / 2, x1: m.x + bw / 2, y0: m.y - bh / 2, y1: m.y + bh / 2 };
      });
  it("tick values and axis titles never overlap, at any angle", () => {
    const circles = frozen("circles-three-neurons");
    for (const angle of [undefined, { azimuth: 0, elevation: 10 }, { azimuth: 120, elevation: 60 }, { azimuth: -80, elevation: 20 }]) {
      const scenes = [
        VIEWS.surface(gauss, { angle, resolution: 10 }),
        VIEWS["cost-surface"](oneFeature, { mode: "3d", angle, resolution: 8, params: ["W1[0,0]", "W1[1,0]"] }),
        VIEWS.hidden(circles, { angle }),
      ];
      for (const scene of scenes) {
        const b = boxes(scene);
        expect(b.length).toBeGreaterThan(6);
        for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
          const p = b[i];
          const q = b[j];
          const hit = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
          expect(hit, `"${p.text}" and "${q.text}" overlap`).toBe(false);
        }
      }
    }
  });
  it("tick values are round (at most 3 significant digits)", () => {
    const scene = VIEWS["cost-surface"](oneFeature, { mode: "3d", resolution: 8, params: ["W1[0,0]", "W1[1,0]"] });
    for (const m of marksWithRole(scene, "tick")) if (m.type === "text") expect(m.text.replace(/[−.-]/g, "").replace(/^0+/, "").length).toBeLessThanOrEqual(3);
  });
});

describe("network", () => {
  it("keeps a 5,000-edge network small, and says which faint edges it left out", () => {
    const moons = frozen("moons-deep");
    const scene = VIEWS.network(moons);
    expect(toSvg(scene).length).toBeLessThan(200_000);
    const sub = marksWithRole(scene, "subtitle").map((m) => (m.type === "text" ? m.text : "")).join(" ");
    expect(sub).toMatch(/not drawn/);
  });
});

describe("hidden piles", () => {
  it("counts the same piles in the 3-D cube however it is turned", () => {
    // Trained as its file says (L-BFGS converges at epoch 115): the inner disc piles up in one corner.
    const circles = frozen("circles-three-neurons-converged");
    const countsAt = (azimuth: number): string[] =>
      marksWithRole(VIEWS.hidden(circles, { angle: { azimuth, elevation: 30 } }), "pile-count")
        .flatMap((m) => (m.type === "text" ? [m.text] : []))
        .sort();
    const first0 = countsAt(0);
    expect(first0.length).toBeGreaterThan(0);
    for (let az = 15; az < 360; az += 15) expect(countsAt(az), `azimuth ${az}`).toEqual(first0);
  });

  it("labels each pile of same-coloured dots with its count, and only piles of at least 3 samples and 3% of them", () => {
    const dot = (cx: number, cy: number, fill: string): CircleMark => ({ type: "circle", cx, cy, r: 4, fill, role: "sample train" });
    const dots: CircleMark[] = [
      ...Array.from({ length: 12 }, (_, i) => dot(100 + (i % 3), 100 + (i % 2), "#E69F00")), // a pile of 12 within 3 px
      ...Array.from({ length: 5 }, (_, i) => dot(101, 99 + (i % 2), "#0072B2")), // another colour on the same spot: its own pile
      dot(300, 300, "#E69F00"), dot(300.5, 300, "#E69F00"), // 2: too few to label
      ...Array.from({ length: 40 }, (_, i) => dot(20 + 9 * i, 400, "#E69F00")), // spread out: no pile
    ];
    const labels = pileLabels(dots, [250, 250]).filter((m): m is TextMark => m.type === "text");
    expect(labels.map((m) => [m.text, m.fill]).sort()).toEqual([["×12", "#E69F00"], ["×5", "#0072B2"]]);
    // Set off towards the plot's centre, not on the pile.
    for (const m of labels) expect(Math.hypot(m.x - 100, m.y - 100)).toBeGreaterThan(8);
  });

  it("counts the samples that saturated sigmoid units pile into the corners of the hidden square", () => {
    const scene = VIEWS.hidden(gauss);
    const counts = marksWithRole(scene, "pile-count").filter((m): m is TextMark => m.type === "text");
    expect(counts.length).toBeGreaterThan(0);
    const dots = marksWithRole(scene, "sample") as CircleMark[];
    for (const c of counts) {
      const n = Number(/^×(\d+)$/.exec(c.text)![1]);
      expect(n).toBeGreaterThanOrEqual(3);
      // No pile holds more dots of its colour than the picture has.
      expect(n).toBeLessThanOrEqual(dots.filter((d) => (d.fill === "#ffffff" ? d.stroke : d.fill) === c.fill).length);
    }
  });
});
