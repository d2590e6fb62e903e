/** `glassbox steps <experiment.json> [--out steps.json]`: one iteration's every matrix, as JSON. */
import { loadExperiment } from "../../experiment/run.ts";
import { trace } from "../../nn/trace.ts";
import { outputKind, writeFileAtomic } from "../files.ts";

export interface StepsFlags {
  out?: string;
}

export function stepsCommand(file: string, flags: StepsFlags, print: (line: string) => void = console.log): void {
  if (flags.out) outputKind(flags.out, ["json"] as const, "--out");
  const { model, data, config } = loadExperiment(file);
  const t = trace(model, data.X.data, data.Y, data.X.rows, {
    learningRate: config.learningRate ?? 0.01,
    reduction: config.reduction,
    l2: config.l2,
    optimizer: config.optimizer,
    momentum: config.momentum,
    nesterov: config.nesterov,
  });
  const json = JSON.stringify(t, null, 1);
  if (flags.out) {
    writeFileAtomic(flags.out, json);
    print(`${t.steps.length} steps of one iteration written to ${flags.out}`);
  } else {
    process.stdout.write(json + "\n");
  }
}
