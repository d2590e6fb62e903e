/**
 * What the page says to its second worker, which trains what the page does not train live: the
 * variants of "Compare" (small multiples) and the run behind a training GIF. It is started the
 * first time either is used, so the playground's own worker has the machine to itself until then.
 */
import type { ExperimentJson } from "./setup.ts";
import type { Stop } from "./stop.ts";

/** One multiple of a comparison: what it is called and the experiment it trains. */
export interface VariantSpec {
  label: string;
  experiment: ExperimentJson;
}

export interface CompareOptions {
  /** Every variant stops at this epoch (Infinity: it goes on until paused). */
  epochs: number;
  /** Each multiple's picture, in pixels. */
  width: number;
  height: number;
}

/** How one variant is doing. */
export interface VariantStatus {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** NaN for regression. */
  trainAccuracy: number;
  testAccuracy: number;
  /** Its decision boundary (the CLI's boundary view, as a panel) when refreshed; else null. */
  svg: string | null;
  /** Why it stopped before the others (diverged, converged) or could not start. */
  stop: Stop | null;
  /** It trains no further (the epoch cap, convergence or an error). */
  done: boolean;
}

export interface CompareFrame {
  variants: VariantStatus[];
  playing: boolean;
}

export interface GifRequest {
  /** The experiment the page trains, with `train.epochs` the epochs the GIF covers. */
  experiment: ExperimentJson;
  files: Record<string, string>;
  frames: number;
  width: number;
  height: number;
}

export interface GifProgress {
  stage: "training" | "drawing" | "encoding";
  done: number;
  total: number;
}

export interface GifPlan {
  /** Frames, their size, and the epoch each shows. */
  count: number;
  width: number;
  height: number;
  epochs: number[];
}

export interface SideWorker {
  /** Prepares every variant from the start (a variant that cannot be trained reports why); a frame follows. */
  compareSetup(variants: VariantSpec[], files: Record<string, string>, options: CompareOptions, onFrame: (frame: CompareFrame) => void): Promise<void>;
  comparePlay(): void;
  /** Stops after the current slice; a last frame (with pictures) follows. */
  comparePause(): void;
  /** Drops the comparison (its trainers and memory). */
  compareClear(): void;
  /** Trains the experiment with the snapshots `glassbox animate training` takes and chooses its frames; throws "cancelled" when cancelled. */
  gifPrepare(request: GifRequest, onProgress: (p: GifProgress) => void): Promise<GifPlan>;
  /** Frame i's SVG (drawn with src/viz, as the CLI draws it). */
  gifFrame(i: number): string;
  /** Frame i's pixels (RGBA, width × height × 4), rasterised by the page. */
  gifAddFrame(i: number, rgba: Uint8Array): void;
  /** Encodes the frames (gifenc, the CLI's encoder and settings). */
  gifFinish(): Uint8Array;
  /** Stops a GIF in the making and drops its frames. */
  gifCancel(): void;
}
