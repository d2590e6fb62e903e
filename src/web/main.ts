/**
 * The playground page. State lives in one place, `setup` (what the URL holds); the worker owns
 * the network and trains it; this thread builds the controls from the set-up, sends the worker
 * what changed and draws the latest frame at display rate.
 */
import * as Comlink from "comlink";
import { CONVERGED, DOMAIN, GRID, type Frame, type PlaygroundWorker, type SetupInfo } from "./protocol.ts";
import { exampleNamed } from "./examples.ts";
import { FEATURES, fileLearningRate, HIDABLE, liveSettings, toExperiment, withPageSettings, type ExperimentJson, type Setup } from "./setup.ts";
import { noticeText, parseHash, toHash } from "./url-state.ts";
import { browserLanguage, htmlLang, language, setLanguage, t, type Lang, type Message } from "./i18n.ts";
import { classPointColor, pointColor, unitScale } from "./ui/colors.ts";
import { el, epochText, icon, saveBlob } from "./ui/dom.ts";
import { LossChart } from "./ui/loss-chart.ts";
import { featureNodes, inputScale, NetworkView, type NetworkShape, type NodeRef } from "./ui/network-view.ts";
import { OutputView } from "./ui/output-view.ts";
import { classroomPanel, dataPanel, outputPanel, readChosen, topBar, type Handlers } from "./ui/panels.ts";
import { ViewsPanel, type ViewTab } from "./ui/views-panel.ts";
import { compareAndGif } from "./compare-mount.ts";
import { importBox, importedExperiment, importedJob, importedShape, importProblem, loadImported, modelFiles, noFitText, paramsOf, storeImported } from "./imported.ts";
import type { ImportedModel } from "./model-kind.ts";
import { csvColumnsBox } from "./ui/csv-columns.ts";

/** Settings that change a running training in place; anything else starts it again. */
const LIVE: readonly (keyof Setup)[] = ["learningRate", "regularizationRate", "batchSize", "momentum"];
/** Settings that only change the drawing. */
const VIEW_ONLY: readonly (keyof Setup)[] = ["showTestData", "discretize", "hide"];

const app = document.getElementById("app")!;
const worker = Comlink.wrap<PlaygroundWorker>(new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }));

const parsed = parseHash(location.hash);
let setup: Setup = parsed.setup;
// A link naming a walkthrough but no learning rate trains at the file's own.
if (setup.example && setup.example !== "file" && !/(^|[#&])learningRate=/.test(location.hash)) {
  const found = exampleNamed(setup.example);
  if (found) setup = { ...setup, learningRate: fileLearningRate(found.experiment) };
}
let notices: Message[] = parsed.messages;
applyLanguage();
let info: SetupInfo | null = null;
let latest: Frame | null = null;
let fresh = false;
let freshGrids = false;
let lastGrids: Float32Array[] | null = null;
let playing = false;
let changedMidRun = false;
let hovered: NodeRef | null = null;
let generation = 0;
let gridRefreshes = 0;
let openTab: ViewTab | null = null;
/** An imported model (imported.ts), shown in the place of the page's own network; kept for reloads in this tab. */
let imported: ImportedModel | null = loadImported();
/** Why the imported model cannot be drawn over the page's data (the worker's problem; only its diagram then), or null. */
let importNoFit: string | null = null;

/** Whether the diagram is a file's or an imported model's network (not the Playground's own set-up). */
function fileNetwork(): boolean {
  return !!setup.example || imported !== null;
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
  const job = importedJob(next, setup, next.csv ? null : currentFile());
  const problem = await worker.check(job.experiment, job.files, next.model);
  // Data the model cannot read still shows its diagram; any other problem (a CSV chosen with it that does not fit) changes nothing.
  if (problem && (next.csv || !noFitText(next, problem))) {
    if (box) box.textContent = importProblem(next.name, problem, next);
    return;
  }
  imported = next;
  storeImported(next);
  // Over the Playground's data, the dataset of the model's kind.
  if (!setup.example) setup = { ...setup, problem: next.model.classes ? "classification" : "regression" };
  writeUrl();
  void restart(false);
}

function closeModel(): void {
  imported = null;
  storeImported(null);
  void restart(false);
}

/** An experiment opened from disk (or dropped on the page), kept for reloads in this tab. */
const FILE_KEY = "glassbox-opened-experiment";
interface OpenedFile {
  experiment: ExperimentJson;
  files: Record<string, string>;
  /** Made from a CSV alone: its columns can be chosen (ui/csv-columns.ts). */
  fromCsv?: boolean;
}

/** The experiment file the page trains in walkthrough mode, or null for the Playground's own set-up. */
function currentFile(): OpenedFile | null {
  if (!setup.example) return null;
  if (setup.example === "file") {
    try {
      const stored = sessionStorage.getItem(FILE_KEY);
      return stored ? (JSON.parse(stored) as OpenedFile) : null;
    } catch {
      return null;
    }
  }
  const found = exampleNamed(setup.example);
  return found ? { experiment: found.experiment, files: found.files } : null;
}

/** Opens a walkthrough or a file: its own settings, at its own learning rate. A file that does not validate changes nothing. */
async function openExperiment(name: string | null, opened?: OpenedFile): Promise<void> {
  if (opened) {
    const problem = await worker.check(opened.experiment, opened.files);
    if (problem) {
      const box = document.querySelector<HTMLElement>("[data-testid=file-error]");
      if (box) box.textContent = t("file.unchanged", { problem: problem.replace(/^(Error|UserError): /, "") });
      // A CSV whose first choice of columns cannot train: its columns to choose from, beside the error.
      if (opened.fromCsv && box && !document.querySelector("[data-testid=csv-columns]")) showColumns(opened, box);
      return;
    }
    try {
      sessionStorage.setItem(FILE_KEY, JSON.stringify(opened));
    } catch {
      // Too large to keep for a reload: it still opens now.
    }
  }
  const file = opened ?? (name && name !== "file" ? exampleNamed(name) : null);
  if (imported) {
    imported = null;
    storeImported(null);
  }
  setup = { ...setup, example: name, ...(file ? { learningRate: fileLearningRate(file.experiment) } : {}) };
  writeUrl();
  void restart(false);
}

let view: {
  epoch: HTMLElement;
  play: HTMLButtonElement;
  network: NetworkView;
  output: OutputView;
  chart: LossChart;
  trainLoss: HTMLElement;
  testLoss: HTMLElement;
  caption: HTMLElement;
  error: HTMLElement;
  heatmapWrap: HTMLElement;
  views: ViewsPanel;
} | null = null;

const tooltip = el("div", { class: "tooltip", "data-testid": "tooltip" });
tooltip.hidden = true;
document.body.append(tooltip);

function writeUrl(): void {
  history.replaceState(null, "", toHash(setup));
}

const handlers: Handlers = {
  reset: () => void restart(false),
  playPause: () => (playing ? pause() : play()),
  step: () => {
    playing = false;
    updatePlayButton();
    void worker.step();
  },
  change: (patch) => change(patch),
  regenerate: () => change({ seed: (Math.random() * 0xffffffff) >>> 0 }),
  exportExperiment: () => exportExperiment(),
  downloadSpreadsheet: () => void downloadSpreadsheet(),
  downloadModel: () =>
    // A model the page's data does not fit is not in the worker: it downloads as imported.
    void (importNoFit && imported ? Promise.resolve(imported.model as unknown) : worker.modelJson()).then((json) => saveBlob(new Blob([`${JSON.stringify(json, null, 1)}\n`], { type: "application/json" }), "model.json")),
  openExample: (name) => void openExperiment(name),
  openFile: (opened) => void openExperiment("file", opened),
  importModel: (files) => void importModelFiles(files),
  switchLanguage: () => change({ lang: language() === "zh" ? "en" : "zh" }),
  copyLink: () => {
    writeUrl();
    void navigator.clipboard?.writeText(location.href).catch(() => undefined);
  },
};

function change(patch: Partial<Setup>): void {
  const before = setup;
  setup = { ...setup, ...patch };
  writeUrl();
  const keys = (Object.keys(patch) as (keyof Setup)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(setup[k]));
  if (keys.length === 0) return;
  if (keys.every((k) => k === "lang")) {
    applyLanguage();
    relabel();
    return;
  }
  if (keys.every((k) => VIEW_ONLY.includes(k))) {
    applyHidden();
    drawPoints();
    if (lastGrids) paintGrids(lastGrids);
    if (keys.includes("hide")) render();
    return;
  }
  if (keys.every((k) => LIVE.includes(k) || VIEW_ONLY.includes(k))) {
    if ((latest?.epoch ?? 0) > 0) changedMidRun = true;
    void worker.update(liveSettings(setup));
    drawPoints();
    return;
  }
  void restart(playing);
}

async function restart(keepPlaying: boolean): Promise<void> {
  const mine = ++generation;
  playing = false;
  changedMidRun = false;
  info = null;
  latest = null;
  lastGrids = null;
  render();
  try {
    const file = currentFile();
    if (setup.example && !file) {
      notices = [...notices, { key: "notice.noExample", params: { name: setup.example } }];
      setup = { ...setup, example: null };
      writeUrl();
      render();
    }
    importNoFit = null;
    const job = imported ? importedJob(imported, setup, imported.csv ? null : file) : null;
    const ready = await worker.setup(
      job ? job.experiment : file ? withPageSettings(file.experiment, setup) : toExperiment(setup, 1),
      Comlink.proxy((frame: Frame) => {
        if (mine !== generation) return;
        latest = frame;
        fresh = true;
        if (frame.refreshed) {
          if (frame.grids) lastGrids = frame.grids;
          freshGrids = true;
        }
      }),
      job ? job.files : file?.files ?? {},
      imported?.model,
    );
    if (mine !== generation) return;
    info = ready;
    // A file's network is known once the worker has read it.
    if (file || imported) render();
    paintInputs();
    showManyFeatures();
    view?.chart.clear();
    view!.error.textContent = "";
    drawPoints();
    compare.baseChanged();
    if (keepPlaying) play();
  } catch (e) {
    if (mine !== generation) return;
    if (imported && noFitText(imported, (e as Error).message)) return showModelOnly((e as Error).message);
    if (view) view.error.textContent = t("error.cannotTrain", { message: (e as Error).message.replace(/^(Error|UserError): /, "") });
  }
}

/** An imported model the page's data does not fit: its diagram and weights, and why nothing else is drawn (render() draws them). */
function showModelOnly(problem: string): void {
  importNoFit = problem;
  void worker.pause();
  render();
}

function play(): void {
  if (!info) return;
  playing = true;
  updatePlayButton();
  delete view?.play.dataset.pausedAt;
  void worker.play();
}

function pause(): void {
  playing = false;
  updatePlayButton();
  const button = view?.play;
  // The epoch training stopped at: once the counter shows it, no later frame can come.
  void worker.pause().then((epoch) => {
    if (button && !playing) button.dataset.pausedAt = String(epoch);
  });
}

function updatePlayButton(): void {
  if (!view) return;
  view.play.replaceChildren(icon(playing ? "pause" : "play"));
  view.play.setAttribute("aria-pressed", String(playing));
  view.play.classList.toggle("playing", playing);
}

/** The page's language: the link's, else the browser's. */
function applyLanguage(): void {
  const lang: Lang = setup.lang ?? browserLanguage([navigator.language]);
  setLanguage(lang);
  document.documentElement.lang = htmlLang(lang);
  document.title = t("page.title");
}

/** Builds the page again in the language now set, keeping the training, its curve and its pictures. */
function relabel(): void {
  const caption = view?.caption.textContent ?? "";
  showTooltip(null);
  tooltip.textContent = "";
  document.querySelector(".editor")?.remove();
  render();
  showManyFeatures();
  view?.chart.draw();
  drawPoints();
  if (lastGrids) paintGrids(lastGrids);
  else if (view && caption) view.caption.textContent = caption;
}

function showManyFeatures(): void {
  if (info && info.rawDim > 2) view?.output.showInstead({ text: imported ? t("import.wideOutput", { n: info.rawDim }) : t("output.manyFeatures", { n: info.rawDim }) });
}

/** Builds the page from the set-up (after a structural change; live changes do not come here). */
function render(): void {
  const previousChart = view?.chart;
  // An imported model brings its own activations, loss and problem type: the controls for them are the walkthroughs' (none).
  const top = topBar(imported && !setup.example ? { ...setup, example: "imported" } : setup, handlers);
  const data = dataPanel(setup, handlers);
  const opened = setup.example === "file" && !imported ? currentFile() : null;
  if (opened?.fromCsv) showColumns(opened, data.querySelector<HTMLElement>("[data-testid=file-error]")!);
  if (imported) data.insertBefore(importBox(imported, importNoFit ? "none" : imported.csv ? "csv" : setup.example ? "file" : "playground", closeModel), data.children[2] ?? null);
  const out = outputPanel(setup, handlers);
  const board = el("main", { class: "board" });
  const middle = el("section", { class: "middle" });
  const error = el("div", { class: "error-line", role: "alert", "data-testid": "error" });
  board.append(data, middle, out.root);
  const noticeBox = notices.length ? noticeElement() : null;
  const views = new ViewsPanel({
    hiddenLayers: fileNetwork() ? (imported?.model.layers ?? info?.layers ?? [{}]).length - 1 : setup.networkShape.length,
    paramNames: () => worker.paramNames(),
    draw: (request) => worker.view(request),
    applyIteration: () => worker.applyIteration(),
    pause: () => {
      if (playing) pause();
    },
  });
  app.replaceChildren(top.root, ...(noticeBox ? [noticeBox] : []), board, views.root, classroomPanel(setup, handlers));
  compare.mount(app, out.root);
  const why = imported && importNoFit ? noFitText(imported, importNoFit) : null;
  if (why) views.root.replaceChildren(el("h2", { text: t("views.heading") }), el("p", { class: "panel-note", "data-testid": "views-need-data", text: `${t("import.viewsNeedData")} ${why}` }));
  const width = middle.clientWidth || 600;
  const network = new NetworkView(
    networkShape(),
    {
      toggleFeature: (key) => {
        const f = key as (typeof FEATURES)[number];
        const on = setup.features.includes(f);
        if (on && setup.features.length === 1) {
          error.textContent = t("network.needsFeature");
          return;
        }
        change({ features: FEATURES.filter((x) => (x === f ? !on : setup.features.includes(x))) });
      },
      addLayer: () => change({ networkShape: [...setup.networkShape, 2] }),
      removeLayer: () => change({ networkShape: setup.networkShape.slice(0, -1) }),
      addNeuron: (l) => change({ networkShape: setup.networkShape.map((u, i) => (i === l ? u + 1 : u)) }),
      removeNeuron: (l) => change({ networkShape: setup.networkShape.map((u, i) => (i === l ? u - 1 : u)) }),
      editParam: (index, value, label, at) => {
        if (view?.views.active === "landscape") void view.views.pickParam(index).then((name) => name && showTooltip(t("network.picked", { name }), at));
        else openEditor(index, value, label, at);
      },
      hoverNode: (node) => {
        hovered = node;
        if (lastGrids) paintOutput(lastGrids);
      },
      tooltip: (text, at) => showTooltip(text, at),
    },
    width,
  );
  middle.append(el("h2", { text: t("network.heading") }), network.root, error);
  view = {
    epoch: top.epoch,
    play: top.play,
    network,
    output: new OutputView(out.heatmapWrap),
    chart: new LossChart(out.chart, previousChart),
    trainLoss: out.trainLoss,
    testLoss: out.testLoss,
    caption: out.caption,
    error,
    heatmapWrap: out.heatmapWrap,
    views,
  };
  views.open(openTab);
  views.root.addEventListener("click", () => (openTab = views.active));
  if (why && imported) {
    network.setParams(paramsOf(imported.model));
    view.output.showInstead({ text: why });
  }
  paintInputs();
  applyHidden();
  updatePlayButton();
  fresh = latest !== null;
  freshGrids = latest !== null;
}

/** The CSV's columns to choose from (ui/csv-columns.ts), in the data column under the file picker. */
function showColumns(opened: OpenedFile, error: HTMLElement): void {
  const columns = csvColumnsBox(opened, (next) => void openExperiment("file", next), error);
  const data = error.closest("section.data");
  if (!columns || !data) return;
  data.querySelector("[data-testid=csv-columns]")?.remove();
  data.insertBefore(columns, data.children[2] ?? null);
}

/** What the diagram draws: the Playground's set-up, or the opened file's network once the worker has read it. */
function networkShape(): NetworkShape {
  if (imported) return importedShape(imported.model);
  const file = currentFile();
  if (!file) {
    return {
      inputs: featureNodes(setup.features),
      hidden: setup.networkShape,
      outputUnits: 1,
      activations: [...setup.networkShape.map(() => setup.activation), setup.problem === "classification" ? "sigmoid" : "linear"],
      editable: true,
    };
  }
  const layers = info?.layers ?? [];
  return {
    inputs: (info?.inputs ?? []).map((name) => ({ key: name, label: name, on: true, toggle: false })),
    hidden: layers.slice(0, -1).map((l) => l.units),
    outputUnits: layers.at(-1)?.units ?? 1,
    activations: layers.map((l) => l.activation),
    editable: false,
  };
}

function paintInputs(): void {
  if (!view || !info) return;
  if (!fileNetwork()) view.network.paintFeatures(info.featureGrids);
  else if (info.inputGrids) view.network.paintFeatures(Object.fromEntries(info.inputs.map((name, i) => [name, info!.inputGrids![i]])));
}

function noticeElement(): HTMLElement {
  const close = el("button", { class: "text-button", text: t("notices.dismiss") });
  const box = el("div", { class: "notices", role: "status", "data-testid": "notices" }, close, el("strong", { text: t("notices.heading") }), el("ul", {}, ...notices.map((n) => el("li", { text: noticeText(language(), n) }))));
  close.addEventListener("click", () => {
    notices = [];
    box.remove();
  });
  return box;
}

function applyHidden(): void {
  for (const h of HIDABLE) {
    for (const node of document.querySelectorAll(`.ui-${h}`)) node.classList.toggle("hidden-control", setup.hide.includes(h));
  }
}

function showTooltip(text: string | null, at?: { x: number; y: number }): void {
  if (!text || !at) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = text;
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(at.x + 12, innerWidth - 260)}px`;
  tooltip.style.top = `${at.y + 14}px`;
}

/** A small box to type a weight or bias into; Enter applies it at once, Escape closes it. */
function openEditor(index: number, value: number, label: string, at: { x: number; y: number }): void {
  document.querySelector(".editor")?.remove();
  showTooltip(null);
  const input = el("input", { type: "number", step: "any", value: String(Number(value.toPrecision(6))), "data-testid": "param-input", "aria-label": label });
  const box = el("div", { class: "editor", "data-testid": "param-editor" }, el("div", { text: label }), input);
  box.style.left = `${Math.min(at.x, innerWidth - 200)}px`;
  box.style.top = `${at.y + 8}px`;
  document.body.append(box);
  input.focus();
  input.select();
  const close = (): void => box.remove();
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
    if (e.key !== "Enter") return;
    const v = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(v)) {
      input.setCustomValidity(t("editor.number"));
      input.reportValidity();
      return;
    }
    changedMidRun = true;
    void worker.setParam(index, v);
    close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

async function downloadSpreadsheet(): Promise<void> {
  if (!view) return;
  const target = view;
  target.error.textContent = t("sheet.writing");
  try {
    const bytes = await worker.spreadsheet(200);
    const name = `${(currentFile()?.experiment.name as string | undefined) ?? toExperiment(setup, 1).name}`.replace(/[^A-Za-z0-9_-]+/g, "-");
    saveBlob(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${name}.xlsx`);
    target.error.textContent = "";
  } catch (e) {
    target.error.textContent = t("sheet.failed", { message: (e as Error).message.replace(/^(Error|UserError): /, "") });
  }
}

function exportExperiment(): void {
  const epochs = latest?.epoch ?? 0;
  if (imported && !importNoFit) {
    // The imported model over the page's data, from its weights as they are now.
    const m = imported;
    void worker.modelJson().then((now) => {
      const json = importedExperiment({ ...m, model: now as ImportedModel["model"] }, setup, m.csv ? null : currentFile(), epochs);
      saveBlob(new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" }), `${String(json.name).replace(/[^A-Za-z0-9_-]+/g, "-")}.json`);
    });
    return;
  }
  const file = currentFile();
  // A walkthrough or an opened file is exported as itself, with the page's learning rate and the
  // epochs trained so far (a CSV it reads keeps its relative path: save the file beside it).
  const json = file ? fileExperiment(file.experiment, epochs) : toExperiment(setup, epochs);
  if (changedMidRun) json.description = `${json.description} Note: settings or weights were changed during the run, which this file cannot replay; it trains the set-up as it is now from the start.`;
  saveBlob(new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" }), `${String(json.name).replace(/[^A-Za-z0-9_-]+/g, "-")}.json`);
}

/** The opened file as it trains on the page now: its own settings, the page's learning rate, `epochs` if any were trained. */
function fileExperiment(experiment: ExperimentJson, epochs: number): ExperimentJson {
  const json = withPageSettings(experiment, setup);
  const train = json.train as Record<string, unknown>;
  if (epochs > 0) train.epochs = epochs;
  return { ...json, name: json.name ?? "walkthrough", description: json.description ?? "" };
}

function pointColorOf(y: number): string {
  if (!info) return "#000";
  return info.task === "regression" ? pointColor(y) : classPointColor(y);
}

function drawPoints(): void {
  if (!view || !info || info.rawDim > 2) return;
  view.output.points(info.train, setup.showTestData || fileNetwork() ? info.test : null, pointColorOf, info.domain, info.rawDim);
}

let curvesInFlight = false;
let lastCurves = 0;

/** 1-D data: the `neurons` view (each hidden neuron's curve and the output along x), a few times a second. */
function drawCurves(): void {
  if (!view || curvesInFlight || performance.now() - lastCurves < 250) return;
  curvesInFlight = true;
  lastCurves = performance.now();
  const target = view;
  void worker
    .view({ name: "neurons", width: Math.max(320, Math.round(target.heatmapWrap.clientWidth) || 330) })
    .then((r) => target.output.showInstead({ svg: r.svg }))
    .catch((e) => target.output.showInstead({ text: (e as Error).message }))
    .finally(() => {
      curvesInFlight = false;
      target.heatmapWrap.dataset.refreshes = String(++gridRefreshes);
    });
}

function paintOutput(grids: Float32Array[]): void {
  if (!view || !info) return;
  if (info.rawDim === 1) {
    view.caption.textContent = t("caption.curves");
    drawCurves();
    return;
  }
  const L = grids.length - 1;
  const h = hovered;
  if (h && h.layer === -1) {
    const g = fileNetwork() ? info.inputGrids?.[h.unit] : info.featureGrids[FEATURES.find((x) => networkShape().inputs.find((i) => i.key === x)?.label === h.label) ?? "x"];
    if (g) view.output.paint(g, inputScale(g), false);
    view.caption.textContent = t("caption.input", { label: h.label });
  } else if (h && h.layer < L) {
    const units = info.layers[h.layer].units;
    view.output.paint(grids[h.layer], unitScale(info.layers[h.layer].activation), false, h.unit, units);
    view.caption.textContent = t("caption.node", { label: h.label });
  } else if (info.task === "multiclass") {
    view.output.paintClasses(grids[L], info.layers[L].units, setup.discretize);
    view.caption.textContent = t("caption.classes", { classes: info.classes?.join(", ") ?? "" });
  } else {
    view.output.paint(grids[L], unitScale(info.layers[L].activation), setup.discretize);
    const test = setup.showTestData || fileNetwork();
    view.caption.textContent = info.task === "binary" ? t(test ? "caption.binaryTest" : "caption.binary", { cls: info.classes?.[1] ?? 1 }) : t("caption.regression");
  }
  view.heatmapWrap.dataset.refreshes = String(++gridRefreshes);
}

function paintGrids(grids: Float32Array[]): void {
  if (!view) return;
  view.network.paint(grids, setup.discretize);
  paintOutput(grids);
}

function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return "–";
  return v !== 0 && Math.abs(v) < 0.001 ? v.toExponential(2) : v.toFixed(3);
}

function draw(): void {
  requestAnimationFrame(draw);
  if (!view || !latest || !info) return;
  const f = latest;
  if (fresh) {
    fresh = false;
    view.epoch.textContent = epochText(f.epoch);
    view.epoch.dataset.epoch = String(f.epoch);
    view.trainLoss.textContent = formatLoss(f.trainLoss);
    view.trainLoss.dataset.value = String(f.trainLoss);
    view.testLoss.textContent = formatLoss(f.testLoss);
    view.testLoss.dataset.value = String(f.testLoss);
    view.chart.add(f.epoch, f.trainLoss, f.testLoss);
    view.chart.draw();
    if (f.error) {
      const converged = f.error.startsWith(CONVERGED) ? f.error.slice(CONVERGED.length) : null;
      view.error.textContent = t("error.stopped", { message: converged !== null ? t("error.converged", { epoch: converged }) : f.error });
      playing = false;
      updatePlayButton();
      view.play.dataset.pausedAt = String(f.epoch);
    }
  }
  let changed = false;
  if (freshGrids) {
    freshGrids = false;
    changed = true;
    view.network.setParams(f.params);
    if (lastGrids) paintGrids(lastGrids);
  }
  view.views.tick(f.epoch, changed);
}

// "Compare" and the training GIF (compare-mount.ts): what they read of the page and how they change it.
const compare = compareAndGif({
  setup: () => setup,
  file: () => currentFile(),
  inputs: () => info?.inputs.length ?? null,
  epoch: () => latest?.epoch ?? 0,
  changedMidRun: () => changedMidRun,
  change: (patch) => change(patch),
  openFile: (opened) => void openExperiment("file", opened),
});

// Files dropped anywhere on the page open as if chosen.
window.addEventListener("dragover", (e) => e.preventDefault());
window.addEventListener("drop", (e) => {
  e.preventDefault();
  const files = [...(e.dataTransfer?.files ?? [])];
  const box = document.querySelector<HTMLElement>("[data-testid=file-error]");
  if (files.length && box) void readChosen(files, handlers, box);
});

// Keyboard: space plays or pauses, → or S steps one epoch, R resets (shown in the buttons' titles).
window.addEventListener("keydown", (e) => {
  const target = e.target as HTMLElement | null;
  if (e.ctrlKey || e.metaKey || e.altKey || (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) && e.key !== "Escape")) return;
  if (e.key === " ") {
    e.preventDefault();
    if (!setup.hide.includes("playButton")) handlers.playPause();
  } else if (e.key === "ArrowRight" || e.key === "s") {
    if (!setup.hide.includes("stepButton")) handlers.step();
  } else if (e.key === "r") {
    if (!setup.hide.includes("resetButton")) handlers.reset();
  }
});

window.addEventListener("hashchange", () => {
  const next = parseHash(location.hash);
  if (toHash(next.setup) === toHash(setup)) return;
  const onlyLanguage = toHash({ ...next.setup, lang: setup.lang }) === toHash(setup);
  setup = next.setup;
  notices = next.messages;
  applyLanguage();
  if (onlyLanguage) relabel();
  else void restart(false);
});

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    render();
    drawPoints();
  }, 200);
});

// For meters and tests: what the page is doing, read without touching its internals.
Object.assign(globalThis, {
  glassbox: {
    get setup() {
      return setup;
    },
    get playing() {
      return playing;
    },
    get threads() {
      return info?.threads ?? null;
    },
    rate: () => worker.rate(),
    /** The step inspector's iteration at the current weights (the numbers `glassbox steps` gives). */
    trace: () => worker.trace(),
    /** The shown model's outputs for raw rows (what `glassbox predict` writes for them). */
    predict: (rows: number[][]) => worker.predict(rows),
    get imported() {
      return imported ? { format: imported.format, name: imported.name, fits: importNoFit === null, ready: info !== null || importNoFit !== null } : null;
    },
    grid: { side: GRID, domain: DOMAIN },
  },
});

writeUrl();
void restart(false);
requestAnimationFrame(draw);
