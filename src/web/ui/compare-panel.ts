/**
 * "Compare": up to six variants of the page's set-up trained side by side in small multiples, on
 * the page's data, each with its decision boundary (the CLI's boundary view, drawn by the second
 * worker), its epoch, its losses and accuracies, updated live. Closed, it trains nothing; a
 * multiple's "Use this set-up" makes it the page's set-up.
 */
import * as Comlink from "comlink";
import { svgHash } from "../svg-hash.ts";
import { FILE_VARY_KEYS, MAX_VARIANTS, PRESETS, presetVariants, VARY_DEFAULTS, VARY_KEYS, VARY_VALUES, variantExperiment, type PresetName, type Variant, type VaryKey } from "../compare.ts";
import { t, tn, type MessageKey } from "../i18n.ts";
import { lossText } from "./loss-text.ts";
import { stopText } from "./stop-text.ts";
import type { ExperimentJson, Setup } from "../setup.ts";
import type { CompareFrame, SideWorker, VariantStatus } from "../side-protocol.ts";
import { el, icon } from "./dom.ts";

export interface CompareBase {
  setup: Setup;
  /** The walkthrough's or opened file's experiment, or null for the Playground's own set-up. */
  file: { experiment: ExperimentJson; files: Record<string, string> } | null;
  /** The experiment the page itself trains (to mark the multiple that is the current set-up). */
  current: ExperimentJson;
}

export interface ComparePanelOptions {
  worker: () => Comlink.Remote<SideWorker>;
  base: () => CompareBase;
  adopt: (variant: Variant) => void;
}

const STOP_AT = [100, 300, 1000, 3000, 10000, Infinity];
/** Each multiple's picture, in SVG pixels (shown scaled to its column). */
const PICTURE = 220;

export class ComparePanel {
  readonly root: HTMLElement;
  private isOpen = false;
  private preset: PresetName = "neurons";
  private vary: VaryKey = "neurons";
  private values: (number | string)[] = [...VARY_DEFAULTS.neurons];
  private stopAt = 1000;
  private playing = false;
  private variants: Variant[] = [];
  private trained = "";
  private generation = 0;
  private figures: HTMLElement[] = [];
  private statuses: VariantStatus[] = [];
  private readonly body = el("div", { class: "compare-body" });
  private readonly grid = el("div", { class: "multiples", "data-testid": "multiples" });
  private readonly controls = el("div", { class: "compare-controls" });
  private readonly toggle = el("button", { class: "text-button compare-toggle", "data-testid": "compare-toggle", "aria-expanded": "false" });
  private readonly heading = el("h2");
  private readonly intro = el("p", { class: "panel-note" });
  private playButton: HTMLButtonElement | null = null;

  constructor(private readonly o: ComparePanelOptions) {
    this.toggle.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
    this.root = el("section", { class: "compare", "data-testid": "compare" }, el("div", { class: "compare-head" }, this.heading, this.toggle), this.intro, this.body);
    this.body.hidden = true;
    this.body.append(this.controls, this.grid);
    this.relabel();
  }

  get opened(): boolean {
    return this.isOpen;
  }

  /** Builds every label again in the page's language (the multiples keep their pictures). */
  relabel(): void {
    this.heading.textContent = t("compare.heading");
    this.toggle.textContent = this.isOpen ? t("compare.close") : t("compare.open");
    this.toggle.title = t("compare.toggle.title");
    this.intro.textContent = t("compare.intro");
    if (this.isOpen) {
      this.buildControls();
      this.buildMultiples();
    }
  }

  open(): void {
    this.isOpen = true;
    this.toggle.setAttribute("aria-expanded", "true");
    this.body.hidden = false;
    this.root.classList.add("open");
    this.relabel();
    void this.start(false);
  }

  /** Closed, nothing of it trains (the playground keeps the machine). */
  close(): void {
    this.isOpen = false;
    this.toggle.setAttribute("aria-expanded", "false");
    this.body.hidden = true;
    this.root.classList.remove("open");
    this.pause();
    this.relabel();
  }

  /** The page's set-up changed: a comparison on other data or another network starts again. */
  baseChanged(): void {
    if (this.isOpen) void this.start(false);
    else this.trained = "";
  }

  private series(): Variant[] {
    return presetVariants(this.o.base().setup, this.preset, this.vary, this.values);
  }

  /** Trains the series from the start, unless it is the one already trained (then it goes on). */
  private async start(force: boolean): Promise<void> {
    const base = this.o.base();
    this.variants = this.series();
    const specs = this.variants.map((v) => ({ label: variantLabel(v), experiment: variantExperiment(base.setup, base.file?.experiment ?? null, v) }));
    const key = JSON.stringify([specs.map((s) => s.experiment), this.stopAt]);
    this.buildMultiples();
    if (!force && key === this.trained) {
      this.play();
      return;
    }
    const mine = ++this.generation;
    this.trained = key;
    this.statuses = [];
    this.playing = false;
    const worker = this.o.worker();
    await worker.compareSetup(specs, base.file?.files ?? {}, { epochs: this.stopAt, width: PICTURE, height: PICTURE }, Comlink.proxy((frame: CompareFrame) => {
      if (mine === this.generation) this.show(frame);
    }));
    if (mine === this.generation && this.isOpen) this.play();
  }

  private play(): void {
    if (!this.isOpen || this.statuses.every((s) => s.done)) return;
    this.playing = true;
    this.updatePlay();
    void this.o.worker().comparePlay();
  }

  private pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.updatePlay();
    void this.o.worker().comparePause();
  }

  private updatePlay(): void {
    const b = this.playButton;
    if (!b) return;
    b.replaceChildren(icon(this.playing ? "pause" : "play"));
    b.setAttribute("aria-pressed", String(this.playing));
    b.dataset.playing = String(this.playing);
  }

  private buildControls(): void {
    const c = this.controls;
    c.replaceChildren();
    const play = el("button", { class: "icon-button", "data-testid": "compare-play", title: t("compare.play.title"), "aria-label": t("compare.play.aria") });
    play.addEventListener("click", () => (this.playing ? this.pause() : this.play()));
    this.playButton = play;
    this.updatePlay();
    const again = el("button", { class: "icon-button", "data-testid": "compare-restart", title: t("compare.restart.title"), "aria-label": t("compare.restart.title") }, icon("reset"));
    again.addEventListener("click", () => void this.start(true));
    const preset = el("select", { "data-testid": "compare-preset" });
    for (const p of PRESETS) preset.append(el("option", { value: p, selected: p === this.preset, text: t(`compare.preset.${p}` as MessageKey) }));
    preset.addEventListener("change", () => {
      this.preset = preset.value as PresetName;
      this.buildControls();
      void this.start(false);
    });
    const stop = el("select", { "data-testid": "compare-stop" });
    for (const e of STOP_AT) stop.append(el("option", { value: String(e), selected: e === this.stopAt, text: Number.isFinite(e) ? e.toLocaleString("en-US") : t("compare.noLimit") }));
    stop.addEventListener("change", () => {
      this.stopAt = Number(stop.value);
      void this.start(false);
    });
    c.append(el("div", { class: "compare-row" }, el("span", { class: "transport" }, play, again), field(t("compare.series"), preset), field(t("compare.stopAt"), stop)));
    if (this.preset === "custom") c.append(this.varyControls());
  }

  /** "Vary one setting yourself": the setting, and up to six of its values as checkboxes. */
  private varyControls(): HTMLElement {
    const keys = this.o.base().file ? FILE_VARY_KEYS : VARY_KEYS;
    if (!keys.includes(this.vary)) this.vary = keys[0];
    const which = el("select", { "data-testid": "compare-vary" });
    for (const k of keys) which.append(el("option", { value: k, selected: k === this.vary, text: t(`compare.vary.${k}` as MessageKey) }));
    which.addEventListener("change", () => {
      this.vary = which.value as VaryKey;
      this.values = [...VARY_DEFAULTS[this.vary]];
      this.buildControls();
      void this.start(false);
    });
    const list = el("fieldset", { class: "compare-values", "data-testid": "compare-values" }, el("legend", { text: t("compare.values", { max: MAX_VARIANTS }) }));
    for (const v of VARY_VALUES[this.vary]) {
      const on = this.values.includes(v);
      const box = el("input", { type: "checkbox", value: String(v), checked: on, disabled: !on && this.values.length >= MAX_VARIANTS });
      box.addEventListener("change", () => {
        const next = VARY_VALUES[this.vary].filter((x) => (x === v ? box.checked : this.values.includes(x)));
        if (next.length === 0) {
          box.checked = true;
          return;
        }
        this.values = next.slice(0, MAX_VARIANTS);
        this.buildControls();
        void this.start(false);
      });
      list.append(el("label", {}, box, ` ${valueText(this.vary, v)}`));
    }
    return el("div", { class: "compare-row" }, field(t("compare.vary"), which), list);
  }

  private buildMultiples(): void {
    if (!this.isOpen) return;
    const base = this.o.base();
    const current = JSON.stringify(base.current);
    this.figures = this.variants.map((v, k) => {
      const isCurrent = JSON.stringify(variantExperiment(base.setup, base.file?.experiment ?? null, v)) === current;
      const adopt = el("button", { class: "text-button", "data-testid": "adopt", title: t("compare.adopt.title"), disabled: isCurrent, text: isCurrent ? t("compare.current") : t("compare.adopt") });
      adopt.addEventListener("click", () => this.o.adopt(v));
      const picture = el("div", { class: "multiple-picture", "data-testid": "multiple-picture" });
      const old = this.figures[k]?.querySelector<HTMLElement>(".multiple-picture");
      if (old && this.figures[k].dataset.label === variantLabel(v)) {
        picture.append(...old.childNodes);
        if (old.dataset.svg) picture.dataset.svg = old.dataset.svg;
      }
      return el(
        "figure",
        { class: `multiple${isCurrent ? " current" : ""}`, "data-testid": "multiple", "data-label": variantLabel(v), "data-index": k },
        el("figcaption", {}, el("b", { text: variantLabel(v) }), el("span", { class: "multiple-epoch", "data-testid": "multiple-epoch" })),
        picture,
        el("div", { class: "multiple-metrics", "data-testid": "multiple-metrics" }),
        el("div", { class: "multiple-error", role: "status" }),
        adopt,
      );
    });
    this.grid.replaceChildren(...this.figures);
    this.grid.dataset.count = String(this.figures.length);
    this.statuses.forEach((s, k) => this.showOne(k, s));
  }

  private show(frame: CompareFrame): void {
    frame.variants.forEach((s, k) => {
      // A frame without pictures keeps the last ones.
      const svg = s.svg ?? this.statuses[k]?.svg ?? null;
      this.statuses[k] = { ...s, svg };
      this.showOne(k, this.statuses[k], s.svg !== null);
    });
    if (!frame.playing && this.playing) {
      this.playing = false;
      this.updatePlay();
    }
  }

  private showOne(k: number, s: VariantStatus, newPicture = true): void {
    const f = this.figures[k];
    if (!f) return;
    f.dataset.epoch = String(s.epoch);
    f.dataset.trainAccuracy = String(s.trainAccuracy);
    f.dataset.testAccuracy = String(s.testAccuracy);
    f.dataset.trainLoss = String(s.trainLoss);
    f.dataset.testLoss = String(s.testLoss);
    f.dataset.done = String(s.done);
    f.querySelector(".multiple-epoch")!.textContent = t("compare.epoch", { epoch: s.epoch.toLocaleString("en-US") });
    const metrics = f.querySelector(".multiple-metrics")!;
    const accuracy = Number.isFinite(s.trainAccuracy);
    const row = (name: string, loss: number, acc: number): HTMLElement => el("tr", {}, el("th", { scope: "row", text: name }), el("td", { text: lossText(loss, 1) }), ...(accuracy ? [el("td", { text: pct(acc) })] : []));
    metrics.replaceChildren(
      el(
        "table",
        {},
        el("thead", {}, el("tr", {}, el("td"), el("th", { scope: "col", text: t("compare.loss") }), ...(accuracy ? [el("th", { scope: "col", text: t("compare.accuracy") })] : []))),
        el("tbody", {}, row(t("compare.training"), s.trainLoss, s.trainAccuracy), row(t("compare.test"), s.testLoss, s.testAccuracy)),
      ),
    );
    const error = f.querySelector(".multiple-error")!;
    error.textContent = s.stop === null ? "" : s.stop.kind === "converged" ? t("compare.converged", { epoch: s.stop.epoch }) : t("compare.stopped", { message: stopText(s.stop) });
    const picture = f.querySelector<HTMLElement>(".multiple-picture")!;
    if (newPicture && s.svg) {
      const hash = svgHash(s.svg);
      if (picture.dataset.svg !== hash) showSvg(picture, s.svg, hash, t("compare.picture.alt", { label: f.dataset.label ?? "" }));
    } else if (!s.svg && !picture.firstChild && s.stop === null) picture.textContent = t("compare.noPicture");
  }
}

/**
 * The picture as an image of its SVG: drawn once by the browser, with none of its thousands of
 * marks in the page's DOM (six of them, redrawn every second, would slow the page's own drawing).
 */
function showSvg(picture: HTMLElement, svg: string, hash: string, alt: string): void {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const img = picture.querySelector("img") ?? el("img", { alt });
  const before = img.src;
  img.alt = alt;
  img.src = url;
  if (before.startsWith("blob:")) URL.revokeObjectURL(before);
  if (!img.parentElement) picture.replaceChildren(img);
  picture.dataset.svg = hash;
  picture.dataset.drawn = String(Number(picture.dataset.drawn ?? 0) + 1);
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el("label", { class: "field" }, el("span", { class: "label", text: label }), control);
}


function pct(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : "–";
}

/** A value of a setting, as its control words it. */
function valueText(key: VaryKey, v: number | string): string {
  switch (key) {
    case "neurons":
      return tn("network.neurons", Number(v));
    case "layers":
      return tn("network.layers", Number(v));
    case "activation":
      return t(`activation.${v}` as MessageKey);
    case "optimizer":
      return t(`optimizer.${v}` as MessageKey);
    case "init":
      return t(`init.${v}` as MessageKey);
    default:
      return String(v);
  }
}

/** A multiple's name: "6 neurons", "Tanh", "2 × 4", "learning rate 0.3". */
export function variantLabel(v: Variant): string {
  switch (v.kind) {
    case "shape": {
      const [layers, units] = String(v.value).split("×");
      return t("compare.label.shape", { layers, units });
    }
    case "learningRate":
    case "batchSize":
    case "regularizationRate":
      return t(`compare.label.${v.kind}`, { value: v.value });
    default:
      return valueText(v.kind, v.value);
  }
}
