/** The package's entry point exposes what the CLI uses: train, trace, every view, PNG and GIF. */
import { describe, expect, it } from "vitest";
import * as glassbox from "../src/index.ts";
import { ROOT } from "./helpers.ts";

describe("the library entry point", () => {
  it("trains an example, draws every view that applies and rasterises one", () => {
    const p = glassbox.loadExperiment(`${ROOT}/examples/one-feature.json`);
    const { run } = glassbox.runExperiment(p, { epochs: 300 });
    const input = { model: p.model, split: p.split, run, trace: glassbox.trace(p.model, p.data.X.data, p.data.Y, p.data.X.rows, { learningRate: 0.1 }) };
    const drawn = glassbox.VIEW_NAMES.filter((v) => glassbox.viewApplies(v, input) === null);
    expect(drawn).toEqual(expect.arrayContaining(["data", "neurons", "cost-slice", "boundary", "network", "history", "steps"]));
    for (const v of drawn) expect(glassbox.toSvg(glassbox.drawView(v, input, { param: "W1[0,0]" }))).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const png = glassbox.svgToPng(glassbox.toSvg(glassbox.drawView("neurons", input, { width: 400, height: 300 })));
    expect(Array.from(png.subarray(1, 4), (c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(glassbox.ANIMATION_NAMES).toEqual(["training", "hidden-morph", "rotate", "cost-landscape", "trajectory"]);
  });

  it("spells the API one way (initialize and classColor, as Optimizer and minimizeLbfgs), keeping initialise and classColour as aliases", () => {
    const a = glassbox.createNetwork(2, [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
    const b = glassbox.cloneNetwork(a);
    glassbox.initialize(a, { scheme: "he", seed: 7 });
    glassbox.initialise(b, { scheme: "he", seed: 7 });
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(a.params.some((v) => v !== 0)).toBe(true);
    expect(glassbox.initialise).toBe(glassbox.initialize);
    expect(glassbox.classColour).toBe(glassbox.classColor);
    // Every exported name in American spelling (color, initialize, optimize), but the deprecated aliases.
    const british = Object.keys(glassbox).filter((k) => /colour|initialis|optimis|minimis|normalis/i.test(k));
    expect(british.sort()).toEqual(["classColour", "initialise"]);
  });
});
