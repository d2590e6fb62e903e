/**
 * The running training: the worker's one session, trained in slices of about SLICE_MS, as many
 * epochs as fit, yielding between slices so the page's calls (pause, a new learning rate, a
 * clicked weight) are handled at once. After a slice it sends the latest parameters and losses
 * (at most every FRAME_MS); every GRID_MS, also every neuron's heatmap (one forward pass over the grid).
 */
import * as Comlink from "comlink";
import { forward } from "../../nn/propagation.ts";
import { GRID, type Frame } from "../protocol.ts";
import { stopOf, type Stop } from "../stop.ts";
import { measure, remember } from "./record.ts";
import { disposeSession, type Session } from "./session.ts";

const SLICE_MS = 10;
const FRAME_MS = 15;
const GRID_MS = 70;

let session: Session | null = null;
let playing = false;
let scheduled = false;
let lastFrame = 0;
let lastGrid = -Infinity;
let epochsPerSlice = 1;
let gridCost = 0;
/** Epochs a second at most (Infinity: as fast as it goes), counted from `paced`. */
let perSecond = Infinity;
let paced = { t: 0, epoch: 0 };
const recent: { t: number; epoch: number }[] = [];

// A zero-delay yield (setTimeout is clamped to 4 ms when nested).
const tick = new MessageChannel();
tick.port1.onmessage = () => {
  scheduled = false;
  slice();
};
function schedule(): void {
  if (scheduled || !playing) return;
  scheduled = true;
  if (perSecond === Infinity) tick.port2.postMessage(null);
  // At a pace: the next epoch is due in 1/perSecond s (setTimeout's few ms of slack do not add
  // up: each slice trains the epochs due since the pace began).
  else
    setTimeout(() => {
      scheduled = false;
      slice();
    }, 1000 / perSecond);
}

/** Sets the pace (epochs a second; Infinity or less than 0 none) from now on. */
export function pace(epochsPerSecond: number): void {
  perSecond = epochsPerSecond > 0 ? epochsPerSecond : Infinity;
  restartPace();
}

function restartPace(): void {
  paced = { t: performance.now(), epoch: session?.trainer.epoch ?? 0 };
}

/** The session being trained, or null before the first set-up. */
export function current(): Session | null {
  return session;
}

/** Stops training and frees the session, before a new one is made. */
export function close(): void {
  playing = false;
  if (session) disposeSession(session);
  session = null;
}

/** Makes `s` the session, at the pace of a new one, and sends its first frame. */
export function begin(s: Session): void {
  session = s;
  recent.length = 0;
  epochsPerSlice = 1;
  send(s, true);
}

export function play(): void {
  if (!session || playing) return;
  playing = true;
  restartPace();
  schedule();
}

/** Stops training (calls come between slices); the caller sends the frame it needs. */
export function stop(): void {
  playing = false;
}

function grids(s: Session): Float32Array[] | null {
  if (!s.gridX || !s.gridWs) return null;
  const t0 = performance.now();
  forward(s.model, s.gridX.data, s.gridWs);
  gridCost = performance.now() - t0;
  return s.gridWs.A.map((a, l) => Float32Array.from(a.subarray(0, GRID * GRID * s.model.layers[l].units)));
}

export function send(s: Session, withGrids: boolean, stop: Stop | null = null): void {
  const g = withGrids ? grids(s) : null;
  const d = s.prepared.data;
  const train = measure(s, d.X, d.Y, s.trainWs);
  const test = measure(s, d.testX ?? null, d.testY ?? null, s.testWs);
  // The epochs its parameters hold (after a divergence, those of the last good ones put back).
  remember(s, s.trainer.paramsEpoch, train, test);
  const frame: Frame = {
    epoch: s.trainer.paramsEpoch,
    trainLoss: train.loss,
    testLoss: test.loss,
    params: s.model.params.slice(),
    grids: g,
    refreshed: withGrids,
    stop,
    playing,
  };
  lastFrame = performance.now();
  if (withGrids) lastGrid = lastFrame;
  s.onFrame(Comlink.transfer(frame, [frame.params.buffer, ...(g ?? []).map((a) => a.buffer)]));
}

/** Trains k epochs (no further than a file's own run ends); why training stopped on its own, or null. */
export function run(s: Session, k: number): Stop | null {
  const left = s.stopAt !== null && s.trainer.epoch < s.stopAt ? s.stopAt - s.trainer.epoch : Infinity;
  try {
    s.trainer.step(Math.min(k, left));
  } catch (e) {
    playing = false;
    return stopOf(e, s.trainer.paramsEpoch);
  }
  if (s.trainer.stoppedBy !== null) {
    // Only L-BFGS stops on its own in an open-ended run.
    playing = false;
    return { kind: "converged", epoch: s.trainer.epoch };
  }
  if (s.stopAt !== null && s.trainer.epoch >= s.stopAt) {
    // Once: play again goes on past it, open-ended.
    s.stopAt = null;
    playing = false;
    return { kind: "finished", epoch: s.trainer.epoch };
  }
  return null;
}

function slice(): void {
  const s = session;
  if (!s || !playing) return;
  if (perSecond !== Infinity) return pacedSlice(s);
  const start = performance.now();
  let stopped: Stop | null = null;
  // Grow the chunk until a slice takes about SLICE_MS; checking the clock every epoch would cost more than tiny epochs.
  while (playing && performance.now() - start < SLICE_MS) {
    const t0 = performance.now();
    stopped = run(s, epochsPerSlice);
    if (stopped) break;
    const dt = performance.now() - t0;
    if (dt < SLICE_MS / 8) epochsPerSlice = Math.min(epochsPerSlice * 2, 1 << 16);
    else if (dt > SLICE_MS / 2 && epochsPerSlice > 1) epochsPerSlice = Math.max(1, epochsPerSlice >> 1);
  }
  const now = noteProgress(s);
  // Heatmaps every GRID_MS, or less often when one grid pass is costly (a big network): at most ~25 % of the time.
  if (stopped || now - lastFrame >= FRAME_MS) send(s, stopped !== null || now - lastGrid >= Math.max(GRID_MS, 4 * gridCost), stopped);
  schedule();
}

/** A slice at a pace: the epochs due since the pace began, then a frame (with heatmaps every GRID_MS). */
function pacedSlice(s: Session): void {
  const start = performance.now();
  const due = Math.floor(((start - paced.t) * perSecond) / 1000) - (s.trainer.epoch - paced.epoch);
  let stopped: Stop | null = null;
  if (due > 0) {
    // One epoch at a time for at most SLICE_MS, as an unpaced slice: epochs slower than the pace
    // must not hold the worker (pause, a view) for the whole backlog.
    let trained = 0;
    while (trained < due && stopped === null && (trained === 0 || performance.now() - start < SLICE_MS)) {
      stopped = run(s, 1);
      trained++;
    }
    // More than a second behind (slow epochs, a busy machine, a throttled tab): start the count
    // again rather than race to catch up.
    if (due - trained > perSecond) restartPace();
    const now = noteProgress(s);
    send(s, stopped !== null || now - lastGrid >= Math.max(GRID_MS, 4 * gridCost), stopped);
  }
  schedule();
}

/** Records where training is now, for `rate` (about the last second kept); returns the time. */
function noteProgress(s: Session): number {
  const now = performance.now();
  recent.push({ t: now, epoch: s.trainer.epoch });
  while (recent.length > 2 && now - recent[0].t > 1000) recent.shift();
  return now;
}

/** Epochs per second over about the last second of training. */
export function rate(): number {
  if (recent.length < 2) return 0;
  const a = recent[0];
  const b = recent[recent.length - 1];
  return b.t > a.t ? ((b.epoch - a.epoch) * 1000) / (b.t - a.t) : 0;
}
