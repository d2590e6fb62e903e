/**
 * The 10,000-epoch moons-deep run against the NumPy walkthrough (scripts/reference/moons_deep.py →
 * test/fixtures/moons-deep-reference.json): the same loss curve, the same parameters to 1e-9.
 * It takes most of a minute, so it runs apart from `npm test`: `npm run test:golden` (CI runs both;
 * test/walkthroughs/moons-deep.test.ts checks epochs 1 and 100 in every `npm test`).
 */
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { fixture, flatLayers, maxRelativeError, ROOT } from "../helpers.ts";

const ref = fixture("moons-deep-reference.json");
const load = () => loadExperiment(`${ROOT}/examples/moons-deep.json`);

describe("moons-deep: the NumPy walkthrough, all of it", () => {
  it("after 10,000 epochs: the same loss curve, the same parameters to 1e-9, train accuracy 0.969, test accuracy 0.98", { timeout: 600_000 }, () => {
    const p = load();
    const { result } = runExperiment(p);
    const h = result.history;
    expect(h.loss[0]).toBeCloseTo(0.693648, 6);
    for (const mark of ref.marks as { epoch: number; cost: number; accuracy: number }[]) {
      expect(Math.abs(h.loss[mark.epoch - 1] - mark.cost) / mark.cost).toBeLessThan(1e-9);
      expect(h.accuracy[mark.epoch - 1]).toBe(mark.accuracy);
    }
    expect(maxRelativeError(p.model.params, flatLayers(ref.layers))).toBeLessThan(1e-9);
    const train = evaluate(p.model, p.data.X.data, p.data.Y, p.data.X.rows);
    const test = evaluate(p.model, p.data.testX!.data, p.data.testY!, p.data.testX!.rows);
    expect(train.loss).toBeCloseTo(0.0743, 4);
    expect(Math.abs(train.loss - ref.final.trainCost) / ref.final.trainCost).toBeLessThan(1e-9);
    expect(train.accuracy).toBeCloseTo(0.969, 3);
    expect(test.accuracy).toBe(0.98);
    expect(h.testAccuracy).toHaveLength(10_000);
  });
});
