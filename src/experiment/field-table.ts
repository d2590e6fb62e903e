/**
 * The README's table of experiment-file fields, generated: the optimisers, their settings and
 * defaults, the activations, losses and datasets come from their registries, the other fields'
 * wording is here. `npm run readme:fields` writes it into README.md between its markers, and a
 * test checks that the README's copy is current and lists every field the validator accepts.
 */
import type { DatasetEntry } from "../data/dataset.ts";
import { DATASETS } from "../data/generate.ts";
import type { GeneratorOptions } from "../data/types.ts";
import { ACTIVATION_NAMES, activation } from "../nn/activations.ts";
import { LOSS_NAMES, loss } from "../nn/losses.ts";
import { rangeText, type OptimizerEntry, type OptimizerField } from "../nn/optimizers/entry.ts";
import { OPTIMIZER_FIELDS, OPTIMIZER_NAMES, optimizerEntry, optimizersWith } from "../nn/optimizers/registry.ts";
import { DEFAULTS } from "./experiment.ts";

export const FIELD_TABLE_START = "<!-- field table: generated from the registries by `npm run readme:fields` (src/experiment/field-table.ts); edit there -->";
export const FIELD_TABLE_END = "<!-- end of the field table -->";

type Row = [fields: string[], values: string, fallback: string];

const code = (s: string): string => `\`${s}\``;
const list = (names: readonly string[]): string => names.map(code).join(", ");
/** A default as the table writes it: 1e-5 rather than 0.00001. */
const num = (v: number | boolean): string => (typeof v === "number" && v > 0 && v < 1e-3 ? v.toExponential() : String(v));
const entries = <T>(o: Record<string, T>): T[] => Object.values(o);
/** A table cell: Markdown's `|` escaped. */
const cell = (s: string): string => s.replaceAll("|", "\\|");

/** What each generator option means; the sets that read it come from the dataset registry. */
const GENERATOR_OPTIONS: Readonly<Record<keyof GeneratorOptions, string>> = {
  samples: "how many points the set has",
  noise: "the set's noise (Gaussian sd for scikit-learn's sets, the Playground's slider ÷ 100 for its sets, the share of flipped labels for `line`)",
  seed: "",
  rng: "",
  factor: "the inner circle's radius over the outer's, in [0, 1)",
  centers: "how many clusters",
  std: "each cluster's standard deviation",
  groups: '`[{ "mean": [x, y], "std": [sx, sy], "count": n, "label": l }, …]`',
};

function datasetRows(): Row[] {
  const sets = entries(DATASETS) as DatasetEntry[];
  const names = sets.map((d) => `${code(d.name)}: ${d.doc}${d.playground ? ` (one of the page's ${d.playground.problem} sets)` : ""}`).join("; ");
  const rows: Row[] = [[["data.dataset"], `a generated set: ${names}. Each takes \`seed\`, \`rng\` and the options below`, "—"]];
  const options = [...new Set(sets.flatMap((d) => d.options))];
  for (const o of options) {
    const readers = sets.filter((d) => d.options.includes(o)).map((d) => d.name);
    rows.push([[`data.${o}`], `${GENERATOR_OPTIONS[o]} (${readers.length === sets.length ? "every set" : list(readers)})`, "each set's own (in its generator's comment)"]);
  }
  return rows;
}

/** The defaults of a field across the optimisers that read it: "0.01 (`gd`, `sgd`), 0.001 (`adam`)". */
function optimizerDefault(f: OptimizerField): string {
  const by = new Map<string, string[]>();
  for (const name of optimizersWith(f.name)) {
    const v = num((optimizerEntry(name) as OptimizerEntry).defaults[f.name]);
    by.set(v, [...(by.get(v) ?? []), name]);
  }
  if (by.size === 1) return [...by.keys()][0].replace(/^(true|false)$/, "`$1`");
  return [...by].map(([v, names]) => `${v} (${list(names)})`).join(", ");
}

function optimizerRows(): Row[] {
  const opts = OPTIMIZER_NAMES.map((n) => optimizerEntry(n) as OptimizerEntry);
  const rows: Row[] = [[["train.optimizer"], `${opts.map((e) => `${code(e.name)}: ${e.doc}`).join("; ")}. The update rules are under "Conventions" below`, code(DEFAULTS.train.optimizer)]];
  for (const f of OPTIMIZER_FIELDS) {
    const readers = optimizersWith(f.name);
    const who = readers.length === OPTIMIZER_NAMES.length ? "" : `; ${list(readers)} only (another optimiser refuses it)`;
    rows.push([[`train.${f.name}`], `${f.doc}${f.type === "number" ? `, ${rangeText(f)}` : ""}${who}`, optimizerDefault(f)]);
  }
  return rows;
}

function batchRow(): Row {
  const opts = OPTIMIZER_NAMES.map((n) => optimizerEntry(n) as OptimizerEntry);
  const takes = opts.filter((e) => e.fullBatchOnly === null).map((e) => e.name);
  const refuse = opts.filter((e) => e.fullBatchOnly !== null).map((e) => e.name);
  return [
    ["train.batchSize"],
    `mini-batch size (${list(takes)}; refused with ${list(refuse)}), reshuffled every epoch (seeded by \`train.seed\`, with \`train.rng\`); the last batch of an epoch holds the remainder; a size ≥ the training rows is the full batch`,
    "full batch",
  ];
}

function lossRow(): Row {
  const text = LOSS_NAMES.map((n) => {
    const l = loss(n);
    return `${code(n)}: ${l.doc}`;
  }).join("; ");
  const made = LOSS_NAMES.filter((n) => loss(n).requiresOutput).map((n) => `${code(n)} for ${loss(n).requiresOutput}`);
  return [["loss"], text, `the output layer's: ${made.join(", ")}, else \`mse\``];
}

function activationRow(): Row {
  const text = ACTIVATION_NAMES.map((n) => {
    const a = activation(n);
    const [lo, hi] = a.range;
    const interval = `${lo === -Infinity ? "(−∞" : `[${String(lo).replace("-", "−")}`}, ${hi === Infinity ? "∞)" : `${hi}]`}`;
    return `${code(n)} (${a.formula}, values in ${interval}${a.outputOnly ? "; output layer only" : ""}${a.task !== "regression" ? `; as the output: ${a.task} classification` : ""})`;
  }).join(", ");
  return [["model.layers[].activation"], `${text}; any other output layer does regression`, "—"];
}

/** The rows in the README's order. */
export function fieldRows(): Row[] {
  return [
    ...datasetRows(),
    [["data.csv", "data.target", "data.features", "data.splitColumn"], 'a CSV file (its path relative to the experiment file) with a header row; `target`: the label column (or a list of columns); `features`: the feature columns (default: every other column); `splitColumn`: a column of `train`/`test` marking the held-out rows', "—"],
    [["data.X", "data.y"], "inline data: rows of feature values, and one target per row", "—"],
    [["data.y", "data.target"], "one label or value per row; or rows (`[[0, 0, 1], …]`, or a list of CSV columns `\"target\": [\"r\", \"g\", \"b\"]`): one-hot rows for a softmax output, several values for a linear output of as many units", "—"],
    [["data.testFraction"], "held-out share, split as scikit-learn's `train_test_split`", "none"],
    [["data.seed", "data.splitSeed"], "the generator's seed (for CSV and inline data, the `testFraction` split's); `splitSeed` seeds a generated set's split apart from its points", "0; `seed`"],
    [["inputs"], "the features the network sees, computed from the data's feature columns (TensorFlow Playground's seven: `[\"x1\", \"x2\", \"x1^2\", \"x2^2\", \"x1*x2\", \"sin(x1)\", \"sin(x2)\"]`): any non-empty list of `xK`, `xK^2`, `xJ*xK`, `sin(xK)`, `cos(xK)`, where `xK` is the K-th feature column (from 1) or a CSV column's name (`\"sin(age)\"`; a name is matched before a position). Computed before scaling (the scaler fits them) and stored in the model, so `predict` takes the raw columns, and the pictures over the input plane (`boundary`, `surface`, `hidden-morph`, `training`) are drawn over the two raw columns", "the feature columns"],
    [["scale"], "`none`, `standard` (fitted on the training rows, stored in the model)", code(DEFAULTS.scale)],
    [["classes"], "the class labels in output order (unit k stands for `classes[k]`, scikit-learn's `classes_`): two for one sigmoid unit, k for a k-unit softmax. Without it, whole-number labels under a softmax are the unit indices 0…k−1 (Keras' convention), other labels are sorted", "from the labels"],
    [["model.layers[].units"], "the layer's neurons, 1 to 4,096; the last layer is the output", "—"],
    activationRow(),
    [["init.scheme"], "`normal` (σ = `scale`), `uniform` (±`scale`), `xavier` (Glorot uniform), `he` (normal, √(2/fan-in)), `zeros-bias`", code(DEFAULTS.init.scheme)],
    [["init.scale"], "σ of `normal`, the half-width of `uniform`", "0.1"],
    [["init.params"], 'explicit starting parameters instead of a scheme: `[ { "W": [[…]], "b": […] }, … ]`, one per layer, W out × in', "—"],
    [["init.bias"], "every bias starts at this value instead (TensorFlow Playground starts them at 0.1); the scheme's weights are unchanged", "the scheme's"],
    [["init.seed"], "the initial weights' seed", String(DEFAULTS.init.seed)],
    [["init.rng", "train.rng", "data.rng"], "`glassbox` (the project's own generator) or `numpy` (NumPy's legacy `np.random.seed` stream: MT19937, `rand`, `randn`, `uniform`, `permutation`)", code(DEFAULTS.init.rng)],
    lossRow(),
    ...optimizerRows(),
    [["train.epochs"], "an epoch is one pass over the data; for L-BFGS, one iteration", String(DEFAULTS.train.epochs)],
    batchRow(),
    [["train.reduction"], "`mean` (gradients divided by the batch's size, like Keras) or `sum` (summed, like the classic from-scratch code); changes the gradient only, not the loss reported", code(DEFAULTS.train.reduction)],
    [["train.l2"], "L2 penalty, scikit-learn's `alpha`: ½·`l2`·Σ‖W‖² added to the summed loss (formulas below)", String(DEFAULTS.train.l2)],
    [["train.l1"], "L1 penalty, the same convention: `l1`·Σ|W| added to the summed loss (gradient `l1·sign(W)`, sign(0) = 0); biases are not penalised by either", String(DEFAULTS.train.l1)],
    [["train.seed"], "the mini-batch shuffle's seed", String(DEFAULTS.train.seed)],
    [["train.shuffle"], "each epoch's mini-batch order: `permutation` (a fresh permutation of the rows' original order) or `sklearn` (a permutation of the previous epoch's order, as scikit-learn's MLP; with `rng: \"numpy\"` and its `random_state` as `seed`, its batches are replayed), see \"Shuffling\" below", code(DEFAULTS.train.shuffle)],
    [["record.every", "record.paramsAt"], "history every k epochs (and the first and the last); parameter snapshots after these epochs (0 = initial)", `${DEFAULTS.record.every}, none`],
    [["name", "description"], "free text; `name` is printed above the training summary", "none"],
  ];
}

/** The table as Markdown, between its markers. */
export function fieldTable(): string {
  const lines = ["| field | values | default |", "|---|---|---|"];
  for (const [fields, values, fallback] of fieldRows()) lines.push(`| ${fields.map(code).join(", ")} | ${cell(values)} | ${cell(fallback)} |`);
  return [FIELD_TABLE_START, ...lines, FIELD_TABLE_END].join("\n");
}

/** `text` (the README) with its table replaced by the current one; throws if the markers are missing. */
export function withFieldTable(text: string): string {
  const a = text.indexOf(FIELD_TABLE_START);
  const b = text.indexOf(FIELD_TABLE_END);
  if (a < 0 || b < a) throw new Error("the README has no field-table markers");
  return text.slice(0, a) + fieldTable() + text.slice(b + FIELD_TABLE_END.length);
}
