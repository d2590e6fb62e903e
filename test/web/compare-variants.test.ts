/** What "Compare" trains: each series' changes to the set-up, and to a walkthrough's experiment file. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { FILE_VARY_KEYS, presetVariants, VARY_KEYS, VARY_VALUES, variantExperiment } from "../../src/web/compare.ts";
import { defaultSetup, toExperiment, type ExperimentJson } from "../../src/web/setup.ts";
import { ROOT } from "../helpers.ts";

const hidden = (json: ExperimentJson): number[] => (json.model as { layers: { units: number }[] }).layers.slice(0, -1).map((l) => l.units);

describe("Compare's series", () => {
  const setup = defaultSetup();

  it("are the articles': 1, 2, 3, 6, 8, 30 neurons; four activations; 8 neurons as 1×8, 2×4, 4×2", () => {
    expect(presetVariants(setup, "neurons", "neurons", []).map((v) => hidden(variantExperiment(setup, null, v)))).toEqual([[1], [2], [3], [6], [8], [30]]);
    const acts = presetVariants(setup, "activation", "neurons", []).map((v) => variantExperiment(setup, null, v).model as { layers: { activation: string }[] });
    expect(acts.map((m) => m.layers[0].activation)).toEqual(["relu", "tanh", "sigmoid", "linear"]);
    // Only the hidden layers change; the output stays the page's.
    for (const m of acts) expect(m.layers.at(-1)).toEqual({ units: 1, activation: "sigmoid" });
    expect(presetVariants(setup, "depth", "neurons", []).map((v) => hidden(variantExperiment(setup, null, v)))).toEqual([[8], [4, 4], [2, 2, 2, 2]]);
  });

  it("vary one setting and nothing else, at most six values", () => {
    const base = toExperiment(setup, 1);
    const lr = presetVariants(setup, "custom", "learningRate", [0.003, 0.03, 0.3]).map((v) => variantExperiment(setup, null, v));
    expect(lr.map((e) => (e.train as { learningRate: number }).learningRate)).toEqual([0.003, 0.03, 0.3]);
    expect(lr.map((e) => ({ ...e, train: { ...(e.train as object), learningRate: 0 } }))).toEqual(lr.map(() => ({ ...base, train: { ...(base.train as object), learningRate: 0 } })));
    expect(presetVariants(setup, "custom", "neurons", VARY_VALUES.neurons)).toHaveLength(6);
    // Every value of every setting is an experiment the engine accepts.
    for (const key of VARY_KEYS) for (const value of VARY_VALUES[key]) {
      const [v] = presetVariants(setup, "custom", key, [value]);
      expect(() => validateExperiment(variantExperiment(setup, null, v)), `${key} ${value}`).not.toThrow();
    }
  });

  it("change a walkthrough's own experiment file the same way, and every variant of every file validates", () => {
    const dir = join(ROOT, "examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const file = JSON.parse(readFileSync(join(dir, f), "utf8")) as ExperimentJson;
      const output = (file.model as { layers: unknown[] }).layers.at(-1);
      for (const key of FILE_VARY_KEYS) for (const value of VARY_VALUES[key]) {
        const [v] = presetVariants(setup, "custom", key, [value]);
        const json = variantExperiment(setup, file, v);
        expect(() => validateExperiment(json), `${f}: ${key} ${value}`).not.toThrow();
        expect((json.model as { layers: unknown[] }).layers.at(-1), f).toEqual(output);
        if (key === "neurons") expect(hidden(json)).toEqual([value]);
        if (key === "learningRate" && (json.train as { optimizer?: string }).optimizer !== "lbfgs") expect((json.train as { learningRate: number }).learningRate).toBe(value);
      }
    }
  });
});
