/**
 * Glassbox pictures: pure functions from a model / trace / dataset / run to a Scene (plain marks,
 * see scene.ts), and one `toSvg(scene)`. No I/O, no DOM, no node: imports — runs in a browser.
 *
 * API (for render/, the CLI and the page):
 *
 *   VIEWS: Record<ViewName, View>        every view by its CLI name
 *   type View = (input: ViewInput, options?: ViewOptions) => Scene
 *   ViewInput  = { model, split, run?: {history?, snapshots?}, trace?, prepared? }
 *   ViewOptions = { width?, height?, title?, param?, params?, range?, ranges?, resolution?, layer?,
 *                   epoch?, angle?: {azimuth, elevation}, mode?: "heatmap" | "3d", extent?,
 *                   showTest?, showPoints?, path?, neuronHeatmaps?, t? }   (view.ts documents each)
 *   toSvg(scene, { fontFamily?, idPrefix?, xmlDeclaration? }): string
 *
 *   Views: data, neurons, cost-slice, cost-surface, trajectory, boundary, hidden, surface, network,
 *   history, steps (the first step; `stepScenes` gives them all).
 *   A view throws a RangeError with a clear message when it does not apply (e.g. `neurons` on 2-D
 *   input, `steps` without a trace); `viewApplies(name, input)` says so beforehand.
 *
 * Helpers for animations (each returns a Scene, or data that several frames can reuse):
 *   modelAtEpoch(model, run, epoch): Model          a copy holding a snapshot's parameters
 *   boundaryScene(model, split, options?)           one frame of `training` (pass modelAtEpoch(…))
 *   hiddenMorphScene(model, split, t, options?)     input space (t=0) → hidden space (t=1), eased
 *   costGrid(model, data, paramA, paramB, ranges, resolution): CostGrid   loss over a 2-D grid
 *   costSurfaceScene(grid, options?)                draw a CostGrid (heatmap or 3-D), with a path
 *   stepScenes(trace, options?): Scene[]            one scene per step: the twelve-steps article's
 *                                                   twelve where the trace fits it, else one per trace step
 *   stepsHtml(trace, options?): string              all steps, one self-contained HTML page
 *   twelveSteps(trace): ArticleSteps | null         the article's twelve steps, names and sign (E = y − output)
 *   afterTrainingScene(targets, outputs, iterations) the outputs after many iterations beside the targets
 *   parseParam(model, name): ParamRef               "W1[0,0]" → flat index; throws listing valid names
 *   lossData(input): LossData                       scaled X and encoded Y the loss is measured on
 *   angle: 3-D views take options.angle = {azimuth, elevation} in degrees (rotate: vary azimuth).
 */
import { activationView } from "./views/activation.ts";
import type { Scene } from "./scene.ts";
import type { View, ViewInput, ViewOptions } from "./view.ts";
import { dataView } from "./views/data.ts";
import { neuronsView } from "./views/neurons.ts";
import { costSliceView, costSurfaceView } from "./views/cost.ts";
import { trajectoryView } from "./views/trajectory.ts";
import { boundaryView } from "./views/boundary.ts";
import { hiddenView } from "./views/hidden.ts";
import { surfaceView } from "./views/surface.ts";
import { networkView } from "./views/network.ts";
import { historyView } from "./views/history.ts";
import { stepsView } from "./views/steps.ts";
import { blueprintView, forwardShapesView, layerPassView, perceptronView, shapesView } from "./views/diagrams.ts";

export type { Scene, Mark, Paint, RectMark, CircleMark, LineMark, PolylineMark, PathMark, TextMark, GroupMark } from "./scene.ts";
export { allMarks, marksWithRole } from "./scene.ts";
export type { View, ViewInput, ViewOptions, RunLike, Angle } from "./view.ts";
export { toSvg, escapeXml, type SvgOptions } from "./svg.ts";
export { PALETTE, classColour } from "./palette.ts";
export { modelAtEpoch, lossData, type LossData } from "./model-data.ts";
export { parseParam, paramNames, type ParamRef } from "./params.ts";
export { costAngle, costGrid, costSlice, costSurfaceScene, currentInSight, lossAt, type CostGrid, type CostSlice, type CostSurfaceOptions } from "./views/cost.ts";
export { boundaryScene } from "./views/boundary.ts";
export { hiddenMorphScene, hiddenActivations } from "./views/hidden.ts";
export { stepScenes, stepsHtml, stepsLayout, type AfterTraining, type StepOptions } from "./views/steps.ts";
export { afterTrainingScene, fitsTwelveSteps, SIGN_CONVENTION, twelveStepScenes, twelveSteps, type ArticleEquation, type ArticleStep, type ArticleSteps } from "./views/twelve-steps.ts";

export const VIEWS = {
  data: dataView,
  activation: activationView,
  neurons: neuronsView,
  "cost-slice": costSliceView,
  "cost-surface": costSurfaceView,
  trajectory: trajectoryView,
  boundary: boundaryView,
  hidden: hiddenView,
  surface: surfaceView,
  network: networkView,
  history: historyView,
  steps: stepsView,
  perceptron: perceptronView,
  blueprint: blueprintView,
  shapes: shapesView,
  "forward-shapes": forwardShapesView,
  "layer-pass": layerPassView,
} satisfies Record<string, View>;

export type ViewName = keyof typeof VIEWS;
export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

/** Why a view cannot draw this input (null when it can). */
export function viewApplies(name: ViewName, input: ViewInput): string | null {
  const d = input.model.inputSize;
  const hidden = input.model.layers.length - 1;
  switch (name) {
    case "neurons":
      return d === 1 ? null : `"neurons" needs 1 input feature; this model has ${d}`;
    case "surface":
      return d === 2 ? null : `"surface" needs 2 input features; this model has ${d}`;
    case "boundary":
      return d <= 2 ? null : `"boundary" needs 1 or 2 input features; this model has ${d}`;
    case "hidden":
      return hidden >= 1 ? null : `"hidden" needs a hidden layer; this model has none`;
    case "trajectory":
      return (input.run?.snapshots?.length ?? 0) >= 2 ? null : `"trajectory" needs a run with at least 2 parameter snapshots (record.paramsAt or record.every)`;
    case "history":
      return (input.run?.history?.epoch.length ?? 0) >= 1 ? null : `"history" needs a run's history`;
    case "steps":
      return input.trace ? null : `"steps" needs a trace`;
    case "cost-surface":
      return input.model.params.length >= 2 ? null : `"cost-surface" needs at least 2 parameters`;
    default:
      return null;
  }
}

/** Runs a view by name, with a clear error when it does not apply. */
export function drawView(name: ViewName, input: ViewInput, options: ViewOptions = {}): Scene {
  const why = viewApplies(name, input);
  if (why) throw new RangeError(why);
  return VIEWS[name](input, options);
}
