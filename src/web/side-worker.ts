/**
 * The page's second worker (./side-protocol.ts): the variants of "Compare", trained side by side
 * in slices of about 10 ms (a pause is handled at once) with rests between them, and the run behind a training GIF.
 * Every picture is the CLI's own (src/viz), drawn here; the page only shows it. It has its own
 * engine, so it never touches the playground worker's network.
 */
import * as Comlink from "comlink";
import type { Prepared } from "../experiment/prepare.ts";
import { evaluate } from "../nn/evaluate.ts";
import { createTrainer, type Trainer } from "../nn/trainer.ts";
import { boundaryScene } from "../viz/views/boundary.ts";
import { toSvg } from "../viz/svg.ts";
import { lossData, type LossData } from "../viz/model-data.ts";
import { gifAddFrame, gifCancel, gifFinish, gifFrame, gifPrepare } from "./side-gif.ts";
import type { CompareFrame, CompareOptions, SideWorker, VariantSpec, VariantStatus } from "./side-protocol.ts";
import { prepareJson, sideEngine } from "./side-prepare.ts";
import { stopOf, type Stop } from "./stop.ts";

const SLICE_MS = 10;
/** Losses and accuracies go to the page this often; the pictures (a full SVG each) less often. */
const FRAME_MS = 200;
/**
 * While training, one multiple's picture is redrawn at a time, every PICTURE_MS, in turn: the
 * browser draws each image on the page's thread, and six at once would stall its drawing.
 */
const PICTURE_MS = 250;

interface Variant {
  label: string;
  prepared: Prepared | null;
  trainer: Trainer | null;
  train: LossData | null;
  test: LossData | null;
  stop: Stop | null;
  done: boolean;
  /** Epochs per call, grown until a call takes about a millisecond or two. */
  chunk: number;
  /** Whether its picture can be drawn (1 or 2 raw input columns). */
  drawable: boolean;
  /** Its losses and accuracies at the epoch they were measured at (a finished or paused one is not measured again). */
  metrics: { epoch: number; train: Metrics; test: Metrics } | null;
}

interface Metrics {
  loss: number;
  accuracy: number;
}

let variants: Variant[] = [];
let options: CompareOptions = { epochs: Infinity, width: 240, height: 240 };
let onFrame: ((frame: CompareFrame) => void) | null = null;
let playing = false;
let scheduled = false;
let lastFrame = 0;
let lastPicture = -Infinity;
let nextPicture = 0;

/**
 * Between slices the worker rests as long as a slice lasts: the comparison takes about half a
 * core, so that on a machine of two the playground's own worker and the page's drawing keep theirs.
 */
const REST_MS = SLICE_MS;
function schedule(): void {
  if (scheduled || !playing) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    slice();
  }, REST_MS);
}

function clear(): void {
  playing = false;
  for (const v of variants) v.trainer?.dispose();
  variants = [];
}


/** Variant v's metrics at its epoch now. */
function metricsOf(v: Variant): { train: Metrics; test: Metrics } {
  const epoch = v.trainer?.paramsEpoch ?? 0;
  if (v.metrics?.epoch !== epoch) v.metrics = { epoch, train: measured(v, v.train), test: measured(v, v.test) };
  return v.metrics;
}

function measured(v: Variant, d: LossData | null): Metrics {
  if (!v.prepared || !d || d.n === 0) return { loss: NaN, accuracy: NaN };
  // The data loss alone, as the page's own numbers show it.
  const e = evaluate(v.prepared.model, d.X, d.Y, d.n);
  return { loss: e.loss, accuracy: e.accuracy };
}

function picture(v: Variant, k: number): string | null {
  if (!v.prepared || !v.drawable) return null;
  const p = v.prepared;
  try {
    // The training points only (as the page's own output shows them), on a 40 × 40 grid: small pictures.
    const scene = boundaryScene(p.model, p.raw, { width: options.width, height: options.height, panel: true, title: "", subtitle: "", resolution: 40, showTest: false });
    // Each multiple's ids (clip paths) are its own: they share one page.
    return toSvg(scene, { idPrefix: `cmp${k}` });
  } catch {
    v.drawable = false;
    return null;
  }
}

/** pictures: every multiple's, one in turn, or none. */
function send(pictures: "all" | "one" | "none"): void {
  if (!onFrame) return;
  const turn = nextPicture % Math.max(1, variants.length);
  if (pictures === "one") nextPicture++;
  const statuses: VariantStatus[] = variants.map((v, k) => {
    const { train, test } = metricsOf(v);
    return {
      epoch: v.trainer?.paramsEpoch ?? 0,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      svg: pictures === "all" || (pictures === "one" && k === turn) ? picture(v, k) : null,
      stop: v.stop,
      done: v.done,
    };
  });
  lastFrame = performance.now();
  if (pictures !== "none") lastPicture = lastFrame;
  onFrame({ variants: statuses, playing });
}

/** The variant furthest behind that can still train: variants advance together, epoch for epoch. */
function lagging(): Variant | null {
  let best: Variant | null = null;
  for (const v of variants) if (v.trainer && !v.done && (!best || v.trainer.epoch < best.trainer!.epoch)) best = v;
  return best;
}

function slice(): void {
  if (!playing) return;
  const start = performance.now();
  while (performance.now() - start < SLICE_MS) {
    const v = lagging();
    if (!v) {
      playing = false;
      break;
    }
    const t0 = performance.now();
    try {
      v.trainer!.step(v.chunk);
      if (v.trainer!.stoppedBy === "converged") v.stop = { kind: "converged", epoch: v.trainer!.epoch };
      if (v.trainer!.stoppedBy !== null) v.done = true;
    } catch (e) {
      v.stop = stopOf(e, v.trainer!.paramsEpoch);
      v.done = true;
    }
    const dt = performance.now() - t0;
    if (dt < 1) v.chunk = Math.min(v.chunk * 2, 1 << 14);
    else if (dt > 3 && v.chunk > 1) v.chunk >>= 1;
  }
  const now = performance.now();
  if (!playing) send("all");
  else if (now - lastPicture >= PICTURE_MS) send("one");
  else if (now - lastFrame >= FRAME_MS) send("none");
  schedule();
}

const api: SideWorker = {
  async compareSetup(specs: VariantSpec[], files: Record<string, string>, o: CompareOptions, frames: (frame: CompareFrame) => void): Promise<void> {
    clear();
    options = o;
    onFrame = frames;
    const eng = sideEngine();
    variants = specs.map((spec): Variant => {
      const v: Variant = { label: spec.label, prepared: null, trainer: null, train: null, test: null, stop: null, done: false, chunk: 1, drawable: false, metrics: null };
      try {
        const p = prepareJson(spec.experiment, files);
        v.prepared = p;
        v.trainer = createTrainer(p.model, p.data, { ...p.config, epochs: o.epochs, recordEvery: 1e9, paramsAt: [], engine: eng });
        v.train = lossData({ model: p.model, split: p.split, prepared: p });
        v.test = p.data.testX && p.data.testY && p.data.testX.rows > 0 ? { X: p.data.testX.data, Y: p.data.testY, n: p.data.testX.rows } : null;
        // The CLI's boundary view draws networks of one or two inputs (after the feature map).
        v.drawable = p.model.inputSize <= 2;
        if (v.trainer.stoppedBy !== null) v.done = true;
      } catch (e) {
        v.stop = stopOf(e);
        v.done = true;
      }
      return v;
    });
    send("all");
  },

  comparePlay(): void {
    if (playing || !variants.some((v) => !v.done)) return;
    playing = true;
    schedule();
  },

  comparePause(): void {
    if (!playing) return;
    playing = false;
    send("all");
  },

  compareClear(): void {
    clear();
    onFrame = null;
  },

  gifPrepare,
  gifFrame,
  gifAddFrame,
  gifFinish,
  gifCancel,
};

Comlink.expose(api);
