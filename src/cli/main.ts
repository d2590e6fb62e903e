#!/usr/bin/env node
/**
 * The `glassbox` command. User mistakes (UserError, bad flags) print one line and exit 2;
 * anything else is a bug: it prints the stack and exits 1.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { isUserError, UserError } from "../core/errors.ts";
import { choiceFlag, intFlag, LIMITS, numberFlag, pairFlag, paramsFlag, rangesFlag } from "./commands/picture-flags.ts";
import { quietPipes, takeExitCode } from "./signals.ts";
import { EXPORT_FORMATS, IMPORT_FORMATS } from "../interop/index.ts";
import { ANIMATION_NAMES } from "../animate/index.ts";
import { VIEW_NAMES } from "../viz/index.ts";
import { optimizerHelp } from "../nn/optimizers/help.ts";
import { installNodeEngine } from "../node-engine.ts";
import { PACKAGE_VERSION } from "./package-root.ts";

// The engine's helper thread and V8 flags, which only Node has (src/core/wasm/host.ts).
installNodeEngine();

/**
 * A command's code, loaded when the command runs: start-up (and --help) then compiles only what
 * that command uses, not every command's dependencies.
 */
function lazy<T extends unknown[]>(load: () => Promise<unknown>, name: string): (...args: T) => Promise<void> {
  return async (...args: T) => {
    const module = (await load()) as Record<string, (...a: T) => unknown>;
    await module[name](...args);
  };
}

function positiveInt(flag: string) {
  return intFlag(flag, 1, LIMITS.epochs);
}

export function buildProgram(): Command {
  const program = new Command("glassbox")
    .description("A neural network written from scratch, with every intermediate value in view.")
    .version(PACKAGE_VERSION, "-V, --version", "print Glassbox's version")
    .exitOverride()
    .configureOutput({ outputError: () => {} }) // errors are printed once, by run()
    .showSuggestionAfterError(true);

  program
    .command("train")
    .description("train the experiment file and print the metrics")
    .argument("<experiment>", "experiment file (JSON; comments and trailing commas allowed)")
    .option("--epochs <n>", "override train.epochs", positiveInt("--epochs"))
    .option("--out <run.json>", "write the run: model, history, snapshots")
    .option("--model <model.json>", "write the trained model")
    .addHelpText("after", `\n${optimizerHelp()}`)
    .action((file: string, flags) => lazy(() => import("./commands/train.ts"), "trainCommand")(file, flags));

  program
    .command("predict")
    .description("predict every row of a CSV with a trained model")
    .requiredOption("--model <model.json>", "a model written by train --model")
    .requiredOption("--csv <data.csv>", "rows to predict; must have the model's feature columns")
    .option("--out <predictions.csv>", "write the predictions here (default: standard output)")
    .action((flags) => lazy(() => import("./commands/predict.ts"), "predictCommand")(flags));

  program
    .command("import")
    .description("a model trained elsewhere as a Glassbox model file: scikit-learn MLP JSON, TensorFlow.js layers model, ONNX")
    .argument("<file>", "the model: scikit-learn JSON (see the README), TF.js model.json (its weights beside it), or .onnx")
    .requiredOption("--from <format>", `${IMPORT_FORMATS.join(", ")}`, choiceFlag("--from", IMPORT_FORMATS))
    .requiredOption("--out <model.json>", "write the Glassbox model file here")
    .option("--classes <a,b,…>", "class labels in output order (TF.js and ONNX files made elsewhere store none)")
    .option("--features <x1,x2,…>", "input column names (to match a CSV's columns)")
    .action((file: string, flags) => lazy(() => import("./commands/import.ts"), "importCommand")(file, flags));

  program
    .command("export")
    .description("a Glassbox model in another format (TensorFlow.js layers model, ONNX, scikit-learn MLP JSON), or an experiment as a PyTorch training script")
    .argument("<file>", "a model file (train --model, import) or a run file (train --out); for pytorch, an experiment file")
    .requiredOption("--to <format>", `${EXPORT_FORMATS.join(", ")}`, choiceFlag("--to", EXPORT_FORMATS))
    .requiredOption("--out <path>", "tfjs: model.json (its weights go beside it); onnx: model.onnx; sklearn: model.json; pytorch: train.py")
    .option("--dtype <float32|float64>", "onnx: the element type (default float32)", choiceFlag("--dtype", ["float32", "float64"] as const))
    .action((file: string, flags) => lazy(() => import("./commands/export.ts"), "exportCommand")(file, flags));

  program
    .command("steps")
    .description("one forward and backward pass, every matrix with its formula (JSON, an HTML page, or one PNG per step)")
    .argument("<experiment>", "experiment file")
    .option("--out <steps.json|steps.html|steps.png>", "write here (default: JSON on standard output); .png writes steps-01.png, steps-02.png, …")
    .action((file: string, flags) => lazy(() => import("./commands/steps.ts"), "stepsCommand")(file, flags));

  program
    .command("sheet")
    .description("a spreadsheet (.xlsx) that computes one iteration and the descent with live formulas")
    .argument("<experiment>", "experiment file")
    .requiredOption("--out <file.xlsx>", "write the workbook here")
    .option("--iterations <n>", "rows of the descent sheet (default 200)", positiveInt("--iterations"))
    .action((file: string, flags) => lazy(() => import("./commands/sheet.ts"), "sheetCommand")(file, flags));

  // Options shared by plot and animate (each maps onto a view option of src/viz); each command
  // lists only the ones its views or animations read, described for that command (null: not read).
  const pictureFlags: { flag: string; plot: string | null; animate: string | null; parse?: (v: string) => unknown }[] = [
    { flag: "--width <px>", plot: "picture width (default 800)", animate: "picture width (default 800)", parse: intFlag("--width", 50, LIMITS.pixels) },
    { flag: "--height <px>", plot: "picture height (default: the view's own)", animate: "picture height (default: the view's own)", parse: intFlag("--height", 50, LIMITS.pixels) },
    { flag: "--title <text>", plot: "replace the title (\"\" for none)", animate: "replace every frame's title (\"\" for none)" },
    { flag: "--param <name>", plot: "cost-slice: the parameter, e.g. W1[0,0] or b2[0]", animate: null },
    { flag: "--params <a,b>", plot: "cost-surface: two parameters, e.g. W1[0,0],W1[1,0]", animate: "cost-landscape: two parameters, e.g. W1[0,0],W1[1,0]", parse: paramsFlag("--params") },
    { flag: "--range <lo,hi>", plot: "cost-slice: the range swept", animate: null, parse: pairFlag("--range") },
    { flag: "--ranges <a0,a1,b0,b1>", plot: "cost-surface: the two ranges swept", animate: "cost-landscape: the two ranges swept", parse: rangesFlag("--ranges") },
    { flag: "--mode <heatmap|3d>", plot: "cost-surface: heatmap (default) or 3d", animate: "cost-landscape: heatmap (default) or 3d", parse: choiceFlag("--mode", ["heatmap", "3d"] as const) },
    { flag: "--layer <n>", plot: "hidden, layer-pass: which layer (1-based)", animate: "hidden-morph, rotate: which hidden layer (1-based)", parse: intFlag("--layer", 1) },
    { flag: "--resolution <n>", plot: "grid cells per side of heatmaps and surfaces", animate: "training, rotate (surface), cost-landscape: grid cells per side", parse: intFlag("--resolution", 2, LIMITS.resolution) },
    { flag: "--azimuth <deg>", plot: "3-D views: turn about the vertical axis", animate: "rotate, cost-landscape (3d): turn about the vertical axis", parse: numberFlag("--azimuth") },
    { flag: "--elevation <deg>", plot: "3-D views: height of the eye above the plane", animate: "rotate, cost-landscape (3d): height of the eye above the plane", parse: numberFlag("--elevation") },
    { flag: "--no-test", plot: "boundary, data, hidden, surface: leave out the test points", animate: "training, hidden-morph, rotate: leave out the test points" },
    { flag: "--epochs <n>", plot: "override train.epochs (0 = draw the initial parameters)", animate: "override train.epochs", parse: intFlag("--epochs", 0, LIMITS.epochs) },
  ];
  const pictureOptions = (c: Command, command: "plot" | "animate"): Command => {
    for (const { flag, parse, ...described } of pictureFlags) {
      const description = described[command];
      if (description === null) continue;
      if (parse) c.option(flag, description, parse);
      else c.option(flag, description);
    }
    return c;
  };

  pictureOptions(
    program
      .command("plot")
      .description(`draw one view as SVG or PNG; views: ${VIEW_NAMES.join(", ")}`)
      .argument("<view>", "what to draw")
      .argument("[file]", "an experiment file (trained first, unless the view needs none) or a run file from train --out")
      .requiredOption("--out <file.svg|file.png>", "write the picture here")
      .option("--model <model.json>", "instead of a file: a model file (train --model, import), drawn over --csv")
      .option("--csv <data.csv>", "with --model: the rows to draw (the model's feature columns and target column)")
      .option("--experiment <experiment.json>", "with a run file: the experiment it was trained from (for the data)")
      .option("--epoch <k>", "draw the model as it was after epoch k (a view of one model trains only k epochs)", intFlag("--epoch", 0))
      .option("--step <n>", "steps: which step (1-based; the command names the range)", intFlag("--step", 1)),
    "plot",
  ).action((view: string, file: string | undefined, flags) => lazy(() => import("./commands/plot.ts"), "plotCommand")(view, file, flags));

  pictureOptions(
    program
      .command("animate")
      .description(`train once and write an animated GIF; animations: ${ANIMATION_NAMES.join(", ")}`)
      .argument("<animation>", "what to animate")
      .argument("<experiment>", "experiment file")
      .option("--out <file.gif>", "write the GIF here (this and/or --frames-dir)")
      .option("--frames <n>", "number of frames (default 60)", intFlag("--frames", 2, LIMITS.frames))
      .option("--frames-dir <dir>", "also write every frame as a numbered PNG into this folder")
      .option("--subject <hidden|surface>", "rotate: the hidden-layer cube or the output surface", choiceFlag("--subject", ["hidden", "surface"] as const)),
    "animate",
  ).action((name: string, file: string, flags) => lazy(() => import("./commands/animate.ts"), "animateCommand")(name, file, flags));

  program
    .command("gallery")
    .description("every example's pictures and animations, with an index.html")
    .option("--out <dir>", "write into this folder", "gallery")
    .option("--epochs <n>", "cap every example's epochs at n (default: each file's own; moons-deep's 10,000 are the slow part)", intFlag("--epochs", 1, LIMITS.epochs))
    .option("--frames <n>", "frames per animation (default 40)", intFlag("--frames", 2, LIMITS.frames))
    .option("--only <names>", "only these examples (comma-separated file names without .json)")
    .option("--jobs <n>", "examples drawn at once, each in a process of its own (default: one per processor; 1: one after another)", intFlag("--jobs", 1, 256))
    .addOption(new Option("--part", "draw for a parent gallery (internal)").hideHelp())
    .action((flags) => lazy(() => import("./commands/gallery.ts"), "galleryCommand")(flags));

  program
    .command("bench")
    .description("speed against TensorFlow.js and NumPy, as ratios measured in the same run")
    .option("--quick", "fewer workloads, fewer and shorter repeats (the start line says how long the last one took here)")
    .option("--update", "write the committed bench/RESULTS.md and bench/results.json (default: out/bench/, untracked)")
    .option("--json <file>", "write the results as JSON here (default: out/bench/results.json)")
    .option("--markdown <file>", "write the report as Markdown here (default: out/bench/RESULTS.md)")
    .action(async (flags) => {
      const { runBench } = await import("../bench/index.ts");
      await runBench(flags);
    });

  program
    .command("serve")
    .description("serve the playground page on http://127.0.0.1 until Ctrl-C (npm start)")
    .option("--port <n>", "port to listen on (default 5180; 0 picks a free one)", (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port needs a whole number from 0 to 65535, got "${v}"`);
      return n;
    })
    .option("--host <address>", "address to bind (default 127.0.0.1, this machine only)")
    .action((flags) => lazy(() => import("./commands/serve.ts"), "serveCommand")(flags));

  program
    .command("demo", { isDefault: false })
    .description("train the built-in moons example in the terminal and show what it learned")
    .option("--epochs <n>", "override the number of epochs", positiveInt("--epochs"))
    .action((flags) => lazy(() => import("./commands/demo.ts"), "demoCommand")(flags));

  return program;
}

export async function run(argv: string[]): Promise<number> {
  quietPipes();
  try {
    takeExitCode();
    if (argv.length === 0) {
      // Bare `glassbox`: the help on standard output and exit code 1, as git (and commander) do.
      process.stdout.write(buildProgram().helpInformation());
      return 1;
    }
    await buildProgram().parseAsync(argv, { from: "user" });
    return takeExitCode();
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
