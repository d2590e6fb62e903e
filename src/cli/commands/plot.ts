/**
 * `glassbox plot <view> <experiment.json | run.json> --out file.svg|file.png [view options]`
 * An experiment file is trained first (progress bar) unless the view needs only the data or the
 * initial parameters (`data`, `steps`, or `--epochs 0`); with `--epoch K`, a view of that one model
 * trains only K epochs. Trained runs are cached (../run-cache.ts). A run file needs its experiment
 * for its data (`--experiment`, or the path it records); snapshots it lacks are recomputed.
 */
import { UserError } from "../../core/errors.ts";
import { snapshotEpochs } from "../../animate/index.ts";
import { svgToPng } from "../../render/png.ts";
import { drawView, isViewName, parseParam, stepCount, toSvg, viewApplies, viewEntry, VIEW_NAMES, type ViewInput, type ViewName, type ViewNeeds, type ViewOptions } from "../../viz/index.ts";
import type { Scene } from "../../viz/scene.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { checkOutputs } from "../outputs.ts";
import { viewOptions, type PictureFlags } from "./picture-flags.ts";
import { firstIteration, loadPictureSource, type RunNeeds, type TrainPlan } from "./pictures.ts";
import { pictureSourceFromModel } from "./model-source.ts";

export interface PlotFlags extends PictureFlags {
  out: string;
  experiment?: string;
  /** A model file drawn over `csv` instead of an experiment or run file. */
  model?: string;
  csv?: string;
  epochs?: number;
}

/** More edges than this make an SVG of hundreds of megabytes that no viewer opens. */
const MAX_NETWORK_EDGES = 200_000;

/** Refuses a network (its layer sizes, input first) with too many connections to draw. */
function checkNetworkEdges(sizes: readonly number[]): void {
  let edges = 0;
  for (let k = 1; k < sizes.length; k++) edges += sizes[k - 1] * sizes[k];
  if (edges > MAX_NETWORK_EDGES) {
    throw new UserError(`the network has ${edges.toLocaleString("en-US")} connections, too many to draw one by one (the limit is ${MAX_NETWORK_EDGES.toLocaleString("en-US")}): draw a smaller network`);
  }
}

/** What a view needs from the command line (training, the run's history or snapshots, a trace): its registry entry says. */
const needs = (name: ViewName): ViewNeeds => viewEntry(name).needs;

/** Flags that only some views read: given with another view, they are refused rather than ignored. */
const FLAG_VIEWS: Partial<Record<keyof PlotFlags, readonly ViewName[]>> = {
  param: ["cost-slice"],
  range: ["cost-slice"],
  params: ["cost-surface"],
  ranges: ["cost-surface"],
  mode: ["cost-surface"],
  layer: ["hidden", "layer-pass"],
  step: ["steps"],
};

/** A flag for other views is a mistake worth one line, not silently nothing. */
export function checkFlagsForView(name: ViewName, flags: PlotFlags): void {
  for (const [flag, views] of Object.entries(FLAG_VIEWS) as [keyof PlotFlags, readonly ViewName[]][]) {
    if (flags[flag] !== undefined && !views.includes(name)) throw new UserError(`--${flag} is for ${views.join(" and ")}, not ${name}: leave it out`);
  }
}

export function checkViewName(view: string): ViewName {
  if (!isViewName(view)) throw new UserError(`unknown view "${view}": choose one of ${VIEW_NAMES.join(", ")}`);
  return view;
}

/** Checks what can be checked on the untrained model (so a mistake fails before a long training). */
export function checkViewOptions(name: ViewName, input: ViewInput, o: ViewOptions): void {
  // run-dependent views are satisfied by training; check only what the model's shape decides.
  const stand = { ...input, run: { history: { epoch: [1], loss: [0], accuracy: [0] }, snapshots: [input.run?.snapshots?.[0], input.run?.snapshots?.[0]] as never }, trace: {} as never };
  const why = viewApplies(name, stand);
  if (why) throw new UserError(why);
  try {
    if (o.param) parseParam(input.model, o.param);
    if (o.params) {
      const [a, b] = o.params.map((p) => parseParam(input.model, p));
      if (a.index === b.index) throw new RangeError(`--params needs two different parameters; got ${a.name} twice`);
    }
  } catch (e) {
    throw asUserError(e);
  }
  const hidden = input.model.layers.length - 1;
  if (o.layer !== undefined && (name === "hidden") && o.layer > hidden) throw new UserError(`--layer ${o.layer} is not a hidden layer: choose 1..${hidden}`);
}

/** Views throw a RangeError with a clear message when they cannot draw what they were given. */
export function asUserError(e: unknown): unknown {
  return e instanceof RangeError ? new UserError(e.message) : e;
}

export function drawScene(name: ViewName, input: ViewInput, o: ViewOptions): Scene {
  try {
    return drawView(name, input, o);
  } catch (e) {
    throw asUserError(e);
  }
}

export function plotCommand(view: string, file: string | undefined, flags: PlotFlags, print: (line: string) => void = console.log): void {
  const name = checkViewName(view);
  checkFlagsForView(name, flags);
  const kind = outputKind(flags.out, ["svg", "png"] as const, "--out");
  checkOutputs(
    [{ flag: "--out", path: flags.out }],
    [file !== undefined && { what: "input file", path: file }, flags.model !== undefined && { what: "model file (--model)", path: flags.model }, flags.csv !== undefined && { what: "CSV (--csv)", path: flags.csv }, flags.experiment !== undefined && { what: "experiment file (--experiment)", path: flags.experiment }],
  );
  const o = viewOptions(flags);
  if ((file === undefined) === (flags.model === undefined)) throw new UserError(file === undefined ? "plot needs an experiment or run file, or --model model.json with --csv data.csv" : "give either a file or --model, not both");
  if ((flags.model === undefined) !== (flags.csv === undefined)) throw new UserError("--model and --csv go together: the model is drawn over the CSV's rows");
  // Check flags against the untrained model first: nothing long runs for a mistake.
  // An experiment's network is checked from its layer sizes, before its parameters are made.
  const beforeModel = name === "network" ? checkNetworkEdges : undefined;
  const untrained = flags.model ? pictureSourceFromModel(flags.model, flags.csv!) : loadPictureSource(file!, { train: false, experiment: flags.experiment, plan: { epochs: 0 }, beforeModel });
  checkViewOptions(name, untrained.input, o);
  // A run file's or a model file's network comes whole with its parameters: checked once loaded.
  const model = untrained.input.model;
  if (untrained.origin !== "initial parameters") beforeModel?.([model.inputSize, ...model.layers.map((l) => l.units)]);
  const needsTraining = needs(name).trained && flags.epochs !== 0 && untrained.origin === "initial parameters";
  const isRun = untrained.origin.startsWith("run file");
  const runNeeds: RunNeeds = { epoch: o.epoch, snapshots: needs(name).snapshots ?? false };
  let source = untrained;
  if (isRun && (runNeeds.epoch !== undefined || runNeeds.snapshots)) {
    source = loadPictureSource(file!, { train: false, experiment: flags.experiment, needs: runNeeds });
  } else if (needsTraining) {
    const epochs = flags.epochs ?? untrained.input.prepared.config.epochs;
    if (o.epoch !== undefined && o.epoch > epochs) throw new UserError(`--epoch ${o.epoch} is past the ${epochs} epoch${epochs === 1 ? "" : "s"} trained: choose 0..${epochs} (or train longer with --epochs)`);
    // A view of one model at epoch K needs only K epochs of training.
    const plan: TrainPlan =
      o.epoch !== undefined && !needs(name).history && !needs(name).snapshots
        ? { epochs: o.epoch, snapshotsAt: (_p, e) => [e] }
        : { epochs: flags.epochs, snapshotsAt: (p, e) => snapshotEpochs(p, e, 200), maxSnapshots: 300, keep: o.epoch !== undefined ? [o.epoch] : [] };
    source = loadPictureSource(file!, { train: true, plan });
  }
  const input: ViewInput = { ...source.input };
  if (needs(name).trace) input.trace = firstIteration(source.input.prepared, source.input.model);
  if (name === "steps" && input.trace) {
    const count = stepCount(input.trace, { layout: o.stepsLayout });
    if (o.step !== undefined && o.step > count) throw new UserError(`--step ${o.step} does not exist: one iteration of this network has ${count} steps, choose --step 1..${count}`);
  }
  const svg = toSvg(drawScene(name, input, o));
  writeFileAtomic(flags.out, kind === "png" ? svgToPng(svg) : svg);
  print(`${name} (${source.origin}) written to ${flags.out}`);
}
