/** The uniform signature every view has, so the CLI, the gallery and the page can call any of them. */
import type { DataSplit } from "../data/types.ts";
import type { Prepared } from "../experiment/prepare.ts";
import type { History, Snapshot } from "../nn/history.ts";
import type { Model } from "../nn/model.ts";
import type { Trace } from "../nn/trace.ts";
import type { Scene } from "./scene.ts";
import type { PictureLanguage } from "./words/index.ts";
import type { CostSliceOptions } from "./registry/cost-slice.ts";
import type { CostSurfaceViewOptions } from "./registry/cost-surface.ts";
import type { DataOptions } from "./registry/data.ts";
import type { NetworkOptions } from "./registry/network.ts";
import type { StepsViewOptions } from "./registry/steps.ts";
import type { SurfaceOptions } from "./registry/surface.ts";

/** What a run file holds that views read (RunJson satisfies it). */
export interface RunLike {
  history?: History;
  snapshots?: Snapshot[];
}

export interface ViewInput {
  /** Trained or initial; its parameters are what is drawn (views never change them). */
  model: Model;
  /** Raw (unscaled) data; the model's scaler is applied where the network needs it. */
  split: DataSplit;
  run?: RunLike;
  trace?: Trace;
  /** When given, its scaled/encoded data is reused (otherwise derived from split + model). */
  prepared?: Prepared;
}

export interface Angle {
  /** Degrees about the vertical axis (default −35). */
  azimuth: number;
  /** Degrees above the horizontal plane (default 30: DEFAULT_ANGLE in project.ts). */
  elevation: number;
}

/**
 * Options every view may read. Each view's own options are declared in its registry entry
 * (registry/<view>.ts), and ViewOptions is all of them: one bag the CLI and the page fill in.
 */
export interface CommonViewOptions {
  /** The language of the picture's words (default English; the page's Chinese: viz/words). */
  lang?: PictureLanguage;
  /** Pixels (default 800 × 600; some views pick their own height when not given). */
  width?: number;
  height?: number;
  /** Replaces the default title; "" for none. */
  title?: string;
  /** Replaces the default subtitle (the line under the title); "" for none. */
  subtitle?: string;
  /**
   * One panel of a tiled figure: larger title and subtitle, compact axes, no legend or colour
   * bar (the tiled figure shows one shared legend).
   */
  panel?: boolean;
  /** Draw the model as it was after this epoch (needs run.snapshots holding it; 0 = initial). */
  epoch?: number;
  /** Grid cells per side for heatmaps, cost grids and meshes. */
  resolution?: number;
  /** Input-plane extent [xmin, xmax, ymin, ymax] (boundary, surface, network) or [xmin, xmax] (1-D views). */
  extent?: number[];
  /** 3-D views. */
  angle?: Angle;
  /** Show the test points (default true where there are any). */
  showTest?: boolean;
  /** hidden, layer-pass: which hidden layer (1-based, default 1). */
  layer?: number;
  /** hidden-morph (an animation frame, hiddenMorphScene): 0 = input space, 1 = hidden space. */
  t?: number;
}

/** The option names every view may read (CommonViewOptions); a registry entry lists the others it reads. */
export const COMMON_OPTIONS = ["lang", "width", "height", "title", "subtitle", "panel", "epoch", "resolution", "extent", "angle", "showTest", "layer", "t"] as const satisfies readonly (keyof CommonViewOptions)[];

export type ViewOptions = CommonViewOptions & DataOptions & CostSliceOptions & CostSurfaceViewOptions & SurfaceOptions & NetworkOptions & StepsViewOptions;

/** What the command line provides before a view draws. */
export interface ViewNeeds {
  /** Drawn from a trained model (false: from the data or the initial parameters, no training). */
  trained: boolean;
  /** Reads the run's history (loss per epoch). */
  history?: boolean;
  /** Reads the run's parameter snapshots (recomputed for a run file that has none). */
  snapshots?: boolean;
  /** Reads a trace of one iteration at the initial parameters. */
  trace?: boolean;
}

/**
 * A view as the registry knows it, without its drawing code (so the page's main thread can list
 * the views without loading them): registry/<name>.ts holds one, registry/index.ts lists them all.
 */
export interface ViewEntry<N extends string = string> {
  readonly name: N;
  /** Why the view cannot draw this input (null when it can); cheap: the CLI asks before training. */
  applies(input: ViewInput): string | null;
  /** The options it reads beyond COMMON_OPTIONS. */
  readonly options: readonly Exclude<keyof ViewOptions, keyof CommonViewOptions>[];
  readonly needs: ViewNeeds;
  /** The tab of the page's views panel that shows it, and the tab's place among them. */
  readonly page?: { readonly tab: string; readonly order: number };
}

/** A registry entry with its name (and page tab) kept as literal types. */
export function defineView<const E extends ViewEntry>(entry: E): E {
  return entry;
}

export type View = (input: ViewInput, options?: ViewOptions) => Scene;
