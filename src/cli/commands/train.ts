/** `glassbox train <experiment.json> [--epochs N] [--out run.json] [--model model.json]` */
import { dirname, relative, resolve, sep } from "node:path";
import { evaluate } from "../../nn/evaluate.ts";
import { modelToJson } from "../../nn/serialize.ts";
import { loadExperiment } from "../experiment-file.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { metricsLine } from "../format.ts";
import { trainWithProgress } from "../progress.ts";

export interface TrainFlags {
  epochs?: number;
  out?: string;
  model?: string;
}

export function trainCommand(file: string, flags: TrainFlags, print: (line: string) => void = console.log): void {
  // Every check, output names included, before the first epoch.
  if (flags.out) outputKind(flags.out, ["json"] as const, "--out");
  if (flags.model) outputKind(flags.model, ["json"] as const, "--model");
  const prepared = loadExperiment(file);
  const epochs = flags.epochs ?? prepared.config.epochs;
  const ran = trainWithProgress(prepared, epochs);
  const { result, run } = ran;
  const { model, data, config } = prepared;
  const final = evaluate(model, data.X.data, data.Y, data.X.rows, config.l2);
  const test = data.testX && data.testY ? evaluate(model, data.testX.data, data.testY, data.testX.rows, config.l2) : null;
  const title = prepared.experiment.name ? `${prepared.experiment.name}\n` : "";
  const how = result.stoppedBy === "converged" ? " (converged)" : result.stoppedBy === "callback" ? " (stopped)" : "";
  print(`${title}trained ${result.epochs} epoch${result.epochs === 1 ? "" : "s"}${how} in ${result.seconds.toFixed(2)} s`);
  print(`first epoch   ${metricsLine({ loss: result.history.loss[0], accuracy: result.history.accuracy[0], testLoss: result.history.testLoss?.[0] ?? null, testAccuracy: result.history.testAccuracy?.[0] ?? null })}`);
  print(`after training ${metricsLine({ loss: final.loss, accuracy: final.accuracy, testLoss: test?.loss ?? null, testAccuracy: test?.accuracy ?? null })}`);
  if (flags.out) {
    const experiment = relative(dirname(resolve(flags.out)), resolve(file)).split(sep).join("/");
    writeFileAtomic(flags.out, JSON.stringify({ experiment, ...run }));
    print(`run written to ${flags.out}`);
  }
  if (flags.model) {
    writeFileAtomic(flags.model, JSON.stringify(modelToJson(model), null, 1));
    print(`model written to ${flags.model}`);
  }
}
