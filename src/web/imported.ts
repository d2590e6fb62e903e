/**
 * An imported model on the page (the main thread's side; the worker converts, model-import.ts):
 * which files are a model, what the page trains it on, what the diagram draws, the box in the
 * data column, and the model kept for reloads in this tab.
 */
import { csvTable } from "../data/csv.ts";
import type { ModelJson } from "../nn/serialize.ts";
import { DOES_NOT_FIT, jsonModelKind, MISSING_WEIGHTS, modelExperiment, type ImportedModel, type ModelFile } from "./model-kind.ts";
import { toExperiment, withPageSettings, type ExperimentJson, type Setup } from "./setup.ts";
import { language, t } from "./i18n.ts";
import { el } from "./ui/dom.ts";
import type { NetworkShape } from "./ui/network-view.ts";
import { errorText } from "./error-text.ts";
import { problemText } from "./ui/problem-text.ts";

const KEY = "glassbox-imported-model";

/** Whether the chosen files are a model (an .onnx, a .bin, or a JSON that is a model) rather than an experiment or a CSV. */
export async function isModelChoice(list: readonly File[]): Promise<boolean> {
  if (list.some((f) => /\.(onnx|bin)$/i.test(f.name))) return true;
  for (const f of list.filter((x) => /\.json$/i.test(x.name))) {
    try {
      if (jsonModelKind(JSON.parse(await f.text()))) return true;
    } catch {
      // Not JSON: the experiment reader says so.
    }
  }
  return false;
}

export async function modelFiles(list: readonly File[]): Promise<ModelFile[]> {
  return Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function loadImported(): ImportedModel | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as ImportedModel) : null;
  } catch {
    return null;
  }
}

export function storeImported(m: ImportedModel | null): void {
  try {
    if (m) sessionStorage.setItem(KEY, JSON.stringify(m));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Too large to keep for a reload: it still shows now.
  }
}

/** The names of the CSV's header row (none when it does not parse: the worker then names its problem). */
function header(text: string, file: string): string[] {
  try {
    return csvTable(text, file).header;
  } catch {
    return [];
  }
}

/**
 * What the worker prepares for the model: the CSV chosen with it (the model's columns by name,
 * else all but the last by position), else the opened file's data, else the Playground's dataset;
 * trained with the page's optimiser settings (the opened file's own, at the page's learning rate).
 */
export function importedJob(m: ImportedModel, setup: Setup, file: { experiment: ExperimentJson; files: Record<string, string> } | null): { experiment: ExperimentJson; files: Record<string, string> } {
  const model = m.model;
  const train = file ? withPageSettings(file.experiment, setup).train : toExperiment(setup, 1).train;
  const data = ((): { data: unknown; files: Record<string, string> } => {
    if (m.csv) {
      const names = header(m.csv.text, m.csv.name);
      const byName = model.featureNames.every((n) => names.includes(n));
      const features = byName ? model.featureNames : names.slice(0, -1);
      const target = names.includes(model.targetName) && !features.includes(model.targetName) ? model.targetName : names.filter((n) => !features.includes(n)).at(-1) ?? names.at(-1)!;
      return { data: { csv: m.csv.name, target, features, testFraction: 0.2, seed: 1 }, files: { [m.csv.name]: m.csv.text } };
    }
    if (file) return { data: file.experiment.data, files: file.files };
    return { data: toExperiment(setup, 1).data, files: {} };
  })();
  return { experiment: modelExperiment(model, data.data, train, m.name.replace(/\.[A-Za-z]+$/, "")), files: data.files };
}

/** The experiment file of the page's run of an imported model (Export): its weights now as `init.params`, the epochs trained. */
export function importedExperiment(m: ImportedModel, setup: Setup, file: { experiment: ExperimentJson; files: Record<string, string> } | null, epochs: number): ExperimentJson {
  const { experiment } = importedJob(m, setup, file);
  const scaler = m.model.scaler ? " The model's own scaler (fitted where it was trained) has no field in an experiment file: this file feeds the raw columns; its model file keeps the scaler." : "";
  return {
    ...experiment,
    ...(m.model.classes ? { classes: m.model.classes } : {}),
    description: `The model ${m.name} imported into the Glassbox playground, from its weights at export.${scaler}`,
    train: { ...(experiment.train as Record<string, unknown>), epochs: Math.max(1, epochs) },
  };
}

/** The diagram of the model: its inputs (not switchable), layers and activations. */
export function importedShape(model: ModelJson): NetworkShape {
  return {
    inputs: (model.inputs ?? model.featureNames).map((name) => ({ key: name, label: name, on: true, toggle: false })),
    hidden: model.layers.slice(0, -1).map((l) => l.units),
    outputUnits: model.layers.at(-1)!.units,
    activations: model.layers.map((l) => l.activation),
    editable: false,
  };
}

/** Every parameter as the engine lays them out (W₁ row-major, b₁, W₂, …), for the diagram. */
export function paramsOf(model: ModelJson): Float64Array {
  return Float64Array.from(model.layers.flatMap((l) => [...l.W.flat(), ...l.b]));
}

/** "Cannot import …" in the page's language, from what the worker threw (or found wrong with the CSV chosen with the model). */
export function importProblem(file: string, e: unknown, m?: ImportedModel): string {
  const message = errorText(e);
  const weights = message.indexOf(MISSING_WEIGHTS);
  if (weights >= 0) return t("import.missingWeights", { file, weights: message.slice(weights + MISSING_WEIGHTS.length) });
  const fit = message.indexOf(DOES_NOT_FIT);
  if (fit >= 0 && m?.csv) {
    const have = message.slice(fit + DOES_NOT_FIT.length);
    const problem = have === "labels" ? t("import.csvLabels", { csv: m.csv.name, what: whatOf(m.model) }) : t("import.csvColumns", { csv: m.csv.name, n: m.model.featureNames.length, names: m.model.featureNames.join(", "), have });
    return t("import.failed", { file, problem });
  }
  // Not the file's name twice ("Cannot import a.onnx: a.onnx: …").
  const problem = problemText(e);
  return t("import.failed", { file, problem: problem.startsWith(`${file}: `) ? problem.slice(file.length + 2) : problem });
}

/** The explanation in place of what cannot be drawn, when the model does not read the page's data (null when it does). */
export function noFitText(m: ImportedModel, problem: string): string | null {
  const at = problem.indexOf(DOES_NOT_FIT);
  if (at < 0) return null;
  const have = problem.slice(at + DOES_NOT_FIT.length);
  const model = m.model;
  if (have === "labels") return t("import.noFitLabels", { what: whatOf(model) });
  return t("import.noFit", { n: model.featureNames.length, names: model.featureNames.join(", "), have });
}

function whatOf(model: ModelJson): string {
  return model.classes ? t("import.classes", { classes: model.classes.join(", ") }) : t("import.regression");
}

/** The data column's box: what was imported, what it is drawn over, and the way back. */
export function importBox(m: ImportedModel, over: "playground" | "file" | "csv" | "none", close: () => void): HTMLElement {
  const model = m.model;
  const shape = [model.inputs?.length ?? model.inputSize, ...model.layers.map((l) => l.units)].join(" → ");
  const what = [whatOf(model), ...(model.scaler ? [t("import.scaler")] : [])].join(language() === "zh" ? "，" : ", ");
  const button = el("button", { class: "text-button", "data-testid": "close-model", title: t("import.close.title"), text: t("import.close") });
  button.addEventListener("click", close);
  const note = over === "none" ? t("import.diagramOnly") : over === "csv" ? t("import.overCsv", { file: m.csv?.name ?? "" }) : over === "file" ? t("import.overFile") : t("import.overPlayground");
  return el(
    "div",
    { class: "imported", "data-testid": "imported" },
    el("strong", { text: t("import.heading") }),
    el("div", { class: "imported-summary", "data-testid": "imported-summary", text: t("import.summary", { file: m.name, format: t(`import.format.${m.format}`), shape, what }) }),
    el("div", { class: "panel-note", text: note }),
    button,
  );
}
