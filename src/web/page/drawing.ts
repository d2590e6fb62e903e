/**
 * The pictures of the built page: the data's points, the output's heatmap (or the 1-D curves),
 * every neuron's map in the diagram and the inputs' maps, redrawn from the latest grids.
 */
import { FEATURES, HIDABLE } from "../setup.ts";
import { language, t } from "../i18n.ts";
import { classPointColor, pointColor, unitScale, valueScale } from "../ui/colors.ts";
import { twoClassLegend, type Legend } from "../ui/output-legend.ts";
import { fmt } from "../../viz/format.ts";
import { inputScale } from "../ui/network-view.ts";
import { fileNetwork, networkShape } from "./shown-network.ts";
import { state, worker } from "./state.ts";

/** The points' colours: a regression's by value over its range, classes by their colours. */
function pointColors(): (y: number) => string {
  if (state.info?.task !== "regression") return classPointColor;
  const scale = valueScale(valueRange());
  return (y) => pointColor(scale(y));
}

/**
 * A regression's colours, blue to orange: over [−1, 1] for the Playground's own data (as
 * TensorFlow Playground colours it), over the targets' range for a file's (ages, prices…, which
 * over [−1, 1] were one orange).
 */
function valueRange(): [number, number] {
  return state.setup.example && state.info ? state.info.valueRange : [-1, 1];
}

/** The bar's key for values coloured from lo (blue) through the middle to hi (orange). */
function range(lo: number, hi: number, title: string): Legend {
  return { kind: "bar", ticks: [fmt(lo), fmt((lo + hi) / 2), fmt(hi)], title };
}

/** A neuron's key: sigmoid from 0 to 1, the others from −1 to 1 (unitScale's colours). */
function activationLegend(activation: string): Legend {
  return activation === "sigmoid" ? range(0, 1, t("output.bar.activation")) : range(-1, 1, t("output.bar.activation"));
}

export function drawPoints(): void {
  const { view, info, setup } = state;
  if (!view || !info || info.rawDim > 2) return;
  view.output.points(info.train, setup.showTestData ? info.test : null, pointColors(), info.domain, info.rawDim);
}

const CURVES_MS = 250;
let curvesInFlight = false;
// Never drawn yet (0 would hold back a page whose first grids come within 250 ms of its start).
let lastCurves = -Infinity;
/** Grids came while a drawing was under way or too soon after one: drawn when that allows. */
let curvesWanted = false;
let curvesTimer = 0;

/** A drawing held back is made once it may be, if the data is still 1-D (the latest grids, not the ones that asked). */
function drawWantedCurves(): void {
  if (curvesWanted && state.info?.rawDim === 1) drawCurves();
}

/**
 * 1-D data: the `neurons` view (each hidden neuron's curve and the output along x), a few times a
 * second; grids that come in between are drawn after, so the picture ends at the last grids.
 */
function drawCurves(): void {
  const { view } = state;
  if (!view) return;
  const wait = CURVES_MS - (performance.now() - lastCurves);
  if (curvesInFlight || wait > 0) {
    curvesWanted = true;
    if (!curvesInFlight && !curvesTimer)
      curvesTimer = window.setTimeout(() => {
        curvesTimer = 0;
        drawWantedCurves();
      }, wait);
    return;
  }
  curvesWanted = false;
  curvesInFlight = true;
  lastCurves = performance.now();
  const target = view;
  void worker
    .view({ name: "neurons", width: Math.max(320, Math.round(target.heatmapWrap.clientWidth) || 330), lang: language() })
    .then((r) => target.output.showInstead({ svg: r.svg }))
    .catch((e) => target.output.showInstead({ text: (e as Error).message }))
    .finally(() => {
      curvesInFlight = false;
      target.heatmapWrap.dataset.refreshes = String(++state.gridRefreshes);
      drawWantedCurves();
    });
}

/** The output's picture: the hovered node's map, else the network's output, with its caption. */
export function paintOutput(grids: Float32Array[]): void {
  const { view, info, setup } = state;
  if (!view || !info) return;
  if (info.rawDim === 1) {
    view.caption.textContent = t("caption.curves");
    drawCurves();
    return;
  }
  const L = grids.length - 1;
  const h = state.hovered;
  if (h && h.layer === -1) {
    const g = fileNetwork() ? info.inputGrids?.[h.unit] : info.featureGrids[FEATURES.find((x) => networkShape().inputs.find((i) => i.key === x)?.label === h.label) ?? "x"];
    if (g) {
      const scale = inputScale(g);
      view.output.paint(g, scale, false);
      // inputScale maps ±(the largest magnitude) to ±1.
      const max = 1 / scale(1);
      view.legend.show(range(-max, max, t("output.bar.input")));
    }
    view.caption.textContent = t("caption.input", { label: h.label });
  } else if (h && h.layer < L) {
    const units = info.layers[h.layer].units;
    view.output.paint(grids[h.layer], unitScale(info.layers[h.layer].activation), false, h.unit, units);
    view.legend.show(activationLegend(info.layers[h.layer].activation));
    view.caption.textContent = t("caption.node", { label: h.label });
  } else if (info.task === "multiclass") {
    // Test points are named only where some are drawn (a walkthrough may have no test set).
    const test = setup.showTestData && info.test.y.length > 0;
    view.output.paintClasses(grids[L], info.layers[L].units, setup.discretize);
    view.legend.show({ kind: "classes", labels: info.classes ?? [] });
    view.caption.textContent = t(test ? "caption.classesTest" : "caption.classes", { classes: info.classes?.join(", ") ?? "" });
  } else {
    const regression = info.task === "regression";
    view.output.paint(grids[L], regression ? valueScale(valueRange()) : unitScale(info.layers[L].activation), setup.discretize);
    view.legend.show(regression ? range(...valueRange(), t("output.bar.value")) : twoClassLegend(info.classes));
    const test = setup.showTestData && info.test.y.length > 0;
    view.caption.textContent = info.task === "binary" ? t(test ? "caption.binaryTest" : "caption.binary", { cls: info.classes?.[1] ?? 1 }) : t("caption.regression");
  }
  view.heatmapWrap.dataset.refreshes = String(++state.gridRefreshes);
}

export function paintGrids(grids: Float32Array[]): void {
  if (!state.view) return;
  const info = state.info;
  state.view.network.paint(grids, state.setup.discretize, info?.task === "regression" ? valueScale(valueRange()) : undefined);
  paintOutput(grids);
}

/** The input nodes' maps: the Playground's features, or the file's inputs over the grid. */
export function paintInputs(): void {
  const { view, info } = state;
  if (!view || !info) return;
  if (!fileNetwork()) view.network.paintFeatures(info.featureGrids);
  else if (info.inputGrids) view.network.paintFeatures(Object.fromEntries(info.inputs.map((name, i) => [name, info.inputGrids![i]])));
}

/** Data of more than two features has no map: a note in the output's place. */
export function showManyFeatures(): void {
  const { info, imported } = state;
  if (info && info.rawDim > 2) state.view?.output.showInstead({ text: imported ? t("import.wideOutput", { n: info.rawDim }) : t("output.manyFeatures", { n: info.rawDim }) });
}

/** The classroom flags: the controls they name are hidden. */
export function applyHidden(): void {
  for (const h of HIDABLE) {
    for (const node of document.querySelectorAll(`.ui-${h}`)) node.classList.toggle("hidden-control", state.setup.hide.includes(h));
  }
}
