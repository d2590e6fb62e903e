/**
 * examples/moons-deep.json reproduces the NumPy walkthrough: the same data, the same seeded
 * initialisation, the same 10,000 full-batch epochs. Reference numbers come from running the
 * article's own NumPy code (scripts/reference/moons_deep.py → test/fixtures/moons-deep-reference.json).
 * The full 10,000 epochs (most of a minute) run apart: test/golden/moons-deep.golden.ts, `npm run test:golden`.
 */
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { fixture, flatLayers, maxRelativeError, ROOT } from "../helpers.ts";

const ref = fixture("moons-deep-reference.json");
const load = () => loadExperiment(`${ROOT}/examples/moons-deep.json`);

describe("moons-deep: the NumPy walkthrough", () => {
  it("draws the walkthrough's initial parameters (np.random.seed(2), randn · 0.1, W then b per layer)", () => {
    const { model } = load();
    expect(maxRelativeError(model.params, flatLayers(ref.initialLayers))).toBeLessThan(1e-15);
  });

  it("matches NumPy after 1 and 100 epochs", () => {
    for (const epochs of [1, 100]) {
      const p = load();
      runExperiment(p, { epochs });
      expect(maxRelativeError(p.model.params, flatLayers(ref.paramsAfter[String(epochs)]))).toBeLessThan(1e-12);
    }
  });
});
