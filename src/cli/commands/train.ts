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
import { checkTrainingTime, rememberRate } from "../time-check.ts";

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
  // Refused here when it would take absurdly long; announced when it is long.
  const estimate = checkTrainingTime(prepared, epochs, (line) => process.stderr.write(`${line}\n`), { file });
  // Ctrl-C stops at the end of the current epoch; the run so far is still reported and written.
  const { result, run, interrupted } = await trainInterruptibly(prepared, epochs);
  if (!interrupted && result.stoppedBy === "epochs") rememberRate(estimate, result.epochs, result.seconds);
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
  // Which parameters each line was measured at (ARCHITECTURE §2): an epoch's metrics come from its
  // forward pass, before its update; "after training" is after the last update (the model written).
  const h = result.history;
  const at = (k: number) => metricsLine({ loss: h.loss[k], accuracy: h.accuracy[k], testLoss: h.testLoss?.[k] ?? null, testAccuracy: h.testAccuracy?.[k] ?? null });
  const rows: [string, string, string][] = [];
  if (h.loss.length > 0) rows.push(["first epoch", at(0), "before any update"]);
  const last = h.epoch.length - 1;
  if (last > 0) rows.push([`epoch ${h.epoch[last]}`, at(last), "before its update, as the progress shows"]);
  rows.push(["after training", metricsLine({ loss: final.loss, accuracy: final.accuracy, testLoss: test?.loss ?? null, testAccuracy: test?.accuracy ?? null }), "after the last update: the model written"]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [label, metrics, when] of rows) print(`${label.padEnd(w0)} ${metrics.padEnd(w1)}  (${when})`);
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
