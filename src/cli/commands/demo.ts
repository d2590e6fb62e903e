/**
 * `glassbox demo`: the main job on built-in data, in the terminal. Trains the NumPy walkthrough's moons network
 * (examples/moons-deep.json) and shows what it learned: the loss falling and the boundary it drew.
 */
import { join } from "node:path";
import { evaluate } from "../../nn/evaluate.ts";
import { loadExperiment } from "../experiment-file.ts";
import { textBoundary } from "../text-boundary.ts";
import { fmt, metricsLine } from "../format.ts";
import { trainWithProgress } from "../progress.ts";
import { PACKAGE_ROOT } from "../package-root.ts";

export const DEMO_EXPERIMENT = join(PACKAGE_ROOT, "examples", "moons-deep.json");

export function demoCommand(flags: { epochs?: number }, print: (line: string) => void = console.log): void {
  const prepared = loadExperiment(DEMO_EXPERIMENT);
  const { model, data, split, config } = prepared;
  const epochs = flags.epochs ?? config.epochs;
  print(`Glassbox demo: ${prepared.experiment.name}`);
  print(`data: ${split.train.X.rows} training and ${split.test?.X.rows ?? 0} test points of two interleaved moons`);
  print(`network: ${[model.inputSize, ...model.layers.map((l) => `${l.units} ${l.activation}`)].join(" → ")} (${model.params.length} parameters)`);
  print(`training: full-batch gradient descent, learning rate ${config.learningRate}, ${epochs} epochs\n`);
  const ran = trainWithProgress(prepared, epochs);
  const { history, seconds } = ran.result;
  const marks = history.epoch.filter((e) => e === 1 || e === epochs || (Number.isInteger(Math.log10(e)) && e > 1));
  for (const e of marks) {
    const i = history.epoch.indexOf(e);
    print(`epoch ${String(e).padStart(6)}  loss ${fmt(history.loss[i])}  accuracy ${fmt(history.accuracy[i], 3)}`);
  }
  const train = evaluate(model, data.X.data, data.Y, data.X.rows);
  const test = data.testX && data.testY ? evaluate(model, data.testX.data, data.testY, data.testX.rows) : null;
  print(`\nafter training (${seconds.toFixed(1)} s, ${((seconds / epochs) * 1000).toFixed(2)} ms per epoch):`);
  print(`  ${metricsLine({ loss: train.loss, accuracy: train.accuracy, testLoss: test?.loss ?? null, testAccuracy: test?.accuracy ?? null })}`);
  print(`\nwhat it learned: the plane split into class 0 (·) and class 1 (░), test points drawn as their class digit`);
  const testData = split.test ?? split.train;
  print(textBoundary(model, testData.X, testData.y));
  print(`\nnext: npx glassbox train examples/moons-deep.json --out run.json   (see README.md)`);
}
