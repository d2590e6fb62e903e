/**
 * An animation: a function from a trained run (model, data, snapshots) to a sequence of frames.
 * Training happens once, before, with parameter snapshots at the epochs the frames need
 * (`snapshotEpochs`); frames are drawn by the views of src/viz and rasterised by src/render.
 */
import type { Snapshot } from "../nn/history.ts";
import type { Model } from "../nn/model.ts";
import type { FrameSequence } from "../render/frames.ts";
import type { ViewInput, ViewOptions } from "../viz/index.ts";

export interface AnimateOptions extends ViewOptions {
  /** Number of frames (default 60). */
  frames?: number;
  /** rotate: what turns — "hidden" (a 3-unit hidden layer's cube) or "surface" (the output over the plane). */
  subject?: "hidden" | "surface";
}

/** A trained run, as animations read it: snapshots sorted by epoch, the last one the final model. */
export type AnimationInput = ViewInput & { run: { snapshots: Snapshot[] } & NonNullable<ViewInput["run"]> };

export interface Animation {
  /** One line for help and errors. */
  description: string;
  /** Whether frames need parameter snapshots along training (else only the trained model). */
  needsSnapshots: boolean;
  /** Why this animation cannot be made for this model (null when it can); checked before training. */
  applies(model: Model, o: AnimateOptions): string | null;
  frames(input: AnimationInput, o: AnimateOptions): FrameSequence;
}

export { DEFAULT_FRAMES, evenly, frameCount, logSpaced, pickByChange, pickLogSpaced, pickSnapshots, snapshotEpochs } from "../viz/frame-schedule.ts";
