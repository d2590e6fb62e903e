/**
 * The page's controller: every change to the set-up comes here and is sorted into what it needs
 * (a relabel, a redraw, a live update of the running training, or a new training), and so do
 * opening a walkthrough, a file or a model. It owns the handlers the controls report to.
 */
import * as Comlink from "comlink";
import type { Frame } from "../protocol.ts";
import { exampleNamed } from "../examples.ts";
import { DEFAULT_SETUP, epochsPerSecond, fileEpochs, fileLearningRate, liveSettings, toExperiment, withPageSettings, type Setup } from "../setup.ts";
import { language, t } from "../i18n.ts";
import { compareAndGif } from "../compare-mount.ts";
import { importedJob, importProblem, modelFiles, noFitText, storeImported } from "../imported.ts";
import type { ImportedModel } from "../model-kind.ts";
import type { Handlers } from "../ui/panels.ts";
import { render, showColumns } from "./build.ts";
import { downloadModel, downloadSpreadsheet, exportExperiment } from "./downloads.ts";
import { applyHidden, drawPoints, paintGrids, paintInputs, showManyFeatures } from "./drawing.ts";
import { applyLanguage } from "./language.ts";
import { currentFile, keepOpened, type OpenedFile } from "./opened-file.ts";
import { columnsProblem } from "../ui/csv-columns.ts";
import { fileSettings } from "./shown-network.ts";
import { clearTooltip, closeEditor } from "./overlays.ts";
import { rememberPlayground, state, worker, writeUrl } from "./state.ts";
import { pause, play, step } from "./transport.ts";
import { wake } from "./frame-loop.ts";
import { problemText } from "../ui/problem-text.ts";

/** Settings that change a running training in place; anything else starts it again. */
const LIVE: readonly (keyof Setup)[] = ["learningRate", "regularizationRate", "batchSize", "momentum"];
/** Settings that only change the drawing. */
const VIEW_ONLY: readonly (keyof Setup)[] = ["showTestData", "discretize", "hide"];

export const handlers: Handlers = {
  reset: () => void restart(false),
  playPause: () => (state.playing ? pause() : play()),
  step,
  change: (patch) => change(patch),
  regenerate: () => change({ seed: (Math.random() * 0xffffffff) >>> 0 }),
  exportExperiment,
  downloadSpreadsheet: () => void downloadSpreadsheet(),
  downloadModel,
  openExample: (name) => void openExperiment(name),
  openFile: (opened) => void openExperiment("file", opened),
  importModel: (files) => void importModelFiles(files),
  switchLanguage: () => change({ lang: language() === "zh" ? "en" : "zh" }),
  copyLink: async () => {
    writeUrl();
    try {
      if (!navigator.clipboard) return false;
      await navigator.clipboard.writeText(location.href);
      return true;
    } catch {
      return false;
    }
  },
};

// "Compare" and the training GIF (compare-mount.ts): what they read of the page and how they change it.
const compare = compareAndGif({
  setup: () => state.setup,
  file: () => currentFile(),
  inputs: () => state.info?.rawDim ?? null,
  epoch: () => state.latest?.epoch ?? 0,
  changedMidRun: () => state.changedMidRun,
  change: (patch) => change(patch),
  openFile: (opened) => void openExperiment("file", opened),
});

/** Builds the page from the set-up (page/build.ts). */
export function renderPage(): void {
  render({ handlers, closeModel, compare });
}

export function change(patch: Partial<Setup>): void {
  const before = state.setup;
  state.setup = { ...before, ...patch };
  writeUrl();
  const keys = (Object.keys(patch) as (keyof Setup)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(state.setup[k]));
  if (keys.length === 0) return;
  if (keys.every((k) => k === "lang")) {
    applyLanguage(state.setup);
    relabel();
    return;
  }
  if (keys.every((k) => k === "speed")) {
    void worker.pace(epochsPerSecond(state.setup.speed));
    return;
  }
  if (keys.every((k) => VIEW_ONLY.includes(k))) {
    applyHidden();
    drawPoints();
    if (state.lastGrids) paintGrids(state.lastGrids);
    if (keys.includes("hide")) renderPage();
    return;
  }
  if (keys.every((k) => LIVE.includes(k) || VIEW_ONLY.includes(k))) {
    if ((state.latest?.epoch ?? 0) > 0) state.changedMidRun = true;
    // A walkthrough or file keeps its own settings but for the learning rate (setup.ts withPageSettings);
    // an imported model over the Playground's data or its own CSV trains by the page's.
    void worker.update(fileSettings() ? { learningRate: state.setup.learningRate } : liveSettings(state.setup));
    drawPoints();
    return;
  }
  void restart(state.playing || state.playPending);
}

/** Starts training the set-up (or the file, or the imported model) again from its first epoch. */
export async function restart(keepPlaying: boolean): Promise<void> {
  const mine = ++state.generation;
  state.playing = false;
  state.playPending = keepPlaying;
  state.changedMidRun = false;
  state.info = null;
  state.latest = null;
  state.lastGrids = null;
  renderPage();
  try {
    const file = currentFile();
    if (state.setup.example && !file) {
      state.notices = [...state.notices, { key: "notice.noExample", params: { name: state.setup.example } }];
      state.setup = { ...state.setup, example: null };
      writeUrl();
      renderPage();
    }
    state.importNoFit = null;
    const { imported, setup } = state;
    const job = imported ? importedJob(imported, setup, imported.csv ? null : file) : null;
    const ready = await worker.setup(
      job ? job.experiment : file ? withPageSettings(file.experiment, setup) : toExperiment(setup, 1),
      Comlink.proxy((frame: Frame) => {
        if (mine !== state.generation) return;
        state.latest = frame;
        state.fresh = true;
        if (frame.refreshed) {
          if (frame.grids) state.lastGrids = frame.grids;
          state.freshGrids = true;
        }
        wake();
      }),
      job ? job.files : file?.files ?? {},
      imported?.model,
      // A walkthrough or file stops where its own run does (its train.epochs), as glassbox train would.
      !job && file ? fileEpochs(file.experiment) : null,
    );
    if (mine !== state.generation) return;
    state.playPending = false;
    state.info = ready;
    // A file's network is known once the worker has read it.
    if (file || state.imported) renderPage();
    paintInputs();
    showManyFeatures();
    state.view?.chart.clear();
    state.view!.error.textContent = "";
    drawPoints();
    compare.baseChanged();
    void worker.pace(epochsPerSecond(state.setup.speed));
    if (keepPlaying) play();
  } catch (e) {
    if (mine !== state.generation) return;
    state.playPending = false;
    if (state.imported && noFitText(state.imported, (e as Error).message)) return showModelOnly((e as Error).message);
    if (state.view) state.view.error.textContent = t("error.cannotTrain", { message: problemText(e) });
  }
}

/** An imported model the page's data does not fit: its diagram and weights, and why nothing else is drawn (render() draws them). */
function showModelOnly(problem: string): void {
  state.importNoFit = problem;
  void worker.pause();
  renderPage();
}

/** Builds the page again in the language now set, keeping the training, its curve and its pictures. */
export function relabel(): void {
  const caption = state.view?.caption.textContent ?? "";
  clearTooltip();
  closeEditor();
  renderPage();
  showManyFeatures();
  state.view?.chart.draw();
  drawPoints();
  if (state.lastGrids) paintGrids(state.lastGrids);
  else if (state.view && caption) state.view.caption.textContent = caption;
}

/** Opens a walkthrough or a file: its own settings, at its own learning rate. A file that does not validate changes nothing. */
async function openExperiment(name: string | null, opened?: OpenedFile): Promise<void> {
  if (opened) {
    // A CSV's first choice of columns is checked as its chooser checks one (a target of one value
    // would train to nothing), then by the engine.
    const problem = (opened.fromCsv ? csvChoiceProblem(opened) : null) ?? (await worker.check(opened.experiment, opened.files));
    if (problem) {
      const box = document.querySelector<HTMLElement>("[data-testid=file-error]");
      if (box) box.textContent = t("file.unchanged", { problem: ofFile(opened.name, problemText(problem)) });
      // A CSV whose first choice of columns cannot train: its columns to choose from, beside the error.
      if (opened.fromCsv && box && !document.querySelector("[data-testid=csv-columns]")) showColumns(opened, box, handlers.openFile);
      return;
    }
    keepOpened(opened);
  }
  const file = opened ?? (name && name !== "file" ? exampleNamed(name) : null);
  if (state.imported) {
    state.imported = null;
    storeImported(null);
  }
  // A walkthrough or file trains at its own learning rate and shows its test points (as the
  // articles' figures do); back on the Playground's data, the Playground's own settings return.
  rememberPlayground(name);
  let own: Partial<Setup> = {};
  if (file) own = { learningRate: fileLearningRate(file.experiment), showTestData: true };
  else if (name === null) {
    own = state.playground ?? { learningRate: DEFAULT_SETUP.learningRate, showTestData: DEFAULT_SETUP.showTestData };
    state.playground = null;
  }
  state.setup = { ...state.setup, example: name, ...own };
  writeUrl();
  void restart(false);
}

/** Imports the chosen files as a model; a file that cannot be imported changes nothing. */
async function importModelFiles(list: File[]): Promise<void> {
  const box = document.querySelector("[data-testid=file-error]");
  const name = list.find((f) => /\.(json|onnx)$/i.test(f.name))?.name ?? list[0]?.name ?? "";
  let next: ImportedModel;
  try {
    next = await worker.readModel(await modelFiles(list));
  } catch (e) {
    if (box) box.textContent = importProblem(name, e);
    return;
  }
  const job = importedJob(next, state.setup, next.csv ? null : currentFile());
  const problem = await worker.check(job.experiment, job.files, next.model);
  // Data the model cannot read still shows its diagram; any other problem (a CSV chosen with it that does not fit) changes nothing.
  if (problem && (next.csv || !noFitText(next, problem.message))) {
    if (box) box.textContent = importProblem(next.name, problem, next);
    return;
  }
  state.imported = next;
  storeImported(next);
  // Over the Playground's data, the dataset of the model's kind.
  if (!state.setup.example) state.setup = { ...state.setup, problem: next.model.classes ? "classification" : "regression" };
  writeUrl();
  void restart(false);
}

function closeModel(): void {
  state.imported = null;
  storeImported(null);
  void restart(false);
}

/** What the columns chooser would refuse in a CSV's experiment (csv-columns.ts), or null. */
/** A problem said of the file it was found in (an experiment's own mistakes name only where in it: "model.layers[0]: …"). */
function ofFile(name: string | undefined, problem: string): string {
  return name && !problem.startsWith(name) ? `${name}: ${problem}` : problem;
}

function csvChoiceProblem(opened: OpenedFile): string | null {
  const data = (opened.experiment.data ?? {}) as { csv?: string; target?: string; features?: string[] };
  const text = data.csv !== undefined ? opened.files[data.csv] : undefined;
  if (data.csv === undefined || text === undefined || data.target === undefined) return null;
  return columnsProblem(data.csv, text, data.target, data.features ?? []);
}
