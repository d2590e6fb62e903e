/** Examples trained briefly, once per test file, as every view test's input. */
import { fileURLToPath } from "node:url";
import { loadExperiment, runExperiment, trace } from "../../src/index.ts";
import type { ViewInput } from "../../src/viz/index.ts";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

/** Few epochs: enough to move the parameters, quick enough for the whole suite. */
export const EPOCHS: Record<string, number> = {
  "one-feature": 400,
  "twelve-steps": 50,
  "gauss-two-neurons": 15,
  "circles-three-neurons": 15,
  "three-classes": 15,
  "spiral-layers": 5,
  "moons-deep": 4,
};

export function example(name: string, epochs = EPOCHS[name]): ViewInput {
  const p = loadExperiment(`${EXAMPLES}${name}.json`);
  const step = Math.max(1, Math.floor(epochs / 10));
  p.config.paramsAt = Array.from({ length: 11 }, (_, i) => i * step).filter((e) => e <= epochs);
  const tr = trace(p.model, p.data.X.data, p.data.Y, p.data.X.rows, { learningRate: p.config.learningRate ?? 0.01, reduction: p.config.reduction });
  const { run } = runExperiment(p, { epochs });
  return { model: p.model, split: p.split, run, trace: tr, prepared: p };
}
