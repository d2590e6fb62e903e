/**
 * Writes the frozen inputs of the picture tests (test/fixtures/views/<case>.json): an example
 * trained for a few epochs, then its model (weights), data, run (history and parameter
 * snapshots) and one iteration's trace, as JSON. The tests draw from these files and train
 * nothing, so a numeric change in the engine does not move every picture snapshot: the pictures
 * change only when the drawing code does (Observable Plot's snapshot tests, d3-contour's
 * test/output). Run `npx tsx scripts/freeze-view-fixtures.ts` to write the missing files;
 * `--force` rewrites existing ones (then review and rewrite the snapshots: `npx vitest run test/viz -u`).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadExperiment } from "../src/cli/experiment-file.ts";
import { runExperiment } from "../src/experiment/run.ts";
import { modelToJson } from "../src/nn/serialize.ts";
import { trace } from "../src/nn/trace.ts";
import type { LabeledData } from "../src/data/types.ts";
import { VIEW_FIXTURES, type ViewFixture } from "../test/viz/fixture-cases.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = `${ROOT}test/fixtures/views/`;
/** A trace of more values than this is left out (the steps view then refuses, as it does without one): the step tests need only the small examples' traces. */
const MAX_TRACE_VALUES = 2_000;

const rows = (d: LabeledData) => ({ X: Array.from({ length: d.X.rows }, (_, i) => Array.from(d.X.data.subarray(i * d.X.cols, (i + 1) * d.X.cols))), y: d.y });
/** JSON has no NaN (a regression's accuracy): written as null. */
const noNaN = (a: number[] | undefined) => a?.map((v) => (Number.isNaN(v) ? null : v));

function freeze(name: string, c: ViewFixture): unknown {
  const p = loadExperiment(`${ROOT}examples/${c.example}.json`);
  const step = Math.max(1, Math.floor(c.epochs / 10));
  p.config.paramsAt = c.snapshots ?? Array.from({ length: 11 }, (_, i) => i * step).filter((e) => e <= c.epochs);
  const tr = trace(p.model, p.data.X.data, p.data.Y, p.data.X.rows, { learningRate: p.config.learningRate ?? 0.01, reduction: p.config.reduction });
  const { run } = runExperiment(p, { epochs: c.epochs });
  const traceValues = tr.steps.reduce((s, st) => s + st.value.length * (st.value[0]?.length ?? 0), 0);
  const h = run.history!;
  return {
    generator: "scripts/freeze-view-fixtures.ts",
    case: name,
    example: `examples/${c.example}.json`,
    epochs: c.epochs,
    model: modelToJson(p.model),
    split: { featureNames: p.split.featureNames, targetName: p.split.targetName, train: rows(p.split.train), test: p.split.test ? rows(p.split.test) : null },
    run: { history: { ...h, accuracy: noNaN(h.accuracy), testAccuracy: noNaN(h.testAccuracy) }, snapshots: run.snapshots },
    trace: traceValues <= MAX_TRACE_VALUES ? tr : null,
  };
}

mkdirSync(OUT, { recursive: true });
const force = process.argv.includes("--force");
for (const [name, c] of Object.entries(VIEW_FIXTURES)) {
  const file = `${OUT}${name}.json`;
  if (existsSync(file) && !force) {
    console.log(`${name}: kept (--force rewrites it)`);
    continue;
  }
  writeFileSync(file, JSON.stringify(freeze(name, c)) + "\n");
  console.log(`${name}: written`);
}
