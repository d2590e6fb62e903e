/**
 * The frames of the `training` animation: the decision boundary (1-D data: the fitted curve) at
 * snapshots spaced by how much the picture changes, each titled with its epoch, loss and accuracy.
 * Pure, so `glassbox animate training` (src/animate) and the page's training GIF draw the same SVG.
 */
import { applyScalerInto } from "../core/scaler.ts";
import type { Snapshot } from "../nn/history.ts";
import { evaluate } from "../nn/evaluate.ts";
import { createWorkspace, disposeWorkspace, forward } from "../nn/propagation.ts";
import { frameCount, pickByChange } from "./frame-schedule.ts";
import { mapInputs } from "../data/feature-map.ts";
import { matrix } from "../core/matrix.ts";
import { lossData, modelAtEpoch, modelWithParams, rawSplit, snapshotParams } from "./model-data.ts";
import { planeRefusal } from "./raw-plane.ts";
import { boundaryScene } from "./views/boundary.ts";
import { toSvg } from "./svg.ts";
import type { ViewInput, ViewOptions } from "./view.ts";

/** A trained run with its snapshots sorted by epoch, the last one the final model. */
export type SnapshotsInput = ViewInput & { run: { snapshots: Snapshot[] } & NonNullable<ViewInput["run"]> };

/** What an animation produces (src/render's FrameSequence has this shape): each frame's SVG on demand. */
export interface SvgFrames {
  count: number;
  svg(i: number): string;
  delayMs?: number | readonly number[];
  lastDelayMs?: number;
  /** The epoch each frame shows. */
  epochs?: readonly number[];
}

/** Why the training frames cannot be drawn for this model (null when they can). */
export function trainingFramesApply(model: Parameters<typeof planeRefusal>[1]): string | null {
  return planeRefusal(`"training"`, model, [1, 2]);
}

/**
 * What a frame shows, coarsely: the network's outputs on a grid over the data (1-D: a line of
 * points). The array `signature` returns is reused by the next call; `done` frees the workspace.
 */
function pictureSignature(input: SnapshotsInput): { signature: (s: Snapshot) => Float64Array; done(): void } {
  const X = rawSplit(input).train.X;
  const d = X.cols;
  const range = (c: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < X.rows; i++) {
      lo = Math.min(lo, X.data[i * d + c]);
      hi = Math.max(hi, X.data[i * d + c]);
    }
    const pad = (hi - lo) * 0.1 || 1;
    return [lo - pad, hi + pad];
  };
  const n = d === 1 ? 64 : 24;
  const pts = d === 1 ? n : n * n;
  const grid = new Float64Array(pts * d);
  const [x0, x1] = range(0);
  const [y0, y1] = d === 2 ? range(1) : [0, 0];
  for (let j = 0; j < (d === 1 ? 1 : n); j++) for (let i = 0; i < n; i++) {
    const q = j * n + i;
    grid[q * d] = x0 + ((x1 - x0) * i) / (n - 1);
    if (d === 2) grid[q * d + 1] = y0 + ((y1 - y0) * j) / (n - 1);
  }
  // One network, one workspace and the grid scaled once for every snapshot (a small network keeps
  // one per epoch): what predictOutput does for each, without making them again.
  const model = modelWithParams(input.model, input.model.params.slice());
  // The raw grid → the network's inputs (the feature map, then the scaler), once.
  const net = mapInputs(model, matrix(pts, d, grid)).data;
  if (model.scaler) applyScalerInto(net, model.scaler, net, pts, model.inputSize);
  const ws = createWorkspace(model, pts, { lean: true });
  return {
    signature: (s) => {
      model.params.set(snapshotParams(model, s));
      return forward(model, net, ws);
    },
    done: () => disposeWorkspace(ws),
  };
}

export function trainingFrames(input: SnapshotsInput, o: ViewOptions & { frames?: number }): SvgFrames {
  // Frames spaced by how much the boundary changes (a flat start that lasts for thousands of
  // epochs takes one frame, not the first five).
  const { signature, done } = pictureSignature(input);
  let snaps: Snapshot[];
  try {
    snaps = pickByChange(input.run.snapshots, frameCount(o), signature);
  } finally {
    done();
  }
  const last = snaps[snaps.length - 1].epoch;
  const data = lossData(input);
  const l2 = input.prepared?.config.l2 ?? 0;
  const { frames: _frames, ...view } = o;
  return {
    count: snaps.length,
    delayMs: 80,
    lastDelayMs: 1500,
    epochs: snaps.map((s) => s.epoch),
    svg(i) {
      const { epoch } = snaps[i];
      const model = modelAtEpoch(input.model, input.run, epoch);
      const e = evaluate(model, data.X, data.Y, data.n, l2);
      const acc = Number.isFinite(e.accuracy) ? ` · accuracy ${e.accuracy.toFixed(3)}` : "";
      const when = epoch === 0 ? "before training" : `epoch ${epoch} of ${last}`;
      // A 60×60 grid per frame (the still picture's default is 100): frames go by quickly.
      return toSvg(boundaryScene(model, rawSplit(input), { resolution: 60, ...view, title: o.title ?? `${when} · loss ${e.loss.toPrecision(4)}${acc}` }), { idPrefix: "f" });
    },
  };
}
