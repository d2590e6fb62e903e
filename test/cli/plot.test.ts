/**
 * `glassbox plot`, `animate`, `steps --out .html/.png` and `gallery` end to end: what is written
 * decodes to what was asked for (size, frames), and mistakes give one line, exit 2, no file.
 */
import { existsSync, readdirSync, renameSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { VIEW_NAMES, type ViewName } from "../../src/viz/index.ts";
import { svgToPng } from "../../src/render/png.ts";
import { parseXml, withClass } from "../viz/xml.ts";
import { ANIMATION_NAMES } from "../../src/animate/index.ts";
import { ROOT } from "../helpers.ts";
import { captureEachTest } from "./capture.ts";
import { decodeGif, decodePng } from "../render/decode.ts";

const c = captureEachTest("glassbox-plot-");

const ex = (name: string) => join(ROOT, "examples", name);
/** A small 2-D classification with a 3-neuron hidden layer: every view and animation applies. */
function experiment(json: unknown = { data: { dataset: "moons", samples: 80, seed: 1, testFraction: 0.25 }, model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { optimizer: "adam", learningRate: 0.05, epochs: 60 } }): string {
  const f = join(c.dir, "exp.json");
  writeFileSync(f, JSON.stringify(json));
  return f;
}
const files = () => readdirSync(c.dir).filter((f) => f !== "exp.json").sort();
function expectOneLineError(code: number, text: string | RegExp): void {
  expect(code).toBe(2);
  const e = c.err.join("");
  expect(e).toMatch(text);
  expect(e.trim().split("\n")).toHaveLength(1);
}

describe("glassbox plot", () => {
  it("writes a PNG of the requested size", async () => {
    const target = join(c.dir, "b.png");
    expect(await run(["plot", "boundary", experiment(), "--out", target, "--width", "300", "--height", "200"])).toBe(0);
    const png = decodePng(readFileSync(target));
    expect([png.width, png.height]).toEqual([300, 200]);
    expect(files()).toEqual(["b.png"]);
  });

  /** What each view draws that no other view does (its marks' class words): the file holds the view asked for. */
  const DRAWS = {
    data: ["sample", "train"],
    activation: ["curve", "function"],
    neurons: ["curve", "neuron-1"],
    "cost-slice": ["minimum"],
    "cost-surface": ["current"],
    trajectory: ["series", "param-0"],
    boundary: ["contour"],
    hidden: ["cube"],
    surface: ["mesh"],
    network: ["edge"],
    history: ["series", "loss"],
    steps: ["cell", "highlight"],
    perceptron: ["weight"],
    blueprint: ["stage", "update"],
    shapes: ["shape"],
    "forward-shapes": ["matrix"],
    "layer-pass": ["stage", "backward"],
  } satisfies Record<ViewName, string[]>;

  it.each(VIEW_NAMES.filter((v) => v !== "neurons"))("draws %s as SVG from an experiment file", async (view) => {
    const target = join(c.dir, `${view}.svg`);
    expect(await run(["plot", view, experiment(), "--out", target, "--width", "500"])).toBe(0);
    const root = parseXml(readFileSync(target, "utf8"));
    expect(root.attrs.width).toBe("500");
    expect(withClass(root, ...DRAWS[view]).length, `${view} draws ${DRAWS[view].join(" ")}`).toBeGreaterThan(0);
  });

  it("draws the 1-D views of one-feature: the PNG is the SVG rasterised, both neurons' curves, the slice over the range asked for", async () => {
    for (const [view, extra] of [["neurons", []], ["cost-slice", ["--param", "W1[0,0]", "--range", "-100,100"]]] as const) {
      const png = join(c.dir, `${view}.png`);
      const svgFile = join(c.dir, `${view}.svg`);
      expect(await run(["plot", view, ex("one-feature.json"), "--epochs", "2000", "--out", png, ...extra])).toBe(0);
      expect(await run(["plot", view, ex("one-feature.json"), "--epochs", "2000", "--out", svgFile, ...extra])).toBe(0);
      const svg = readFileSync(svgFile, "utf8");
      expect(decodePng(readFileSync(png)).width).toBe(800);
      expect(Buffer.compare(readFileSync(png), svgToPng(svg))).toBe(0);
      const root = parseXml(svg);
      if (view === "neurons") for (const k of [1, 2]) expect(withClass(root, "curve", `neuron-${k}`)).toHaveLength(1);
      else {
        const ticks = withClass(root, "tick").map((t) => t.text);
        expect(ticks).toContain("−100");
        expect(ticks).toContain("100");
        expect(withClass(root, "minimum").length).toBeGreaterThan(0);
      }
    }
  });

  it("draws a run file with the experiment it came from, and says so when that is missing", async () => {
    const f = experiment();
    const runFile = join(c.dir, "run.json");
    expect(await run(["train", f, "--out", runFile])).toBe(0);
    expect(JSON.parse(readFileSync(runFile, "utf8")).experiment).toBe("exp.json"); // relative to the run file
    expect(await run(["plot", "boundary", runFile, "--out", join(c.dir, "b.png")])).toBe(0);
    expect(await run(["plot", "history", runFile, "--experiment", f, "--out", join(c.dir, "h.png")])).toBe(0);
    renameSync(f, join(c.dir, "moved.json"));
    c.err.length = 0;
    expectOneLineError(await run(["plot", "boundary", runFile, "--out", join(c.dir, "c.png")]), /exp\.json/);
    expect(files()).toEqual(["b.png", "h.png", "moved.json", "run.json"]);
  });

  it.each([
    ["an unknown view", ["plot", "boundry", "EXP", "--out", "OUT/x.png"], `unknown view "boundry": choose one of ${VIEW_NAMES.join(", ")}`],
    ["a wrong extension", ["plot", "boundary", "EXP", "--out", "OUT/x.jpg"], 'the file name must end in .svg or .png'],
    ["a view that does not apply", ["plot", "neurons", "EXP", "--out", "OUT/x.png"], '"neurons" needs 1 input feature; this model has 2'],
    ["an unknown parameter", ["plot", "cost-slice", "EXP", "--param", "W9[0,0]", "--out", "OUT/x.png"], /parameter "W9\[0,0\]" names layer 9.*valid names: W1\[0..2, 0..1\]/],
    ["a bad --mode", ["plot", "cost-surface", "EXP", "--mode", "4d", "--out", "OUT/x.png"], /--mode must be one of heatmap, 3d/],
    ["a missing file", ["plot", "data", "OUT/nope.json", "--out", "OUT/x.png"], /cannot read file .*nope.json/],
  ])("rejects %s: one line, exit 2, nothing written", async (_what, args, expected) => {
    const f = experiment();
    const code = await run(args.map((a) => a.replace("EXP", f).replace("OUT", c.dir)));
    expectOneLineError(code, expected instanceof RegExp ? expected : new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    expect(files()).toEqual([]);
  });
});

describe("glassbox animate", () => {
  it("writes a GIF with the requested number of frames, which differ, and the frames as PNGs", async () => {
    const gif = join(c.dir, "t.gif");
    const frames = join(c.dir, "frames");
    expect(await run(["animate", "training", experiment(), "--out", gif, "--frames", "6", "--frames-dir", frames, "--width", "320", "--height", "240"])).toBe(0);
    const g = decodeGif(readFileSync(gif));
    expect([g.width, g.height]).toEqual([320, 240]);
    expect(g.frames).toHaveLength(6);
    expect(g.loop).toBe(0);
    expect(Buffer.compare(Buffer.from(g.frames[0]), Buffer.from(g.frames[5]))).not.toBe(0);
    const pngs = readdirSync(frames).sort();
    expect(pngs).toEqual(["training-01.png", "training-02.png", "training-03.png", "training-04.png", "training-05.png", "training-06.png"]);
    expect(decodePng(readFileSync(join(frames, pngs[0]))).width).toBe(320);
  });

  it.each(ANIMATION_NAMES.filter((a) => a !== "training"))("makes %s", async (name) => {
    const gif = join(c.dir, `${name}.gif`);
    expect(await run(["animate", name, experiment(), "--out", gif, "--frames", "4", "--width", "300", "--height", "260"])).toBe(0);
    const g = decodeGif(readFileSync(gif));
    expect(g.frames).toHaveLength(4);
    expect(Buffer.compare(Buffer.from(g.frames[0]), Buffer.from(g.frames[3]))).not.toBe(0);
  });

  it.each([
    ["an unknown animation", ["animate", "spin", "EXP", "--out", "OUT/x.gif"], `unknown animation "spin": choose one of ${ANIMATION_NAMES.join(", ")}`],
    ["a wrong extension", ["animate", "training", "EXP", "--out", "OUT/x.png"], "the file name must end in .gif"],
    ["no output", ["animate", "training", "EXP"], "--out file.gif and/or --frames-dir DIR"],
    ["an animation that does not apply", ["animate", "hidden-morph", "ONE", "--out", "OUT/x.gif"], '"hidden-morph" needs 2 input features; this model has 1'],
  ])("rejects %s: one line, exit 2, nothing written", async (_what, args, expected) => {
    const f = experiment();
    const code = await run(args.map((a) => a.replace("EXP", f).replace("ONE", ex("one-feature.json")).replace("OUT", c.dir)));
    expectOneLineError(code, new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    expect(files()).toEqual([]);
  });
});

describe("glassbox steps --out .html / .png", () => {
  it("writes one HTML page with every step", async () => {
    const target = join(c.dir, "steps.html");
    expect(await run(["steps", ex("twelve-steps.json"), "--out", target])).toBe(0);
    const html = readFileSync(target, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('id="step-1"');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(12);
  });

  it("writes one PNG per step, numbered", async () => {
    expect(await run(["steps", ex("twelve-steps.json"), "--out", join(c.dir, "pics", "steps.png")])).toBe(0);
    const all = readdirSync(join(c.dir, "pics")).sort();
    // The twelve-steps example: its twelve steps, then what 5,000 iterations reach.
    expect(all).toContain("steps-after.png");
    const pngs = all.filter((f) => f !== "steps-after.png");
    expect(pngs.length).toBe(12);
    expect(pngs[0]).toBe("steps-01.png");
    expect(pngs.every((f, i) => f === `steps-${String(i + 1).padStart(2, "0")}.png`)).toBe(true);
    expect(decodePng(readFileSync(join(c.dir, "pics", pngs[0]))).width).toBeGreaterThan(100);
  });

  it("rejects another extension", async () => {
    expectOneLineError(await run(["steps", ex("twelve-steps.json"), "--out", join(c.dir, "steps.txt")]), /must end in \.json or \.html or \.png/);
    expect(files()).toEqual([]);
  });
});

describe("glassbox gallery", () => {
  it("draws an example's pictures and an index that shows every one of them", async () => {
    const g = join(c.dir, "gallery");
    expect(await run(["gallery", "--out", g, "--only", "three-classes,gauss-two-neurons", "--epochs", "5", "--frames", "3"])).toBe(0);
    const html = readFileSync(join(g, "index.html"), "utf8");
    const shown = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThanOrEqual(7);
    for (const f of shown) expect(existsSync(join(g, f))).toBe(true);
    expect(shown).toContain("gauss-two-neurons-hidden-morph.gif");
    expect(decodeGif(readFileSync(join(g, "gauss-two-neurons-hidden-morph.gif"))).frames).toHaveLength(3);
    expect(readdirSync(g).some((f) => f.endsWith(".tmp"))).toBe(false);
    // drawn one after another in this process (--jobs 1), the same files, byte for byte, as side by side in two
    const one = join(c.dir, "gallery-one");
    expect(await run(["gallery", "--out", one, "--only", "three-classes,gauss-two-neurons", "--epochs", "5", "--frames", "3", "--jobs", "1"])).toBe(0);
    expect(readdirSync(one).sort()).toEqual(readdirSync(g).sort());
    for (const f of readdirSync(g)) expect(readFileSync(join(one, f)).equals(readFileSync(join(g, f))), f).toBe(true);
  });

  it("rejects an unknown example", async () => {
    expectOneLineError(await run(["gallery", "--out", join(c.dir, "g"), "--only", "moons"]), /--only: unknown example "moons": choose from .*one-feature, moons-deep/);
    expect(files()).toEqual([]);
  });
});
