/** What the page downloads: the experiment file of what it trains, the model, and the spreadsheet of the descent. */
import { toExperiment, withPageSettings, type ExperimentJson } from "../setup.ts";
import { t } from "../i18n.ts";
import { importedExperiment } from "../imported.ts";
import type { ImportedModel } from "../model-kind.ts";
import { saveBlob } from "../ui/dom.ts";
import { currentFile } from "./opened-file.ts";
import { state, worker } from "./state.ts";
import { errorText } from "../error-text.ts";

/** An experiment file, named after the experiment. */
function saveExperiment(json: ExperimentJson): void {
  saveBlob(new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" }), `${String(json.name).replace(/[^A-Za-z0-9_-]+/g, "-")}.json`);
}

export function exportExperiment(): void {
  const { imported } = state;
  const epochs = state.latest?.epoch ?? 0;
  if (imported && !state.importNoFit) {
    // The imported model over the page's data, from its weights as they are now.
    const m = imported;
    void worker.modelJson().then((now) => saveExperiment(importedExperiment({ ...m, model: now as ImportedModel["model"] }, state.setup, m.csv ? null : currentFile(), epochs)));
    return;
  }
  const file = currentFile();
  // A walkthrough or an opened file is exported as itself, with the page's learning rate and the
  // epochs trained so far (a CSV it reads keeps its relative path: save the file beside it).
  const json = file ? fileExperiment(file.experiment, epochs) : toExperiment(state.setup, epochs);
  if (state.changedMidRun) json.description = `${json.description} Note: settings or weights were changed during the run, which this file cannot replay; it trains the set-up as it is now from the start.`;
  saveExperiment(json);
}

/** The opened file as it trains on the page now: its own settings, the page's learning rate, `epochs` if any were trained. */
function fileExperiment(experiment: ExperimentJson, epochs: number): ExperimentJson {
  const json = withPageSettings(experiment, state.setup);
  const train = json.train as Record<string, unknown>;
  if (epochs > 0) train.epochs = epochs;
  return { ...json, name: json.name ?? "walkthrough", description: json.description ?? "" };
}

export function downloadModel(): void {
  const { imported } = state;
  // A model the page's data does not fit is not in the worker: it downloads as imported.
  void (state.importNoFit && imported ? Promise.resolve(imported.model as unknown) : worker.modelJson()).then((json) => saveBlob(new Blob([`${JSON.stringify(json, null, 1)}\n`], { type: "application/json" }), "model.json"));
}

export async function downloadSpreadsheet(): Promise<void> {
  if (!state.view) return;
  const target = state.view;
  target.error.textContent = t("sheet.writing");
  try {
    const bytes = await worker.spreadsheet(200);
    const name = `${(currentFile()?.experiment.name as string | undefined) ?? toExperiment(state.setup, 1).name}`.replace(/[^A-Za-z0-9_-]+/g, "-");
    saveBlob(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${name}.xlsx`);
    target.error.textContent = "";
  } catch (e) {
    target.error.textContent = t("sheet.failed", { message: errorText(e) });
  }
}
