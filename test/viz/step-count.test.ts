/** `stepCount` says how many scenes `stepScenes` draws, in both layouts, without drawing them. */
import { describe, expect, it } from "vitest";
import { createModel, trace } from "../../src/index.ts";
import { stepCount, stepScenes, stepsLayout } from "../../src/viz/index.ts";
import { frozen } from "./setup.ts";

describe("stepCount", () => {
  it("is the number of scenes stepScenes draws, for the article's layout and the trace's", () => {
    const tr = frozen("twelve-steps").trace!;
    expect(stepsLayout(tr)).toBe("article");
    for (const layout of ["article", "trace"] as const) expect(stepCount(tr, { layout }), layout).toBe(stepScenes(tr, { layout }).length);
    expect(stepCount(tr, { layout: "article" })).toBe(12);
  });

  it("counts a deeper network's computed steps, which do not fit the article's twelve", () => {
    const m = createModel({ inputSize: 3, layers: [{ units: 4, activation: "tanh" }, { units: 2, activation: "relu" }, { units: 1, activation: "sigmoid" }], loss: "binary-crossentropy", classes: [0, 1] });
    const X = new Float64Array(5 * 3).map((_, i) => Math.cos(i));
    const Y = new Float64Array(5).map((_, i) => i % 2);
    const tr = trace(m, X, Y, 5, { learningRate: 0.1 });
    expect(stepsLayout(tr)).toBe("trace");
    expect(stepCount(tr)).toBe(stepScenes(tr).length);
    expect(stepCount(tr)).toBe(tr.steps.filter((s) => s.phase !== "given").length);
  });
});
