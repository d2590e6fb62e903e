/**
 * "Training GIF": the training so far as an animated GIF, as `glassbox animate training` makes it
 * from the exported experiment (the same frames, epochs and delays). The second worker trains the
 * set-up again from its start with the CLI's snapshots, chooses and draws the frames (SVG); this
 * thread rasterises each one (workers have no SVG renderer) and hands the pixels back; the worker
 * encodes them with the CLI's encoder. A progress bar, and Cancel at any point.
 */
import * as Comlink from "comlink";
import { DEFAULT_FRAMES } from "../../viz/frame-schedule.ts";
import { t } from "../i18n.ts";
import type { ExperimentJson } from "../setup.ts";
import type { GifProgress, SideWorker } from "../side-protocol.ts";
import { el, saveBlob } from "./dom.ts";
import { errorText } from "../error-text.ts";

/** The GIF's size: `glassbox animate training … --width 640 --height 480` draws the same frames. */
export const GIF_WIDTH = 640;
export const GIF_HEIGHT = 480;

export interface GifSource {
  experiment: ExperimentJson;
  files: Record<string, string>;
  /** Epochs the page has trained (the GIF covers 0 … epochs). */
  epochs: number;
  /** The data's columns (before any feature map, which is computed from them): the picture is drawn over their plane, so 1 or 2. */
  inputs: number;
  /** The download's name, without ".gif". */
  name: string;
  /** Settings or weights were changed during the run (the GIF replays the set-up as it is now). */
  changedMidRun: boolean;
}

export interface GifExportOptions {
  worker: () => Comlink.Remote<SideWorker>;
  source: () => GifSource | null;
}

export class GifExport {
  readonly root: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly bar: HTMLProgressElement;
  private readonly message: HTMLElement;
  private busy = 0;
  private canvas: HTMLCanvasElement | null = null;
  private unavailable = false;

  constructor(private readonly o: GifExportOptions) {
    this.button = el("button", { class: "text-button", "data-testid": "gif", title: t("gif.title"), text: t("gif.button") });
    this.cancelButton = el("button", { class: "text-button", "data-testid": "gif-cancel", text: t("gif.cancel"), hidden: true });
    this.bar = el("progress", { class: "gif-progress", "data-testid": "gif-progress", max: 1, value: 0, "aria-label": t("gif.progress.aria"), hidden: true });
    this.message = el("div", { class: "panel-note gif-message", role: "status", "data-testid": "gif-message" });
    this.button.addEventListener("click", () => void this.make());
    this.cancelButton.addEventListener("click", () => this.cancel());
    this.root = el("div", { class: "gif-export" }, el("div", { class: "gif-row" }, this.button, this.bar, this.cancelButton), this.message);
  }

  /** The page's set-up changed: a message about an earlier one (saved, refused) goes; one being made goes on. */
  setupChanged(): void {
    if (this.root.dataset.busy === "true") return;
    this.message.replaceChildren();
    delete this.message.dataset.frames;
  }

  /** Whether there is a training to make a GIF of (the button is off while there is none). */
  available(on: boolean): void {
    this.unavailable = !on;
    if (this.root.dataset.busy !== "true") this.button.disabled = !on;
  }

  /** Labels again in the page's language. */
  relabel(): void {
    this.button.title = t("gif.title");
    this.button.textContent = t("gif.button");
    this.cancelButton.textContent = t("gif.cancel");
    this.bar.setAttribute("aria-label", t("gif.progress.aria"));
  }

  private progress(p: GifProgress): void {
    // Training is most of the time for long runs; drawing and encoding share the rest.
    const share = p.stage === "training" ? 0.6 * (p.done / Math.max(1, p.total)) : p.stage === "drawing" ? 0.6 + 0.35 * (p.done / Math.max(1, p.total)) : 0.97;
    this.bar.value = share;
    this.bar.dataset.stage = p.stage;
    this.message.textContent = t(`gif.${p.stage}`, { done: p.done.toLocaleString("en-US"), total: p.total.toLocaleString("en-US") });
  }

  private async make(): Promise<void> {
    const source = this.o.source();
    if (!source) return;
    if (source.inputs > 2) return void (this.message.textContent = t("gif.manyInputs", { n: source.inputs }));
    if (source.epochs < 1) return void (this.message.textContent = t("gif.needsEpochs"));
    const mine = ++this.busy;
    const worker = this.o.worker();
    this.setBusy(true);
    this.progress({ stage: "training", done: 0, total: source.epochs });
    const experiment = { ...source.experiment, train: { ...((source.experiment.train as object | undefined) ?? {}), epochs: source.epochs } };
    try {
      const plan = await worker.gifPrepare({ experiment, files: source.files, frames: DEFAULT_FRAMES, width: GIF_WIDTH, height: GIF_HEIGHT }, Comlink.proxy((p: GifProgress) => {
        if (mine === this.busy) this.progress(p);
      }));
      // Pipelined: the worker draws the next frames' SVG and the browser decodes them while this
      // thread rasterises frame i; the pixels go back without waiting (the worker takes its
      // messages in order). A failure (a cancel) is caught at once too, so that a call left
      // behind is no unhandled rejection, and still thrown where it is awaited.
      const quiet = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
      const ahead: Promise<HTMLImageElement>[] = [];
      const ask = (i: number): void => {
        if (i < plan.count) ahead.push(quiet(worker.gifFrame(i).then((svg) => (mine === this.busy ? decoded(svg, plan.width, plan.height) : new Image()))));
      };
      const added: Promise<void>[] = [];
      for (let i = 0; i < AHEAD; i++) ask(i);
      for (let i = 0; i < plan.count; i++) {
        const img = await ahead.shift()!;
        if (mine !== this.busy) return;
        ask(i + AHEAD);
        const rgba = this.pixels(img, plan.width, plan.height);
        added.push(quiet(worker.gifAddFrame(i, Comlink.transfer(rgba, [rgba.buffer as ArrayBuffer]))));
        this.progress({ stage: "drawing", done: i + 1, total: plan.count });
      }
      await Promise.all(added);
      if (mine !== this.busy) return;
      this.progress({ stage: "encoding", done: 0, total: 1 });
      const bytes = await worker.gifFinish();
      if (mine !== this.busy) return;
      saveBlob(new Blob([bytes as BlobPart], { type: "image/gif" }), `${source.name}-training.gif`);
      const last = plan.epochs[plan.epochs.length - 1] ?? source.epochs;
      const done = `${t("gif.done", { frames: plan.count, epochs: last.toLocaleString("en-US"), width: plan.width, height: plan.height })}${source.changedMidRun ? ` ${t("gif.changedMidRun")}` : ""}`;
      // The command's flags stay on one line.
      const flags = `--width ${plan.width} --height ${plan.height}`;
      const at = done.indexOf(flags);
      this.message.replaceChildren(...(at < 0 ? [done] : [done.slice(0, at), el("code", { text: flags }), done.slice(at + flags.length)]));
      this.message.dataset.frames = String(plan.count);
    } catch (e) {
      if (mine !== this.busy) return;
      const text = errorText(e);
      this.message.textContent = text === "cancelled" ? t("gif.cancelled") : t("gif.failed", { message: text });
    } finally {
      if (mine === this.busy) this.setBusy(false);
    }
  }

  private cancel(): void {
    this.busy++;
    void this.o.worker().gifCancel();
    this.setBusy(false);
    this.message.textContent = t("gif.cancelled");
  }

  private setBusy(on: boolean): void {
    this.button.disabled = on || this.unavailable;
    this.cancelButton.hidden = !on;
    this.bar.hidden = !on;
    if (!on) this.bar.value = 0;
    this.root.dataset.busy = String(on);
  }

  /** The browser draws the image on a white canvas of the frame's size: its RGBA pixels. */
  private pixels(img: HTMLImageElement, width: number, height: number): Uint8Array {
    const canvas = (this.canvas ??= el("canvas"));
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    const data = ctx.getImageData(0, 0, width, height).data;
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
}

/**
 * Frames asked for ahead of the one being rasterised: the worker draws their SVG (~25 ms a frame)
 * and the browser decodes them while this thread draws one (~37 ms). That overlap pays where a
 * core is free; on a busy two-core machine it measured no clear gain (60 frames of 640 × 480:
 * 2.7–3.3 s before, 2.6–3.9 s after).
 */
const AHEAD = 2;

/** An SVG as an image (workers have no SVG renderer), decoded. */
async function decoded(svg: string, width: number, height: number): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}
