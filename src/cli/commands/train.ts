/** `glassbox train <experiment.json> [--epochs N] [--out run.json] [--model model.json]` */
import { dirname, relative, resolve, sep } from "node:path";
import { evaluate } from "../../nn/evaluate.ts";
import { modelToJson } from "../../nn/serialize.ts";
import { dataFileOf, loadExperiment } from "../experiment-file.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { metricsLine } from "../format.ts";
import { trainInterruptibly, type Interruptible } from "../interruptible.ts";
import type { Prepared } from "../../experiment/prepare.ts";
import { writeJsonAtomic } from "../json-stream.ts";
import { checkOutputs } from "../outputs.ts";
import { setExitCode } from "../signals.ts";

export interface TrainFlags {
  epochs?: number;
  out?: string;
  model?: string;
}

export async function trainCommand(file: string, flags: TrainFlags, print: (line: string) => void = console.log): Promise<void> {
  // Every check, output paths included, before the first epoch.
  if (flags.out) outputKind(flags.out, ["json"] as const, "--out");
  if (flags.model) outputKind(flags.model, ["json"] as const, "--model");
  const outputs = [flags.out !== undefined && { flag: "--out", path: flags.out }, flags.model !== undefined && { flag: "--model", path: flags.model }];
  checkOutputs(outputs, [{ what: "experiment file", path: file }]);
  const prepared = loadExperiment(file, flags.epochs);
  const csv = dataFileOf(file, prepared.experiment);
  checkOutputs(outputs, [{ what: "experiment file", path: file }, csv ? { what: "data file", path: csv } : undefined]);
  const epochs = flags.epochs ?? prepared.config.epochs;
  // Ctrl-C stops at the end of the current epoch; the run so far is still reported and written.
  const { result, run, interrupted } = await trainInterruptibly(prepared, epochs);
  // A second Ctrl-C while the files are written must not kill the process half-way (a temporary
  // file left behind): the writes are quick and synchronous, so it is simply ignored until they end.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  process.on("SIGTERM", ignore);
  try {
    report(file, flags, prepared, { result, run, interrupted }, print);
  } finally {
    process.off("SIGINT", ignore);
    process.off("SIGTERM", ignore);
  }
  if (interrupted) setExitCode(130); // as a shell reports a command stopped by Ctrl-C
}

function report(file: string, flags: TrainFlags, prepared: Prepared, ran: Interruptible, print: (line: string) => void): void {
  const { result, run, interrupted } = ran;
  const { model, data, config } = prepared;
  const final = evaluate(model, data.X.data, data.Y, data.X.rows, config.l2, config.l1);
  const test = data.testX && data.testY ? evaluate(model, data.testX.data, data.testY, data.testX.rows, config.l2, config.l1) : null;
  const title = prepared.experiment.name ? `${prepared.experiment.name}\n` : "";
  const how = interrupted ? ` (interrupted by ${interrupted === "SIGINT" ? "Ctrl-C" : interrupted})` : result.stoppedBy === "converged" ? " (converged)" : result.stoppedBy === "callback" ? " (stopped)" : "";
  print(`${title}trained ${result.epochs} epoch${result.epochs === 1 ? "" : "s"}${how} in ${result.seconds.toFixed(2)} s`);
  if (result.history.loss.length > 0) {
    print(`first epoch   ${metricsLine({ loss: result.history.loss[0], accuracy: result.history.accuracy[0], testLoss: result.history.testLoss?.[0] ?? null, testAccuracy: result.history.testAccuracy?.[0] ?? null })}`);
  }
  print(`after training ${metricsLine({ loss: final.loss, accuracy: final.accuracy, testLoss: test?.loss ?? null, testAccuracy: test?.accuracy ?? null })}`);
  if (flags.out) {
    const experiment = relative(dirname(resolve(flags.out)), resolve(file)).split(sep).join("/");
    // Streamed: a large run is never one giant string.
    writeJsonAtomic(flags.out, { experiment, ...run });
    print(`${interrupted ? "run so far (marked interrupted)" : "run"} written to ${flags.out}`);
  }
  if (flags.model) {
    writeFileAtomic(flags.model, JSON.stringify(modelToJson(model), null, 1));
    print(`model written to ${flags.model}`);
  }
}
