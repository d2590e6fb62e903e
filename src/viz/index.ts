/**
 * Glassbox pictures: pure functions from a model / trace / dataset / run to a Scene (plain marks,
 * see scene.ts), and one `toSvg(scene)`. No I/O, no DOM, no node: imports — runs in a browser.
 *
 * API (for render/, the CLI and the page):
 *
 *   VIEW_REGISTRY: ViewEntry[]           every view: name, applies(input), options, needs, page tab (registry/)
 *   VIEWS: Record<ViewName, View>        every view's drawing by its CLI name
 *   type View = (input: ViewInput, options?: ViewOptions) => Scene
 *   ViewInput  = { model, split, run?: {history?, snapshots?}, trace?, prepared? }
 *   ViewOptions = CommonViewOptions (view.ts: width, height, title, subtitle, panel, epoch,
 *                 resolution, extent, angle, showTest, layer, t) & each view's own (registry/<view>.ts)
 *   toSvg(scene, { fontFamily?, idPrefix?, xmlDeclaration? }): string
 *
 *   Views: VIEW_NAMES, in the registry's order (registry/index.ts; `steps` draws one step,
 *   `stepScenes` gives them all). A view throws a RangeError with a clear message when it does not
 *   apply (e.g. `neurons` on 2-D input, `steps` without a trace); `viewApplies(name, input)` (its
 *   entry's applies()) says so beforehand.
 *
 * Helpers for animations (each returns a Scene, or data that several frames can reuse):
 *   modelAtEpoch(model, run, epoch): Model          a copy holding a snapshot's parameters
 *   boundaryScene(model, split, options?)           one frame of `training` (pass modelAtEpoch(…)); split as loaded
 *   hiddenMorphScene(model, split, t, options?)     input space (t=0) → hidden space (t=1), eased; split: the data as loaded (prepared.raw)
 *   costGrid(model, data, paramA, paramB, ranges, resolution): CostGrid   loss over a 2-D grid
 *   costSurfaceScene(grid, options?)                draw a CostGrid (heatmap or 3-D), with a path
 *   stepScenes(trace, options?): Scene[]            one scene per step: the twelve-steps article's
 *                                                   twelve where the trace fits it, else one per trace step
 *   stepCount(trace, options?): number              how many scenes stepScenes draws, without drawing them
 *   stepsHtml(trace, options?): string              all steps, one self-contained HTML page
 *   twelveSteps(trace): ArticleSteps | null         the article's twelve steps, names and sign (E = y − output)
 *   afterTrainingScene(targets, outputs, iterations) the outputs after many iterations beside the targets
 *   parseParam(model, name): ParamRef               "W1[0,0]" → flat index; throws listing valid names
 *   lossData(input): LossData                       scaled X and encoded Y the loss is measured on
 *   angle: 3-D views take options.angle = {azimuth, elevation} in degrees (rotate: vary azimuth).
 */
import type { Scene } from "./scene.ts";
import type { View, ViewInput, ViewOptions } from "./view.ts";
import { viewApplies, type ViewName } from "./registry/index.ts";
import { ACTIVATION_DRAWINGS } from "./views/activation.ts";
import { BOUNDARY_DRAWINGS } from "./views/boundary.ts";
import { COST_DRAWINGS } from "./views/cost.ts";
import { DATA_DRAWINGS } from "./views/data.ts";
import { DIAGRAM_DRAWINGS } from "./views/diagrams.ts";
import { HIDDEN_DRAWINGS } from "./views/hidden.ts";
import { HISTORY_DRAWINGS } from "./views/history.ts";
import { NETWORK_DRAWINGS } from "./views/network.ts";
import { NEURONS_DRAWINGS } from "./views/neurons.ts";
import { STEPS_DRAWINGS } from "./views/steps.ts";
import { SURFACE_DRAWINGS } from "./views/surface.ts";
import { TRAJECTORY_DRAWINGS } from "./views/trajectory.ts";

export type { Scene, Mark, Paint, RectMark, CircleMark, LineMark, PolylineMark, PathMark, TextMark, GroupMark } from "./scene.ts";
export { allMarks, marksWithRole } from "./scene.ts";
export type { View, ViewInput, ViewOptions, CommonViewOptions, ViewEntry, ViewNeeds, RunLike, Angle } from "./view.ts";
export { COMMON_OPTIONS } from "./view.ts";
export { isViewName, PAGE_VIEWS, VIEW_NAMES, VIEW_REGISTRY, viewApplies, viewEntry, type PageTab, type ViewName } from "./registry/index.ts";
export { toSvg, escapeXml, type SvgOptions } from "./svg.ts";
export { PALETTE, classColor, classColour } from "./palette.ts";
export { modelAtEpoch, lossData, rawSplit, type LossData } from "./model-data.ts";
export { planeRefusal, rawInputCount } from "./raw-plane.ts";
export { parseParam, paramNames, type ParamRef } from "./params.ts";
export { costAngle, costGrid, costSlice, costSurfaceScene, currentInSight, lossAt, type CostGrid, type CostSlice, type CostSurfaceOptions } from "./views/cost.ts";
export { boundaryScene } from "./views/boundary.ts";
export { hiddenActivations } from "./views/hidden.ts";
export { hiddenMorphScene, morphShare } from "./views/hidden-morph.ts";
export { stepCount, stepScenes, stepsHtml, stepsLayout, type AfterTraining, type StepOptions } from "./views/steps.ts";
export { afterTrainingScene, fitsTwelveSteps, SIGN_CONVENTION, twelveStepScenes, twelveSteps, type ArticleEquation, type ArticleStep, type ArticleSteps } from "./views/twelve-steps.ts";

/**
 * Each view's drawing by its registry name (registry/index.ts lists the views, in order; each
 * views/ module names the ones it draws): the compiler insists on every name.
 */
export const VIEWS = {
  ...ACTIVATION_DRAWINGS,
  ...BOUNDARY_DRAWINGS,
  ...COST_DRAWINGS,
  ...DATA_DRAWINGS,
  ...DIAGRAM_DRAWINGS,
  ...HIDDEN_DRAWINGS,
  ...HISTORY_DRAWINGS,
  ...NETWORK_DRAWINGS,
  ...NEURONS_DRAWINGS,
  ...STEPS_DRAWINGS,
  ...SURFACE_DRAWINGS,
  ...TRAJECTORY_DRAWINGS,
} satisfies Record<ViewName, View>;

/** Runs a view by name, with a clear error when it does not apply. */
export function drawView(name: ViewName, input: ViewInput, options: ViewOptions = {}): Scene {
  const why = viewApplies(name, input);
  if (why) throw new RangeError(why);
  return VIEWS[name](input, options);
}
