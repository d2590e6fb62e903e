/**
 * Builds the page from the set-up, after a structural change (live changes do not come here):
 * the top bar, the data column with its notices and boxes, the network diagram wired to the
 * set-up, the output column, the views panel and the classroom footer.
 */
import { FEATURES } from "../setup.ts";
import { noticeText } from "../url-state.ts";
import { language, t } from "../i18n.ts";
import { importBox, noFitText, paramsOf } from "../imported.ts";
import type { CompareAndGif } from "../compare-mount.ts";
import { csvColumnsBox } from "../ui/csv-columns.ts";
import { el } from "../ui/dom.ts";
import { LossChart } from "../ui/loss-chart.ts";
import { NetworkView } from "../ui/network-view.ts";
import { OutputView } from "../ui/output-view.ts";
import { classroomPanel, dataPanel, outputPanel, topBar, type Handlers } from "../ui/panels.ts";
import { ViewsPanel } from "../ui/views-panel.ts";
import { applyHidden, paintInputs, paintOutput } from "./drawing.ts";
import { wake } from "./frame-loop.ts";
import { currentFile, type OpenedFile } from "./opened-file.ts";
import { openEditor, showTooltip } from "./overlays.ts";
import { networkShape, fileNetwork, fileSettings } from "./shown-network.ts";
import { state, worker } from "./state.ts";
import { pause, updatePlayButton } from "./transport.ts";

/** What the built controls do (page/controller.ts). */
export interface BuildActions {
  handlers: Handlers;
  closeModel(): void;
  compare: CompareAndGif;
}

const app = document.getElementById("app")!;

/** The network's parameter names, asked of the worker once per training set-up (the landscape redraws twice a second). */
let namesOf: { generation: number; names: Promise<string[]> } | null = null;
function paramNamesNow(): Promise<string[]> {
  if (namesOf?.generation !== state.generation) namesOf = { generation: state.generation, names: worker.paramNames() };
  return namesOf.names;
}

export function render(actions: BuildActions): void {
  const { handlers } = actions;
  const { setup, imported, importNoFit, info } = state;
  const previousChart = state.view?.chart;
  // An imported model brings its own activations, loss, problem type and start: of the set-up's
  // menus, those that train it (over the Playground's data or a CSV chosen with it; over a file, the file's own settings).
  // A model the data does not fit has nothing to train: play, step, reset and the GIF would do nothing.
  const canTrain = !(imported && importNoFit);
  const shown = !canTrain || fileSettings() ? "none" : imported ? "training" : "all";
  const top = topBar(setup, handlers, shown, canTrain);
  const data = dataPanel(setup, handlers);
  const opened = setup.example === "file" && !imported ? currentFile() : null;
  if (opened?.fromCsv) showColumns(opened, data.querySelector<HTMLElement>("[data-testid=file-error]")!, handlers.openFile);
  if (imported) data.insertBefore(importBox(imported, importNoFit ? "none" : imported.csv ? "csv" : setup.example ? "file" : "playground", actions.closeModel), data.children[2] ?? null);
  const out = outputPanel(setup, handlers);
  const board = el("main", { class: "board" });
  const middle = el("section", { class: "middle" });
  const error = el("div", { class: "error-line", role: "alert", "data-testid": "error" });
  board.append(data, middle, out.root);
  const noticeBox = state.notices.length ? noticeElement() : null;
  const views = new ViewsPanel({
    hiddenUnits: fileNetwork() ? (imported?.model.layers ?? info?.layers ?? []).slice(0, -1).map((l) => l.units) : setup.networkShape,
    paramNames: () => worker.paramNames(),
    draw: (request) => worker.view({ ...request, lang: language() }),
    applyIteration: async () => {
      const run = state.generation;
      await worker.applyIteration();
      // An update outside the epochs: an exported file cannot replay it (page/downloads.ts says so).
      if (state.generation === run) state.changedMidRun = true;
    },
    pause: () => {
      if (state.playing) pause();
    },
    wake,
    choices: state.viewChoices ?? undefined,
    // The pair drawn, marked on the diagram (as the names are the worker's, by their place among them).
    markParams: (pair) => {
      if (!pair) return state.view?.network.markPicked([]);
      void paramNamesNow().then((names) => {
        // An answer that arrives after the landscape was closed marks nothing.
        if (state.view?.views.active === "landscape") state.view.network.markPicked(pair.map((n) => names.indexOf(n)).filter((i) => i >= 0));
      });
    },
  });
  state.viewChoices = views.choices;
  app.replaceChildren(top.root, ...(noticeBox ? [noticeBox] : []), board, views.root, classroomPanel(setup, handlers, state.classroomOpen, (open) => (state.classroomOpen = open)));
  actions.compare.mount(app, out.root);
  actions.compare.trainable(canTrain);
  const why = imported && importNoFit ? noFitText(imported, importNoFit) : null;
  if (why) views.root.replaceChildren(el("h2", { text: t("views.heading") }), el("p", { class: "panel-note", "data-testid": "views-need-data", text: `${t("import.viewsNeedData")} ${why}` }));
  const width = middle.clientWidth || 600;
  // The diagram is made anew: a node hovered in the old one never hears the pointer leave.
  state.hovered = null;
  const network = new NetworkView(
    networkShape(),
    {
      toggleFeature: (key) => {
        const f = key as (typeof FEATURES)[number];
        const now = state.setup;
        const on = now.features.includes(f);
        if (on && now.features.length === 1) {
          error.textContent = t("network.needsFeature");
          return;
        }
        handlers.change({ features: FEATURES.filter((x) => (x === f ? !on : now.features.includes(x))) });
      },
      addLayer: () => handlers.change({ networkShape: [...state.setup.networkShape, 2] }),
      removeLayer: () => handlers.change({ networkShape: state.setup.networkShape.slice(0, -1) }),
      addNeuron: (l) => handlers.change({ networkShape: state.setup.networkShape.map((u, i) => (i === l ? u + 1 : u)) }),
      removeNeuron: (l) => handlers.change({ networkShape: state.setup.networkShape.map((u, i) => (i === l ? u - 1 : u)) }),
      editParam: (index, value, label, at) => {
        const shown = state.view;
        if (shown?.views.active === "landscape") void shown.views.pickParam(index).then((name) => name && showTooltip(t("network.picked", { name }), at));
        else openEditor(index, value, label, at);
      },
      hoverNode: (node) => {
        state.hovered = node;
        if (state.lastGrids) paintOutput(state.lastGrids);
      },
      tooltip: (text, at) => showTooltip(text, at),
    },
    width,
  );
  middle.append(el("h2", { text: t("network.heading") }), network.root, error);
  state.view = {
    epoch: top.epoch,
    play: top.play,
    network,
    output: new OutputView(out.heatmapWrap),
    chart: new LossChart(out.chart, previousChart),
    trainLoss: out.trainLoss,
    testLoss: out.testLoss,
    caption: out.caption,
    legend: out.legend,
    error,
    heatmapWrap: out.heatmapWrap,
    views,
  };
  views.open(state.openTab, true);
  views.root.addEventListener("click", () => (state.openTab = views.active));
  if (why && imported) {
    network.setParams(paramsOf(imported.model));
    state.view.output.showInstead({ text: why });
  }
  paintInputs();
  applyHidden();
  updatePlayButton();
  state.fresh = state.latest !== null;
  state.freshGrids = state.latest !== null;
  wake();
}

/** The CSV's columns to choose from (ui/csv-columns.ts), in the data column under the file picker. */
export function showColumns(opened: OpenedFile, error: HTMLElement, open: (next: OpenedFile) => void): void {
  const columns = csvColumnsBox(opened, (next) => open(next), error);
  const data = error.closest("section.data");
  if (!columns || !data) return;
  data.querySelector("[data-testid=csv-columns]")?.remove();
  data.insertBefore(columns, data.children[2] ?? null);
}

function noticeElement(): HTMLElement {
  const close = el("button", { class: "text-button", text: t("notices.dismiss") });
  const box = el("div", { class: "notices", role: "status", "data-testid": "notices" }, close, el("strong", { text: t("notices.heading") }), el("ul", {}, ...state.notices.map((n) => el("li", { text: noticeText(language(), n) }))));
  close.addEventListener("click", () => {
    state.notices = [];
    box.remove();
  });
  return box;
}
