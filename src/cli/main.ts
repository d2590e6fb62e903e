#!/usr/bin/env node
/**
 * The `glassbox` command. User mistakes (UserError, bad flags) print one line and exit 2;
 * anything else is a bug: it prints the stack and exits 1.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { isUserError, UserError } from "../core/errors.ts";
import { demoCommand } from "./commands/demo.ts";
import { predictCommand } from "./commands/predict.ts";
import { stepsCommand } from "./commands/steps.ts";
import { trainCommand } from "./commands/train.ts";

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} needs a whole number ≥ 1, got "${v}"`);
    return n;
  };
}

export function buildProgram(): Command {
  const program = new Command("glassbox")
    .description("A neural network written from scratch, with every intermediate value in view.")
    .exitOverride()
    .configureOutput({ outputError: () => {} }) // errors are printed once, by run()
    .showSuggestionAfterError(true);

  program
    .command("train")
    .description("train the experiment file and print the metrics")
    .argument("<experiment>", "experiment file (JSON, DESIGN §3)")
    .option("--epochs <n>", "override train.epochs", positiveInt("--epochs"))
    .option("--out <run.json>", "write the run: model, history, snapshots")
    .option("--model <model.json>", "write the trained model")
    .action((file: string, flags) => trainCommand(file, flags));

  program
    .command("predict")
    .description("predict every row of a CSV with a trained model")
    .requiredOption("--model <model.json>", "a model written by train --model")
    .requiredOption("--csv <data.csv>", "rows to predict; must have the model's feature columns")
    .option("--out <predictions.csv>", "write the predictions here (default: standard output)")
    .action((flags) => predictCommand(flags));

  program
    .command("steps")
    .description("one forward and backward pass, every matrix with its formula (JSON)")
    .argument("<experiment>", "experiment file")
    .option("--out <steps.json>", "write here (default: standard output)")
    .action((file: string, flags) => stepsCommand(file, flags));

  program
    .command("demo", { isDefault: false })
    .description("train the built-in moons example and show what it learned (npm start)")
    .option("--epochs <n>", "override the number of epochs", positiveInt("--epochs"))
    .action((flags) => demoCommand(flags));

  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      process.stderr.write(`glassbox: ${e.message.replace(/^error: /, "")} (see glassbox --help)\n`);
      return 2;
    }
    if (isUserError(e)) {
      process.stderr.write(`glassbox: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`glassbox: internal error (please report it): ${(e as Error)?.stack ?? e}\n`);
    return 1;
  }
}

// Run only when executed directly (tests import buildProgram/run).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/cli/main.ts")) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

export { UserError };
