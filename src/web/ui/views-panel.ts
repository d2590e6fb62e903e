/**
 * What TensorFlow Playground does not show: the data in a hidden layer's space (and the morph
 * from input space into it), the loss landscape over two parameters with the descent path, the
 * output as a 3-D surface, the loss and accuracy curves, and the step inspector. Each picture is
 * drawn by the worker with the CLI's own `src/viz` function and arrives as SVG; this panel only
 * asks for the view the user chose, at a bounded rate while training, and shows it.
 */
import type { ExtraView, ViewRequest, ViewResult } from "../protocol.ts";
import { el, saveBlob } from "./dom.ts";
import { t } from "../i18n.ts";
import { PAGE_VIEWS, type PageTab } from "../../viz/registry/index.ts";
import { StepHoverControl } from "./step-hover.ts";
import { HISTORY_STACKS_BELOW } from "../../viz/views/history.ts";
import { errorText } from "../error-text.ts";
import { hiddenControls, landscapeControls, morphPlayer, viewHint } from "./view-controls.ts";

/** The tabs come from the view registry (each entry's `page`); the registry holds no drawing code. */
export type ViewTab = PageTab;

const TABS: readonly ViewTab[] = PAGE_VIEWS.map((v) => v.tab);

/** What the user chose in the panel; the page keeps it across rebuilds (another language, a new set-up), as it keeps the training. */
export interface ViewChoices {
  layer: number;
  t: number;
  azimuth: number;
  elevation: number;
  /** The landscape's two parameters (null: the worker's default pair). */
  params: [string, string] | null;
  mode: "heatmap" | "3d";
  step: number;
  steps: number;
  cell: [number, number];
}

export function defaultViewChoices(): ViewChoices {
  return { layer: 1, t: 1, azimuth: -35, elevation: 30, params: null, mode: "heatmap", step: 1, steps: 0, cell: [0, 0] };
}

export interface ViewsPanelOptions {
  /** Each hidden layer's neurons (none: no hidden layer; the cube's hint is for a layer of three). */
  hiddenUnits: readonly number[];
  paramNames: () => Promise<string[]>;
  draw: (request: ViewRequest) => Promise<ViewResult>;
  applyIteration: () => Promise<void>;
  /** Called before the inspector steps through an iteration: training must be paused for it. */
  pause: () => void;
  /** Asks the page's draw loop for a display frame (it sleeps while nothing changes): the panel has something to draw. */
  wake: () => void;
  /** The choices of the panel this one replaces (the page was built again): kept, not reset. */
  choices?: ViewChoices;
  /** The landscape's two parameters (horizontal, vertical) as it draws them, or null when it is closed: the diagram marks them. */
  markParams?: (pair: readonly [string, string] | null) => void;
}

/** How often a view is redrawn while training (it is a full SVG: a few per second is plenty). */
const REFRESH_MS = 500;

export class ViewsPanel {
  readonly root: HTMLElement;
  private tab: ViewTab | null = null;
  private readonly picture: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly message: HTMLElement;
  private readonly buttons = new Map<ViewTab, HTMLButtonElement>();
  private readonly state: ViewChoices;
  /** The landscape's pair last drawn: its menus show it, and a menu changed alone keeps the other's. */
  private drawnParams: [string, string] | null = null;
  private readonly stepHover: StepHoverControl;
  private inFlight = false;
  private dirty = true;
  private drawnEpoch = -1;
  private lastDraw = 0;
  /** "Play the morph": one timer, stopped when the slider is moved or the morph played again. */
  private readonly morph = morphPlayer();
  /** Which axis the next clicked parameter sets. */
  private picking: 0 | 1 = 0;
  private readonly saveButtons: HTMLElement;
  private lastSvg = "";

  constructor(private readonly o: ViewsPanelOptions) {
    this.state = o.choices ?? defaultViewChoices();
    const tabs = el("div", { class: "view-tabs", role: "tablist" });
    for (const id of TABS) {
      const b = el("button", { class: "view-tab", role: "tab", "data-view": id, "aria-selected": "false", text: t(`views.tab.${id}`) });
      b.addEventListener("click", () => this.open(this.tab === id ? null : id));
      this.buttons.set(id, b);
      tabs.append(b);
    }
    this.controls = el("div", { class: "view-controls" });
    this.message = el("div", { class: "view-message", "data-testid": "view-message" });
    this.picture = el("div", { class: "view-picture", "data-testid": "view-picture" });
    this.stepHover = new StepHoverControl(this.picture, (cell) => {
      this.state.cell = cell;
      this.changed();
    });
    this.stepHover.show(null);
    const svgButton = el("button", { class: "text-button", "data-testid": "view-svg", text: t("views.svg") });
    const pngButton = el("button", { class: "text-button", "data-testid": "view-png", text: t("views.png") });
    svgButton.addEventListener("click", () => this.save("svg"));
    pngButton.addEventListener("click", () => this.save("png"));
    this.saveButtons = el("span", { class: "view-save", hidden: true }, `${t("views.download")} `, svgButton, " ", pngButton);
    this.root = el("section", { class: "views", "data-testid": "views" }, el("h2", { text: t("views.heading") }), tabs, this.controls, this.message, this.stepHover.hint, this.stepHover.line, this.picture, this.saveButtons);
    this.dragToRotate();
  }

  /**
   * Opens a tab (null closes the panel). `restored`: the page was built again with this tab open
   * (a new set-up, another language); opened by the user, the step inspector pauses training.
   */
  open(tab: ViewTab | null, restored = false): void {
    this.tab = tab;
    for (const [id, b] of this.buttons) {
      b.classList.toggle("selected", id === tab);
      b.setAttribute("aria-selected", String(id === tab));
    }
    this.picture.replaceChildren();
    this.stepHover.show(null);
    this.saveButtons.hidden = true;
    this.picture.dataset.shows = "";
    delete this.picture.dataset.epoch;
    this.message.textContent = "";
    this.root.dataset.view = tab ?? "";
    if (tab !== "landscape") this.o.markParams?.(null);
    void this.buildControls(!restored);
    this.dirty = true;
    this.o.wake();
  }

  get active(): ViewTab | null {
    return this.tab;
  }

  /** The panel's choices, for the panel that replaces it. */
  get choices(): ViewChoices {
    return this.state;
  }

  /**
   * With the landscape open, a click on an edge or a bias picks that parameter instead of editing
   * it: the first click the horizontal axis, the second the vertical one. Returns its name.
   */
  async pickParam(index: number): Promise<string | null> {
    const names = await this.o.paramNames();
    const name = names[index];
    if (!name) return null;
    const s = this.state;
    this.picking = s.params && this.picking === 1 ? 1 : 0;
    const shown = s.params ?? this.drawnParams;
    const pair: [string, string] = shown ? [...shown] : [name, names.find((n) => n !== name) ?? name];
    pair[this.picking] = name;
    if (pair[0] === pair[1]) pair[1 - this.picking] = names.find((n) => n !== name) ?? name;
    s.params = pair;
    this.picking = this.picking === 0 ? 1 : 0;
    this.showParams(pair);
    this.landscapeNote("");
    this.changed();
    return name;
  }

  /** Whether the draw loop should call tick again at the next display frame: a drawing under way, or one still to make. */
  wantsTick(epoch: number): boolean {
    return this.tab !== null && (this.inFlight || this.dirty || epoch !== this.drawnEpoch);
  }

  /** From the page's draw loop: redraw when the network changed, at most every REFRESH_MS. */
  tick(epoch: number, changed: boolean): void {
    if (!this.tab || this.inFlight) return;
    if (changed) this.dirty = true;
    const now = performance.now();
    if (!this.dirty && epoch === this.drawnEpoch) return;
    if (now - this.lastDraw < REFRESH_MS && !this.dirty) return;
    if (now - this.lastDraw < 60) return;
    this.dirty = false;
    this.drawnEpoch = epoch;
    this.lastDraw = now;
    void this.redraw();
  }

  private request(): ViewRequest | null {
    const width = Math.max(320, Math.min(820, this.picture.clientWidth || 640));
    const s = this.state;
    switch (this.tab) {
      case "hidden":
        // Without a hidden layer the controls say so (buildControls): nothing to draw.
        if (this.o.hiddenUnits.length === 0) return null;
        // The morph turns with the cube too: the same angle, dragged the same way.
        return { name: s.t >= 1 ? "hidden" : ("morph" as ExtraView), width, layer: s.layer, ...(s.t < 1 ? { t: s.t } : {}), azimuth: s.azimuth, elevation: s.elevation };
      case "landscape":
        return { name: "landscape", width, params: s.params ?? undefined, mode: s.mode, azimuth: s.azimuth, elevation: s.elevation };
      case "surface":
        return { name: "surface", width, azimuth: s.azimuth, elevation: s.elevation };
      case "history":
        // A narrow picture stacks its two panels (viz/views/history.ts): taller than wide.
        return { name: "history", width, height: Math.round(width * (width < HISTORY_STACKS_BELOW ? 1.25 : 0.6)) };
      case "steps":
        return { name: "steps", width, step: s.step, cell: s.cell, words: { more: t("steps.more"), penalty: t("steps.penalty"), step: t("steps.optimizerStep") } };
      default:
        return null;
    }
  }

  private async redraw(): Promise<void> {
    const r = this.request();
    if (!r) return;
    const epoch = this.drawnEpoch;
    this.inFlight = true;
    try {
      const result = await this.o.draw(r);
      if (r.name !== (this.request()?.name ?? null)) return;
      if (result.unavailable) {
        // Not the engine's line: the page's own words, in its language, and nothing to download.
        this.clearPicture();
        const columns = result.unavailable.columns;
        this.message.textContent = columns === 1 ? t("views.needsPlaneOne") : t("views.needsPlane", { columns });
        return;
      }
      if (result.params) {
        this.drawnParams = result.params;
        this.showParams(result.params);
      }
      this.picture.innerHTML = result.svg;
      this.lastSvg = result.svg;
      this.saveButtons.hidden = false;
      this.picture.dataset.shows = this.tab ?? "";
      this.picture.dataset.drawn = String(Number(this.picture.dataset.drawn ?? 0) + 1);
      // The epoch the page showed when it asked for this picture (the network it draws, once paused).
      this.picture.dataset.epoch = String(epoch);
      this.message.textContent = "";
      this.stepHover.show(r.name === "steps" ? result.hover : null);
      if (result.steps !== undefined && result.steps !== this.state.steps) {
        this.state.steps = result.steps;
        this.updateStepLabel();
      }
    } catch (e) {
      this.clearPicture();
      this.message.textContent = errorText(e);
    } finally {
      this.inFlight = false;
    }
  }

  /** No picture: nothing shown, nothing to download. */
  private clearPicture(): void {
    this.picture.replaceChildren();
    this.lastSvg = "";
    this.saveButtons.hidden = true;
    this.picture.dataset.shows = "";
    this.stepHover.show(null);
  }

  /** The landscape's menus set to the pair drawn (or about to be). */
  private showParams(pair: readonly [string, string]): void {
    for (const k of [0, 1] as const) {
      const sel = this.controls.querySelector<HTMLSelectElement>(`[data-testid=landscape-param-${k}]`);
      if (sel) sel.value = pair[k];
    }
    this.o.markParams?.(pair);
  }

  private landscapeNote(text: string): void {
    const note = this.controls.querySelector<HTMLElement>("[data-testid=landscape-note]");
    if (note) note.textContent = text;
  }

  private changed(): void {
    this.dirty = true;
    this.lastDraw = 0;
    this.o.wake();
  }

  private async buildControls(opened: boolean): Promise<void> {
    const c = this.controls;
    c.replaceChildren();
    const s = this.state;
    if (this.tab === "hidden") {
      c.append(...hiddenControls(s, this.o.hiddenUnits, () => this.changed(), this.morph));
    } else if (this.tab === "landscape") {
      const names = await this.o.paramNames();
      if (names.length < 2) return;
      const drawn = this.drawnParams && names.includes(this.drawnParams[0]) && names.includes(this.drawnParams[1]) ? this.drawnParams : null;
      c.append(
        ...landscapeControls(s, names, drawn, {
          changed: () => this.changed(),
          showParams: (pair) => this.showParams(pair),
          pair: () => s.params ?? this.drawnParams,
        }),
      );
    } else if (this.tab === "surface") {
      c.append(viewHint(t("views.surfaceHint")));
    } else if (this.tab === "steps") {
      const prev = el("button", { class: "text-button", "data-testid": "step-prev", text: t("views.previous") });
      const next = el("button", { class: "text-button", "data-testid": "step-next", text: t("views.next") });
      const apply = el("button", { class: "text-button", "data-testid": "step-apply", text: t("views.apply") });
      const label = el("span", { class: "step-label", "data-testid": "step-label" });
      prev.addEventListener("click", () => this.goStep(-1));
      next.addEventListener("click", () => this.goStep(1));
      apply.addEventListener("click", () => {
        // The next iteration, from its first step.
        s.step = 1;
        s.cell = [0, 0];
        this.updateStepLabel();
        void this.o.applyIteration().then(() => this.changed());
      });
      c.append(prev, label, next, apply, viewHint(t("views.stepsHint")));
      if (opened) this.o.pause();
      this.updateStepLabel();
    }
  }

  /** The view as the CLI would write it: the SVG itself, or rasterised by the browser at twice its size. */
  private save(kind: "svg" | "png"): void {
    const svg = this.lastSvg;
    if (!svg) return;
    const name = `glassbox-${this.tab}`;
    const blob = new Blob([svg], { type: "image/svg+xml" });
    if (kind === "svg") return saveBlob(blob, `${name}.svg`);
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => png && saveBlob(png, `${name}.png`), "image/png");
    };
    img.src = url;
  }

  private goStep(delta: number): void {
    const s = this.state;
    this.o.pause();
    s.step = Math.max(1, Math.min(s.steps || 1, s.step + delta));
    s.cell = [0, 0];
    this.updateStepLabel();
    this.changed();
  }

  private updateStepLabel(): void {
    const label = this.controls.querySelector("[data-testid=step-label]");
    if (label) label.textContent = ` ${t("views.stepOf", { step: this.state.step, steps: this.state.steps || "…" })} `;
  }

  private dragToRotate(): void {
    let from: { x: number; y: number; azimuth: number; elevation: number } | null = null;
    this.picture.addEventListener("pointerdown", (e) => {
      from = { x: e.clientX, y: e.clientY, azimuth: this.state.azimuth, elevation: this.state.elevation };
      this.picture.setPointerCapture(e.pointerId);
    });
    this.picture.addEventListener("pointermove", (e) => {
      if (!from) return;
      this.state.azimuth = from.azimuth + (e.clientX - from.x) * 0.5;
      this.state.elevation = Math.max(-5, Math.min(85, from.elevation + (e.clientY - from.y) * 0.3));
      this.changed();
    });
    const stop = (): void => {
      from = null;
    };
    this.picture.addEventListener("pointerup", stop);
    this.picture.addEventListener("pointercancel", stop);
  }
}

