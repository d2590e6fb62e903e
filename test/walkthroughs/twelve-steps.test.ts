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
