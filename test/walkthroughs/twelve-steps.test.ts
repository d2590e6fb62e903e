/**
 * examples/twelve-steps.json: the trace of the first iteration equals an independent NumPy
 * computation of the article's twelve steps (scripts/reference/twelve_steps.py), and 5,000
 * iterations bring the outputs towards [1, 1, 0].
 */
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { predictOutput } from "../../src/nn/predict.ts";
import { trace, type Trace } from "../../src/nn/trace.ts";
import { afterTraining } from "../../src/cli/commands/pictures.ts";
import { marksWithRole, stepScenes, stepsHtml, twelveSteps } from "../../src/viz/index.ts";
import { fixture, flatLayers, maxRelativeError, ROOT } from "../helpers.ts";

const ref = fixture("twelve-steps-reference.json");
const first = ref.firstIteration;
const file = `${ROOT}/examples/twelve-steps.json`;

function step(t: Trace, name: string): number[] {
  const s = t.steps.find((x) => x.name === name);
  if (!s) throw new Error(`no step ${name}`);
  return s.value.flat();
}
const neg = (m: number[][]) => m.flat().map((v) => -v);

describe("twelve steps of one iteration", () => {
  const { model, data, config } = loadExperiment(file);
  const t = trace(model, data.X.data, data.Y, data.X.rows, { learningRate: config.learningRate!, reduction: config.reduction, optimizer: "gd" });

  it("lists every matrix in order, each with a formula and its sources", () => {
    const names = t.steps.map((s) => s.name);
    expect(names.indexOf("Z1")).toBeLessThan(names.indexOf("A1"));
    expect(names.indexOf("A2")).toBeLessThan(names.indexOf("loss"));
    expect(names.indexOf("dZ2")).toBeLessThan(names.indexOf("dA1"));
    expect(names.indexOf("dZ1")).toBeLessThan(names.indexOf("W1'"));
    for (const s of t.steps) {
      expect(s.formula.length).toBeGreaterThan(0);
      for (const input of s.inputs) expect(names.indexOf(input), `${s.name} ← ${input}`).toBeLessThan(names.indexOf(s.name));
    }
  });

  it("computes each step as NumPy does", () => {
    const eq = (ours: number[], theirs: number[]) => expect(maxRelativeError(ours, theirs, 1e-300)).toBeLessThan(1e-13);
    eq(step(t, "Z1"), first.hiddenInput_Z1.flat());
    eq(step(t, "A1"), first.hiddenActivation_A1.flat());
    eq(step(t, "Z2"), first.outputInput_Z2.flat());
    eq(step(t, "A2"), first.output_A2.flat());
    eq(step(t, "dA2"), neg(first.error_E)); // sse: ∂ℓ/∂a = a − y = −E
    eq(step(t, "f'(Z2)"), first.slopeOutput.flat());
    eq(step(t, "f'(Z1)"), first.slopeHidden.flat());
    eq(step(t, "dZ2"), neg(first.deltaOutput));
    eq(step(t, "dA1"), neg(first.errorHidden));
    eq(step(t, "dZ1"), neg(first.deltaHidden));
    expect(step(t, "loss")[0]).toBeCloseTo(first.lossBefore, 15);
    eq([...step(t, "W1'"), ...step(t, "b1'"), ...step(t, "W2'"), ...step(t, "b2'")], flatLayers(first.updated));
  });

  it("numbers the iteration as the article does: twelve steps, its names, E = y − output", () => {
    const a = twelveSteps(t)!;
    expect(a.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const results = a.steps.map((s) => s.equations.map((e) => e.result).filter(Boolean));
    expect(results).toEqual([
      [], [], ["hidden_layer_input"], ["hiddenlayer_activations"], ["output_layer_input", "output"], ["E"],
      ["slope_output_layer", "slope_hidden_layer"], ["d_output"], ["Error_at_hidden_layer"], ["d_hiddenlayer"],
      ["wout (new)", "wh (new)"], ["bh (new)", "bout (new)"],
    ]);
    expect(a.steps[5].equations[0].formula).toBe("E = y − output");
    expect(a.steps[5].note).toMatch(/negative of the loss's gradient dA2 = output − y/);
    // Step 2 is the initialisation table, in the article's orientation (wh: inputs × hidden).
    expect(a.steps[1].equations[0].sources).toEqual(["wh", "bh", "wout", "bout"]);
    const init = ref.initial as { W: number[][]; b: number[] }[];
    expect(a.matrices.wh).toEqual(init[0].W[0].map((_, k) => init[0].W.map((r) => r[k])));
    expect(a.matrices.bh).toEqual([init[0].b]);
    expect(a.matrices.wout).toEqual(init[1].W[0].map((v) => [v]));
    expect(a.matrices.bout).toEqual([init[1].b]);
    // With the article's signs, every matrix is NumPy's own.
    const eq = (ours: number[][], theirs: number[] | number[][]) => expect(maxRelativeError(ours.flat(), theirs.flat(), 1e-300)).toBeLessThan(1e-13);
    eq(a.matrices.hidden_layer_input, first.hiddenInput_Z1);
    eq(a.matrices.output, first.output_A2);
    eq(a.matrices.E, first.error_E);
    eq(a.matrices.d_output, first.deltaOutput);
    eq(a.matrices.Error_at_hidden_layer, first.errorHidden);
    eq(a.matrices.d_hiddenlayer, first.deltaHidden);
    const T = (m: number[][]) => m[0].map((_, k) => m.map((r) => r[k]));
    eq(a.matrices["wh (new)"], T(first.updated[0].W));
    eq(a.matrices["wout (new)"], T(first.updated[1].W));
    eq(a.matrices["bh (new)"], first.updated[0].b);
    eq(a.matrices["bout (new)"], first.updated[1].b);
  });

  it("draws twelve pictures titled Step 1 of 12 … Step 12 of 12, one HTML heading each", () => {
    const scenes = stepScenes(t);
    expect(scenes.map((s) => s.title!.replace(/:.*/, ""))).toEqual(Array.from({ length: 12 }, (_, k) => `Step ${k + 1} of 12`));
    for (const s of scenes.slice(2)) expect(marksWithRole(s, "cell", "highlight").length).toBe(s === scenes[4] || s === scenes[6] || s === scenes[10] || s === scenes[11] ? 2 : 1);
    const html = stepsHtml(t);
    expect(html.match(/<h2>Step \d+ of 12/g)).toHaveLength(12);
    expect(html).not.toMatch(/<text[^>]*>Step \d+ of/);
  });

  it("after 5,000 iterations the outputs are the article's ≈ [0.98, 0.97, 0.05]", () => {
    const a = afterTraining(file);
    expect(a.iterations).toBe(5000);
    expect(a.targets).toEqual([1, 1, 0]);
    // The article: [[0.98032096] [0.96845624] [0.04532167]] (from its own starting values).
    const article = [0.98032096, 0.96845624, 0.04532167];
    a.outputs.forEach((v, k) => expect(Math.abs(v - article[k])).toBeLessThan(0.01));
    expect(maxRelativeError(a.outputs, ref.final.outputs.flat())).toBeLessThan(1e-10);
  });

  it("after 5,000 iterations the outputs approach [1, 1, 0]", () => {
    const p = loadExperiment(file);
    const { result } = runExperiment(p);
    for (const mark of ref.losses as { iteration: number; loss: number }[]) {
      expect(maxRelativeError([result.history.loss[mark.iteration - 1]], [mark.loss])).toBeLessThan(1e-10);
    }
    const out = Array.from(predictOutput(p.model, p.data.X).data);
    expect(maxRelativeError(out, ref.final.outputs.flat())).toBeLessThan(1e-10);
    expect(out[0]).toBeGreaterThan(0.95);
    expect(out[1]).toBeGreaterThan(0.95);
    expect(out[2]).toBeLessThan(0.06);
  });
});
