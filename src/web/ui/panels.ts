/**
 * The page's controls, as TensorFlow Playground lays them out: the top bar (reset, play, step,
 * the epoch counter, learning rate, activation, regularisation, problem type), the data column
 * (datasets, train/test ratio, noise, batch size, regenerate) and the output column. Each control
 * carries its Playground class `ui-<name>`, so the classroom flags (`<name>_hide=true`) hide it.
 * Controls only report what the user did; the page's controller (page/controller.ts) owns the set-up.
 */
import { parseJsonText } from "../../experiment/json-text.ts";
import { isUserError } from "../../core/errors.ts";
import { csvTable } from "../../data/csv.ts";
import { generateDataset } from "../../data/generate.ts";
import { EXAMPLES } from "../examples.ts";
import { EXAMPLE_TITLES_ZH } from "../i18n/examples-zh.ts";
import {
  ACTIVATIONS,
  CLASS_DATASETS,
  HIDABLE,
  INITS,
  LEARNING_RATES,
  LIMITS,
  MOMENTA,
  OPTIMIZERS,
  PAGE_LOSSES,
  REG_DATASETS,
  REGULARIZATION_RATES,
  SPEEDS,
  type ClassDataset,
  type Hidable,
  type RegDataset,
  type ExperimentJson,
  type Setup,
} from "../setup.ts";
import { pointColor } from "./colors.ts";
import { el, icon } from "./dom.ts";
import { language, t, type MessageKey } from "../i18n.ts";
import { TEST_COLOR, TRAIN_COLOR } from "./loss-chart.ts";
import { isModelChoice } from "../imported.ts";
import { oversizedFile } from "../file-limits.ts";
import { problemText } from "./problem-text.ts";
import { OutputLegend, twoClassLegend } from "./output-legend.ts";

export interface OpenedFiles {
  experiment: ExperimentJson;
  files: Record<string, string>;
  /** Made from a CSV alone (experimentForCsv): the page then offers to choose its columns (csv-columns.ts). */
  fromCsv?: boolean;
  /** The experiment file chosen, which a problem found in it is said of. */
  name?: string;
}

export interface Handlers {
  /** A walkthrough by name; null returns to the Playground's own data. */
  openExample(name: string | null): void;
  /** Files the user chose or dropped: an experiment (with the CSV it reads) or a CSV alone. */
  openFile(opened: OpenedFiles): void;
  reset(): void;
  playPause(): void;
  step(): void;
  change(patch: Partial<Setup>): void;
  regenerate(): void;
  exportExperiment(): void;
  downloadSpreadsheet(): void;
  downloadModel(): void;
  /** Copies the page's link; whether the clipboard took it. */
  copyLink(): Promise<boolean>;
  /** The language switch: the other language. */
  switchLanguage(): void;
  /** Files that are a model (with its weights, or a CSV to draw it over): imported to look inside (imported.ts). */
  importModel?(files: File[]): void;
}

function select<T extends string | number>(label: string, cls: string, id: string, values: readonly T[], current: T, show: (v: T) => string, onChange: (v: T) => void): HTMLElement {
  const options = values.includes(current) ? values : [...values, current];
  const s = el("select", { id, "data-testid": id });
  for (const v of options) s.append(el("option", { value: String(v), selected: v === current, text: show(v) }));
  s.addEventListener("change", () => onChange(options[s.selectedIndex]));
  return el("label", { class: `field ${cls}` }, el("span", { class: "label", text: label }), s);
}

/**
 * Which of the set-up's menus the top bar offers: "all" (the Playground's own network); "training"
 * (an imported model trained by the page's settings: its activations, loss and problem are its
 * own, its start its weights); "none" (a walkthrough or file, which trains by its own).
 */
export type SettingsShown = "all" | "training" | "none";

export function topBar(setup: Setup, on: Handlers, shown: SettingsShown, canTrain = true): { root: HTMLElement; epoch: HTMLElement; play: HTMLButtonElement } {
  const play = el("button", { class: "icon-button primary ui-playButton", id: "play-pause", "data-testid": "play", title: t("transport.play.title"), "aria-label": t("transport.play.aria"), "aria-keyshortcuts": "Space" }, icon("play"));
  play.addEventListener("click", () => on.playPause());
  const reset = el("button", { class: "icon-button ui-resetButton", id: "reset-button", "data-testid": "reset", title: t("transport.reset.title"), "aria-label": t("transport.reset.aria"), "aria-keyshortcuts": "R" }, icon("reset"));
  reset.addEventListener("click", () => on.reset());
  const step = el("button", { class: "icon-button ui-stepButton", id: "next-step-button", "data-testid": "step", title: t("transport.step.title"), "aria-label": t("transport.step.aria"), "aria-keyshortcuts": "ArrowRight S" }, icon("step"));
  step.addEventListener("click", () => on.step());
  const epoch = el("span", { class: "value", id: "iter-number", "data-testid": "epoch", "data-epoch": "0", text: "000,000" });
  const exportButton = el("button", { class: "text-button", "data-testid": "export", title: t("action.export.title"), text: t("action.export") });
  exportButton.addEventListener("click", () => on.exportExperiment());
  const sheet = el("button", { class: "text-button", "data-testid": "spreadsheet", title: t("action.sheet.title"), text: t("action.sheet") });
  sheet.addEventListener("click", () => on.downloadSpreadsheet());
  const model = el("button", { class: "text-button", "data-testid": "export-model", title: t("action.model.title"), text: t("action.model") });
  model.addEventListener("click", () => on.downloadModel());
  for (const b of [play, reset, step]) b.disabled = !canTrain;
  // A file the user opened is kept in this tab, not in the link: a link that says so.
  const local = setup.example === "file";
  const link = el("button", { class: "text-button", "data-testid": "copy-link", title: t(local ? "action.link.titleLocal" : "action.link.title"), text: t("action.link") });
  // The answer shows on the button for a moment: copied, or where to copy it from instead.
  let restore = 0;
  link.addEventListener("click", () =>
    void on.copyLink().then((copied) => {
      link.textContent = t(!copied ? "action.link.failed" : local ? "action.link.copiedLocal" : "action.link.copied");
      link.dataset.copied = String(copied);
      clearTimeout(restore);
      restore = window.setTimeout(() => {
        link.textContent = t("action.link");
        delete link.dataset.copied;
      }, local ? 4000 : 2000);
    }),
  );
  const other = language() === "zh" ? "en" : "zh";
  const langButton = el("button", { class: "text-button lang-switch", "data-testid": "lang", lang: other === "zh" ? "zh-Hans" : "en", title: t("lang.title"), text: t("lang.other") });
  langButton.addEventListener("click", () => on.switchLanguage());

  const root = el(
    "header",
    { class: "topbar" },
    el("div", { class: "brand" }, "Glassbox ", el("small", { text: t("brand.playground") })),
    el("div", { class: "transport" }, reset, play, step),
    el("div", { class: "epoch" }, el("span", { class: "label", text: t("field.epoch") }), epoch),
    select(t("field.speed"), "ui-speed", "speed", SPEEDS, setup.speed, (v) => t(`speed.${v}`), (v) => on.change({ speed: v })),
    select(t("field.learningRate"), "ui-learningRate", "learningRate", LEARNING_RATES, setup.learningRate, String, (v) => on.change({ learningRate: v })),
    ...(shown !== "all" ? [] : [select(t("field.activation"), "ui-activation", "activations", ACTIVATIONS, setup.activation, (v) => t(`activation.${v}`), (v) => on.change({ activation: v }))]),
    ...(shown === "none" ? [] : [select(t("field.regularization"), "ui-regularization", "regularizations", ["none", "L1", "L2"] as const, setup.regularization, (v) => (v === "none" ? t("regularization.none") : v), (v) => on.change({ regularization: v })),
    select(t("field.regularizationRate"), "ui-regularizationRate", "regularRate", REGULARIZATION_RATES, setup.regularizationRate, String, (v) => on.change({ regularizationRate: v }))]),
    ...(shown !== "all" ? [] : [select(t("field.problem"), "ui-problem", "problem", ["classification", "regression"] as const, setup.problem, (v) => t(`problem.${v}`), (v) => on.change({ problem: v }))]),
    ...(shown === "none" ? [] : [select(t("field.optimizer"), "ui-optimizer", "optimizer", OPTIMIZERS, setup.optimizer, (v) => t(`optimizer.${v}`), (v) => on.change({ optimizer: v })),
    ...(setup.optimizer === "momentum" || setup.optimizer === "nesterov" ? [select(t("field.momentum"), "ui-momentum", "momentum", MOMENTA, setup.momentum, String, (v) => on.change({ momentum: v }))] : [])]),
    ...(shown !== "all" ? [] : [select(t("field.loss"), "ui-loss", "loss", setup.problem === "classification" ? PAGE_LOSSES : PAGE_LOSSES.filter((l) => l !== "binary-crossentropy"), setup.problem === "regression" && setup.loss === "binary-crossentropy" ? "mse" : setup.loss, (v) => t(`loss.${v}`), (v) => on.change({ loss: v })),
    select(t("field.init"), "ui-init", "init", INITS, setup.init, (v) => t(`init.${v}`), (v) => on.change({ init: v }))]),
    el("div", { class: "actions" }, exportButton, model, sheet, link, langButton),
  );
  return { root, epoch, play };
}


function slider(label: string, cls: string, id: string, [min, max]: readonly [number, number], step: number, value: number, format: (v: number) => string, onChange: (v: number) => void): HTMLElement {
  const out = el("span", { text: format(value) });
  const input = el("input", { type: "range", id, "data-testid": id, min, max, step, value });
  input.addEventListener("input", () => (out.textContent = format(Number(input.value))));
  input.addEventListener("change", () => onChange(Number(input.value)));
  return el("div", { class: `slider ${cls}` }, el("label", { for: id }, el("span", { text: label }), out), input);
}

/** A walkthrough's title in the page's language (the file's own "name" in English). */
function exampleTitle(e: { name: string; title: string }): string {
  return (language() === "zh" && EXAMPLE_TITLES_ZH[e.name]) || e.title;
}

/** The walkthroughs menu and the file picker (also a drop target: the whole page takes dropped files). */
function openers(setup: Setup, on: Handlers, error: HTMLElement): HTMLElement {
  const menu = el("select", { "data-testid": "example", "aria-label": t("data.walkthrough.aria") });
  menu.append(el("option", { value: "", text: t("data.ownData"), selected: !setup.example }));
  for (const e of EXAMPLES) menu.append(el("option", { value: e.name, text: exampleTitle(e), selected: setup.example === e.name }));
  if (setup.example === "file") menu.append(el("option", { value: "file", text: t("data.openedFile"), selected: true }));
  menu.addEventListener("change", () => on.openExample(menu.value || null));
  // The browser writes a file input's own button in its language, not the page's: a button of ours stands in for it.
  const picker = el("input", { type: "file", class: "visually-hidden", accept: ".json,.csv,.onnx,.bin,application/json,text/csv", multiple: true, "data-testid": "open-file", "aria-label": t("data.open.aria") });
  picker.addEventListener("change", () => void readChosen([...(picker.files ?? [])], on, error));
  return el("div", { class: "openers" }, el("label", { class: "field" }, el("span", { class: "label", text: t("data.walkthroughs") }), menu), el("label", { class: "field open-file" }, el("span", { class: "label", text: t("data.open") }), picker, el("span", { class: "text-button", "aria-hidden": "true", text: t("data.choose") })), error);
}

/** Reads chosen or dropped files: one experiment (plus the CSV it names), or one CSV to make an experiment of. */
export async function readChosen(list: File[], on: Handlers, error: HTMLElement): Promise<void> {
  error.textContent = "";
  const big = oversizedFile(list);
  if (big) {
    error.textContent = t("file.unchanged", { problem: t("file.tooLarge", { file: big.name, size: String(big.megabytes), limit: String(big.limitMegabytes) }) });
    return;
  }
  if (on.importModel && (await isModelChoice(list))) return on.importModel(list);
  try {
    const texts = await Promise.all(list.map(async (f) => [f.name, await f.text()] as const));
    const json = texts.find(([n]) => n.toLowerCase().endsWith(".json"));
    const csvs = texts.filter(([n]) => n.toLowerCase().endsWith(".csv"));
    if (json) {
      let experiment: ExperimentJson;
      try {
        // As the CLI reads experiment files: comments and trailing commas allowed, mistakes by line and column.
        experiment = parseJsonText(json[1], { comments: true }) as ExperimentJson;
      } catch (e) {
        throw new Error(t("file.notJson", { file: json[0], message: (e as Error).message }));
      }
      const data = (experiment.data ?? {}) as { csv?: unknown };
      const files: Record<string, string> = {};
      if (typeof data.csv === "string") {
        const base = data.csv.split("/").pop()!;
        const found = csvs.find(([n]) => n === base);
        if (!found) throw new Error(t("file.needsCsv", { file: json[0], path: JSON.stringify(data.csv) }));
        files[data.csv] = found[1];
      }
      on.openFile({ experiment, files, name: json[0] });
      return;
    }
    if (csvs.length === 1) {
      on.openFile({ ...experimentForCsv(csvs[0][0], csvs[0][1]), fromCsv: true });
      return;
    }
    throw new Error(list.length === 0 ? t("file.none") : t("file.which"));
  } catch (e) {
    // The engine's words (a CSV that does not parse) or the page's, in the page's sentence.
    error.textContent = t("file.unchanged", { problem: isUserError(e) ? problemText(e) : (e as Error).message });
  }
}

/**
 * A first experiment for a CSV of one's own: the last column is the target, the others the
 * features (edit them in the page's CSV box); classes when the target holds few distinct values.
 */
export function experimentForCsv(name: string, text: string, target?: string, features?: string[]): OpenedFiles {
  const { header, rows } = csvTable(text, name);
  const y = target ?? header[header.length - 1];
  const xs = features ?? header.filter((h) => h !== y);
  const column = header.indexOf(y);
  const values = rows.map((r) => r[column]);
  const distinct = new Set(values);
  const numeric = values.every((v) => v !== undefined && v !== "" && Number.isFinite(Number(v)));
  const classes = !numeric || (distinct.size <= 10 && values.every((v) => Number.isInteger(Number(v))));
  const output = !classes ? { units: 1, activation: "linear" } : distinct.size <= 2 ? { units: 1, activation: "sigmoid" } : { units: distinct.size, activation: "softmax" };
  return {
    experiment: {
      name: name.replace(/\.csv$/i, ""),
      data: { csv: name, target: y, features: xs, testFraction: 0.2, seed: 1 },
      scale: "standard",
      model: { layers: [{ units: 8, activation: "tanh" }, { units: 8, activation: "tanh" }, output] },
      train: { optimizer: "adam", learningRate: 0.01, batchSize: 16 },
    },
    files: { [name]: text },
  };
}

export function dataPanel(setup: Setup, on: Handlers): HTMLElement {
  const error = el("div", { class: "error-line", role: "alert", "data-testid": "file-error" });
  if (setup.example) {
    const back = el("button", { class: "text-button", "data-testid": "back-to-playground", text: t("data.back") });
    back.addEventListener("click", () => on.openExample(null));
    return el(
      "section",
      { class: "data" },
      el("h2", { text: t("data.heading") }),
      openers(setup, on, error),
      el("p", { class: "panel-note", text: t("data.fileNote") }),
      back,
    );
  }
  const names: readonly (ClassDataset | RegDataset)[] = setup.problem === "classification" ? CLASS_DATASETS : REG_DATASETS;
  const current = setup.problem === "classification" ? setup.dataset : setup.regDataset;
  // One choice of several, as a screen reader hears it: a group of toggle buttons, the chosen one pressed.
  const thumbs = el("div", { class: "datasets ui-dataset", role: "group", "aria-label": t("data.which") });
  for (const name of names) {
    const b = el("button", { class: `dataset-thumb${name === current ? " selected" : ""}`, "data-dataset": name, title: t(`dataset.${name}`), "aria-label": t(`dataset.${name}`), "aria-pressed": String(name === current) }, thumbnail(name, setup.problem === "regression"));
    b.addEventListener("click", () => on.change(setup.problem === "classification" ? { dataset: name as ClassDataset } : { regDataset: name as RegDataset }));
    thumbs.append(b);
  }
  const regenerate = el("button", { class: "text-button", "data-testid": "regenerate", title: t("data.regenerate.title"), text: t("data.regenerate") });
  regenerate.addEventListener("click", () => on.regenerate());
  return el(
    "section",
    { class: "data" },
    el("h2", { text: t("data.heading") }),
    openers(setup, on, error),
    el("div", { class: "panel-note", text: t("data.which") }),
    thumbs,
    slider(t("data.ratio"), "ui-percTrainData", "percTrainData", LIMITS.percTrainData, 10, setup.percTrainData, (v) => `${v}%`, (v) => on.change({ percTrainData: v })),
    slider(t("data.noise"), "ui-noise", "noise", LIMITS.noise, 5, setup.noise, String, (v) => on.change({ noise: v })),
    slider(t("data.batchSize"), "ui-batchSize", "batchSize", LIMITS.batchSize, 1, setup.batchSize, String, (v) => on.change({ batchSize: v })),
    regenerate,
    el("div", { class: "panel-note", text: t("data.seed", { seed: setup.seed }) }),
  );
}

/** Each dataset's drawn thumbnail, made once: the page is built again at every new set-up. */
const drawnThumbnails = new Map<string, HTMLCanvasElement>();

function thumbnail(name: string, regression: boolean): HTMLCanvasElement {
  const key = `${name} ${regression}`;
  let drawn = drawnThumbnails.get(key);
  if (!drawn) drawnThumbnails.set(key, (drawn = drawThumbnail(name, regression)));
  const canvas = el("canvas", { width: drawn.width, height: drawn.height });
  canvas.getContext("2d")?.drawImage(drawn, 0, 0);
  return canvas;
}

/** A dataset's look, drawn from the generator itself (a fixed seed, so icons do not change). */
function drawThumbnail(name: string, regression: boolean): HTMLCanvasElement {
  const side = 60;
  const canvas = el("canvas", { width: side * 2, height: side * 2 });
  const ctx = canvas.getContext("2d");
  if (!ctx) return canvas;
  const data = generateDataset(name, { samples: 240, seed: 3 });
  ctx.fillStyle = "#f7f7f7";
  ctx.fillRect(0, 0, side * 2, side * 2);
  for (let i = 0; i < data.y.length; i++) {
    const x = ((data.X.data[2 * i] + 6) / 12) * side * 2;
    const y = side * 2 - ((data.X.data[2 * i + 1] + 6) / 12) * side * 2;
    const v = Number(data.y[i]);
    ctx.fillStyle = pointColor(regression ? v : 2 * v - 1);
    ctx.fillRect(x - 2, y - 2, 4, 4);
  }
  return canvas;
}

export function outputPanel(setup: Setup, on: Handlers): { root: HTMLElement; heatmapWrap: HTMLElement; chart: HTMLCanvasElement; trainLoss: HTMLElement; testLoss: HTMLElement; caption: HTMLElement; legend: OutputLegend } {
  const trainLoss = el("b", { "data-testid": "loss-train", id: "loss-train", text: "–" });
  const testLoss = el("b", { "data-testid": "loss-test", id: "loss-test", text: "–" });
  const chart = el("canvas", { class: "loss-chart", "data-testid": "loss-chart" });
  const heatmapWrap = el("div", { class: "heatmap-wrap", "data-testid": "heatmap" });
  const caption = el("div", { class: "heatmap-caption", "data-testid": "heatmap-caption" });
  const check = (label: string, cls: string, id: string, on0: boolean, onChange: (v: boolean) => void): HTMLElement => {
    const box = el("input", { type: "checkbox", id, "data-testid": id, checked: on0 });
    box.addEventListener("change", () => onChange(box.checked));
    return el("label", { class: cls }, box, ` ${label}`);
  };
  // Set for each picture painted (page/drawing.ts); until the first, the Playground's two classes.
  const legend = new OutputLegend();
  legend.show(twoClassLegend(null));
  const root = el(
    "section",
    { class: "output" },
    el("h2", { text: t("output.heading") }),
    el("div", { class: "losses" }, el("span", {}, `${t("output.testLoss")} `, testLoss), el("span", {}, `${t("output.trainLoss")} `, trainLoss)),
    chart,
    el("div", { class: "loss-legend" }, el("span", {}, legendSwatch(TEST_COLOR), t("output.legend.test")), el("span", {}, legendSwatch(TRAIN_COLOR), t("output.legend.train"))),
    heatmapWrap,
    caption,
    legend.root,
    el(
      "div",
      { class: "checks" },
      check(t("output.showTestData"), "ui-showTestData", "show-test-data", setup.showTestData, (v) => on.change({ showTestData: v })),
      check(t("output.discretize"), "ui-discretize", "discretize", setup.discretize, (v) => on.change({ discretize: v })),
    ),
  );
  return { root, heatmapWrap, chart, trainLoss, testLoss, caption, legend };
}

function legendSwatch(color: string): HTMLElement {
  const i = el("i");
  i.style.background = color;
  return i;
}

/** TensorFlow Playground's "use it in classroom": choose the controls a link shows. */
export function classroomPanel(setup: Setup, on: Handlers, open: boolean, onToggle: (open: boolean) => void): HTMLElement {
  const list = el("div", { class: "hide-list" });
  for (const h of HIDABLE) {
    const box = el("input", { type: "checkbox", "data-hide": h, checked: !setup.hide.includes(h) });
    box.addEventListener("change", () => on.change({ hide: HIDABLE.filter((x) => (x === h ? !box.checked : setup.hide.includes(x))) }));
    list.append(el("label", {}, box, ` ${t(`hide.${h}` as MessageKey)}`));
  }
  // Each box rebuilds the page: the list stays open as the user left it, for the next box.
  const details = el("details", { open }, el("summary", { text: t("classroom.summary") }), list, el("div", { class: "panel-note", text: t("classroom.note") }));
  details.addEventListener("toggle", () => onToggle(details.open));
  return el("footer", { class: "classroom" }, details);
}
