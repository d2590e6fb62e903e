/**
 * The page's state, in one place: the set-up (what the URL holds), what the worker said of the
 * network it trains, the latest frame, the imported model and the elements a frame is drawn into.
 * The other modules of page/ read and change it; the worker owns the network and trains it.
 */
import * as Comlink from "comlink";
import type { Frame, PlaygroundWorker, SetupInfo } from "../protocol.ts";
import { exampleNamed } from "../examples.ts";
import { fileLearningRate, type Setup } from "../setup.ts";
import { parseHash, toHash } from "../url-state.ts";
import type { Message } from "../i18n.ts";
import { loadImported } from "../imported.ts";
import type { ImportedModel } from "../model-kind.ts";
import type { LossChart } from "../ui/loss-chart.ts";
import type { NetworkView, NodeRef } from "../ui/network-view.ts";
import type { OutputLegend } from "../ui/output-legend.ts";
import type { OutputView } from "../ui/output-view.ts";
import type { ViewChoices, ViewsPanel, ViewTab } from "../ui/views-panel.ts";
import { applyLanguage } from "./language.ts";

export const worker = Comlink.wrap<PlaygroundWorker>(new Worker(new URL("../worker.ts", import.meta.url), { type: "module" }));

/** The built page's parts that a frame updates (page/build.ts makes them). */
export interface PageView {
  epoch: HTMLElement;
  play: HTMLButtonElement;
  network: NetworkView;
  output: OutputView;
  chart: LossChart;
  trainLoss: HTMLElement;
  testLoss: HTMLElement;
  caption: HTMLElement;
  legend: OutputLegend;
  error: HTMLElement;
  heatmapWrap: HTMLElement;
  views: ViewsPanel;
}

export interface PageState {
  setup: Setup;
  notices: Message[];
  /** The worker's description of the network it trains, once it is ready. */
  info: SetupInfo | null;
  latest: Frame | null;
  /** A frame came since the last display frame drew one; `freshGrids`, one with heatmaps. */
  fresh: boolean;
  freshGrids: boolean;
  lastGrids: Float32Array[] | null;
  playing: boolean;
  /** A restart is on its way that will play once ready: a second change meanwhile (a double click) keeps playing too. */
  playPending: boolean;
  changedMidRun: boolean;
  hovered: NodeRef | null;
  /** While a walkthrough or file is open: the Playground's own learning rate and test-data choice, for coming back. */
  playground: Pick<Setup, "learningRate" | "showTestData"> | null;
  /** Counts the trainings started: a frame of an earlier one is dropped. */
  generation: number;
  gridRefreshes: number;
  openTab: ViewTab | null;
  /** The views panel's choices (the cube's angle, the landscape's parameters and mode, …): kept when the page is built again. */
  viewChoices: ViewChoices | null;
  /** Whether the classroom list ("choose which controls the link shows") is open: the page is built again after each box. */
  classroomOpen: boolean;
  /** An imported model (imported.ts), shown in the place of the page's own network; kept for reloads in this tab. */
  imported: ImportedModel | null;
  /** Why the imported model cannot be drawn over the page's data (the worker's problem; only its diagram then), or null. */
  importNoFit: string | null;
  view: PageView | null;
}

/** The set-up the page opens with: the link's. */
/**
 * Before the set-up moves to walkthrough or file `example` (null: the Playground's data): leaving
 * the Playground's data keeps its learning rate and test-data choice for coming back.
 */
export function rememberPlayground(example: string | null): void {
  if (!state.setup.example && example !== null) state.playground = { learningRate: state.setup.learningRate, showTestData: state.setup.showTestData };
}

export function setupFromLink(hash: string): { setup: Setup; notices: Message[] } {
  const parsed = parseHash(hash);
  let setup = parsed.setup;
  // A link naming a walkthrough but no learning rate trains at the file's own; it shows the test
  // points (as the articles' figures do) unless the link says otherwise.
  if (setup.example && setup.example !== "file") {
    const found = exampleNamed(setup.example);
    if (found && !/(^|[#&])learningRate=/.test(hash)) setup = { ...setup, learningRate: fileLearningRate(found.experiment) };
    if (found && !/(^|[#&])showTestData=/.test(hash)) setup = { ...setup, showTestData: true };
  }
  return { setup, notices: parsed.messages };
}

const link = setupFromLink(location.hash);
// In the link's language before anything is built.
applyLanguage(link.setup);

export const state: PageState = {
  setup: link.setup,
  notices: link.notices,
  info: null,
  latest: null,
  fresh: false,
  freshGrids: false,
  lastGrids: null,
  playing: false,
  playPending: false,
  changedMidRun: false,
  hovered: null,
  playground: null,
  generation: 0,
  gridRefreshes: 0,
  openTab: null,
  viewChoices: null,
  classroomOpen: false,
  imported: loadImported(),
  importNoFit: null,
  view: null,
};

export function writeUrl(): void {
  history.replaceState(null, "", toHash(state.setup));
}
