/**
 * The training GIF, in the page's second worker: the experiment trained again from its start with
 * the parameter snapshots `glassbox animate training` takes, the frames chosen and drawn as it
 * draws them (src/viz/training-frames.ts), and, once the page has rasterised each frame's SVG
 * (workers have no SVG renderer), encoded with the CLI's own GIF encoder and settings.
 */
import * as Comlink from "comlink";
import { createTrainer } from "../nn/trainer.ts";
import { layerToJson } from "../nn/network.ts";
import { snapshotEpochs } from "../viz/frame-schedule.ts";
import { encodeGif } from "../viz/gif.ts";
import { trainingFrames, trainingFramesApply, type SvgFrames } from "../viz/training-frames.ts";
import type { GifPlan, GifProgress, GifRequest } from "./side-protocol.ts";
import { prepareJson, sideEngine } from "./side-prepare.ts";

const SLICE_MS = 20;

interface Job {
  cancelled: boolean;
  seq: SvgFrames | null;
  width: number;
  height: number;
  frames: Uint8Array[];
}

let job: Job | null = null;

/** Lets the worker's other messages (a cancel) through between slices. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function current(): Job {
  if (!job || job.cancelled) throw new Error("cancelled");
  return job;
}

export async function gifPrepare(request: GifRequest, onProgress: (p: GifProgress) => void): Promise<GifPlan> {
  if (job) job.cancelled = true;
  const mine: Job = { cancelled: false, seq: null, width: request.width, height: request.height, frames: [] };
  job = mine;
  const p = prepareJson(request.experiment, request.files);
  const why = trainingFramesApply(p.model);
  if (why) throw new Error(why);
  const epochs = Math.max(1, Number((request.experiment.train as { epochs?: number } | undefined)?.epochs ?? 1));
  // The snapshots `glassbox animate` asks for (src/cli/commands/animate.ts), and the file's own.
  const asked = new Set([...(p.config.paramsAt ?? []), ...snapshotEpochs(p.model.params.length, epochs, Math.max(request.frames + 1, 200))]);
  const trainer = createTrainer(p.model, p.data, { ...p.config, epochs, paramsAt: [...asked].sort((a, b) => a - b), engine: sideEngine() });
  let chunk = 1;
  try {
    while (trainer.stoppedBy === null) {
      const start = performance.now();
      while (trainer.stoppedBy === null && performance.now() - start < SLICE_MS) {
        const t0 = performance.now();
        trainer.step(chunk);
        if (performance.now() - t0 < 2) chunk = Math.min(chunk * 2, 1 << 14);
      }
      onProgress({ stage: "training", done: trainer.epoch, total: epochs });
      await yieldToMessages();
      if (mine.cancelled) throw new Error("cancelled");
    }
  } finally {
    trainer.dispose();
  }
  let snapshots = [...trainer.snapshots].sort((a, b) => a.epoch - b.epoch);
  // As the CLI's trainForPictures: the final model is always the last snapshot.
  if (!snapshots.length || snapshots[snapshots.length - 1].epoch < trainer.epoch) snapshots.push({ epoch: trainer.epoch, layers: p.model.layers.map(layerToJson) });
  snapshots = snapshots.filter((s) => asked.has(s.epoch) || s.epoch === trainer.epoch);
  const seq = trainingFrames({ model: p.model, split: p.split, prepared: p, run: { history: trainer.history, snapshots } }, { frames: request.frames, width: request.width, height: request.height });
  current().seq = seq;
  return { count: seq.count, width: request.width, height: request.height, epochs: [...(seq.epochs ?? [])] };
}

export function gifFrame(i: number): string {
  const seq = current().seq;
  if (!seq || i < 0 || i >= seq.count) throw new RangeError(`no frame ${i}`);
  return seq.svg(i);
}

export function gifAddFrame(i: number, rgba: Uint8Array): void {
  const j = current();
  if (rgba.length !== j.width * j.height * 4) throw new RangeError(`frame ${i + 1} has ${rgba.length} bytes, expected ${j.width}×${j.height}×4`);
  j.frames[i] = rgba;
}

export function gifFinish(): Uint8Array {
  const j = current();
  const seq = j.seq!;
  if (j.frames.length !== seq.count || j.frames.some((f) => !f)) throw new Error("some frames are missing");
  const bytes = encodeGif(j.frames, j.width, j.height, { delayMs: seq.delayMs, lastDelayMs: seq.lastDelayMs });
  job = null;
  return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
}

export function gifCancel(): void {
  if (job) job.cancelled = true;
  job = null;
}
