/** The uniform signature every view has, so the CLI, the gallery and the page can call any of them. */
import type { DataSplit } from "../data/types.ts";
import type { Prepared } from "../experiment/prepare.ts";
import type { History, Snapshot } from "../nn/history.ts";
import type { Model } from "../nn/model.ts";
import type { Trace } from "../nn/trace.ts";
import type { Scene } from "./scene.ts";

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

export interface ViewOptions {
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
  /** cost-slice: the parameter, e.g. "W1[0,0]" (layer 1-based, [row = out, col = in]) or "b2[0]". */
  param?: string;
  /** cost-surface: the two parameters. */
  params?: [string, string];
  /** cost-slice: the swept range (default current ± 10). */
  range?: [number, number];
  /** cost-surface: the two swept ranges. */
  ranges?: [[number, number], [number, number]];
  /** Grid cells per side for heatmaps, cost grids and meshes. */
  resolution?: number;
  /** hidden: which hidden layer (1-based, default 1). */
  layer?: number;
  /** Draw the model as it was after this epoch (needs run.snapshots holding it; 0 = initial). */
  epoch?: number;
  /** 3-D views. */
  angle?: Angle;
  /** cost-surface: "heatmap" (default) or "3d"; hidden with 3 units is always 3-D. */
  mode?: "heatmap" | "3d";
  /** Input-plane extent [xmin, xmax, ymin, ymax] (boundary, surface, network) or [xmin, xmax] (1-D views). */
  extent?: number[];
  /** data: draw the inputs as the network sees them, after the model's scaler ("scale": "standard"). */
  scaled?: boolean;
  /** data: one unit is as long on both axes (matplotlib's axis("equal")). */
  equalAxes?: boolean;
  /** Show the test points (default true where there are any). */
  showTest?: boolean;
  /** surface: draw the samples on the surface (default true). */
  showPoints?: boolean;
  /** cost-surface: a descent path in parameter space [a, b][] (default: from run.snapshots). */
  path?: [number, number][];
  /** network: small output heatmaps inside the neurons (default true when the input is 2-D). */
  neuronHeatmaps?: boolean;
  /** steps: which step to draw (1-based, default 1); stepScenes gives them all. */
  step?: number;
  /** data (1-D): mark where each first-layer neuron's input is 0, the "dots" that separate the classes. */
  cuts?: boolean;
  /** steps: "article" (the twelve-steps article's numbering, where the trace fits it) or "trace" (every computed matrix). */
  stepsLayout?: "article" | "trace";
  /** steps: the highlighted cell of the computed matrix, [row, col] (default [0, 0]). */
  cell?: [number, number];
  /** hidden-morph: 0 = input space, 1 = hidden space. */
  t?: number;
}

export type View = (input: ViewInput, options?: ViewOptions) => Scene;
