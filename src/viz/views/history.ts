/** Loss and accuracy over the epochs, train and test, in two panels. */
import { PALETTE } from "../palette.ts";
import { axes } from "../chart/axes.ts";
import { extentOf, nonNegative } from "../chart/extent.ts";
import { fmtCount } from "../format.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import { sayer } from "../words/index.ts";
import type { ViewDrawings } from "../registry/index.ts";

/** Pictures narrower than this (in px) stack loss above accuracy; the page asks a taller picture for them. */
export const HISTORY_STACKS_BELOW = 540;

export function historyView(input: ViewInput, o: ViewOptions = {}): Scene {
  const h = input.run?.history;
  if (!h || h.epoch.length === 0) throw new RangeError(`"history" needs a run's history (train the experiment first)`);
  const hasAcc = h.accuracy.some(Number.isFinite);
  const hasTest = !!h.testLoss && h.testLoss.length === h.epoch.length;
  const train = PALETTE.classes[0];
  const test = PALETTE.classes[1];
  const first = h.epoch[0];
  const last = h.epoch[h.epoch.length - 1];
  const say_ = sayer(o.lang);
  const p = page(o, o.title ?? say_("Training history"), say_("epochs {first} to {last}, measured at {count}", { first: fmtCount(first), last: fmtCount(last), count: fmtCount(h.epoch.length) }), [
    { label: say_("train"), color: train, shape: "line" },
    ...(hasTest ? [{ label: say_("test"), color: test, shape: "dash" as const }] : []),
  ]);
  const panels = hasAcc ? 2 : 1;
  // Side by side; in a narrow picture (a phone's), one above the other, each as wide as the picture.
  const stacked = panels === 2 && p.width < HISTORY_STACKS_BELOW;
  const gap = stacked ? 24 : 16;
  const w = stacked ? p.box.width : (p.box.width - gap * (panels - 1)) / panels;
  const ph = stacked ? (p.box.height - gap) / 2 : p.box.height;
  const xr: [number, number] = [first, last];
  const marks: Mark[] = [...p.marks];
  // Long runs: at most ~1500 points per line (more than the pixels across a panel), the last kept.
  const stride = Math.max(1, Math.ceil(h.epoch.length / 1500));
  const keep = (i: number): boolean => i % stride === 0 || i === h.epoch.length - 1;
  const series = (ax: ReturnType<typeof axes>, ys: number[], color: string, dash: boolean, role: string): Mark => ({
    type: "polyline",
    points: h.epoch.map((e, i) => [ax.sx(e), ax.sy(ys[i])] as [number, number]).filter(([, y], i) => keep(i) && Number.isFinite(y)),
    stroke: color,
    strokeWidth: 2,
    dash: dash ? "6 4" : undefined,
    role,
  });
  // A stacked panel's axis is short: the loss's name would be cut; the heading names it.
  const lossName = stacked ? say_("loss") : input.model.loss === "sse" ? say_("loss (sse, summed)") : say_("loss ({loss})", { loss: input.model.loss });
  const lossBox = { x: p.box.x, y: p.box.y + 22, width: w, height: ph - 22 };
  const lossAx = axes(lossBox, { x: xr, y: nonNegative(extentOf([...h.loss, ...(hasTest ? h.testLoss! : [])], 0.05)), nice: true, xLabel: say_("epoch"), yLabel: lossName, xTickFormat: fmtCount });
  marks.push({ type: "text", x: lossAx.inner.x + lossAx.inner.width / 2, y: lossBox.y - 8, text: stacked ? say_("Loss ({loss})", { loss: input.model.loss }) : say_("Loss"), size: 15, weight: "bold", anchor: "middle", fill: PALETTE.ink });
  marks.push(...lossAx.back, series(lossAx, h.loss, train, false, "series loss train"));
  if (hasTest) marks.push(series(lossAx, h.testLoss!, test, true, "series loss test"));
  marks.push(...lossAx.front);
  if (hasAcc) {
    const accBox = stacked ? { x: p.box.x, y: p.box.y + ph + gap + 22, width: w, height: ph - 22 } : { x: p.box.x + w + gap, y: p.box.y + 22, width: w, height: ph - 22 };
    const accTest = hasTest && h.testAccuracy ? h.testAccuracy : [];
    const lo = Math.min(...h.accuracy.filter(Number.isFinite), ...accTest.filter(Number.isFinite));
    const accAx = axes(accBox, { x: lossAx.x, y: [Math.max(0, Math.floor(lo * 10) / 10), 1], nice: false, xLabel: say_("epoch"), yLabel: say_(stacked ? "accuracy" : "accuracy (fraction correct)"), xTickFormat: fmtCount });
    marks.push({ type: "text", x: accAx.inner.x + accAx.inner.width / 2, y: accBox.y - 8, text: say_("Accuracy"), size: 15, weight: "bold", anchor: "middle", fill: PALETTE.ink });
    marks.push(...accAx.back, series(accAx, h.accuracy, train, false, "series accuracy train"));
    if (accTest.length === h.epoch.length) marks.push(series(accAx, accTest, test, true, "series accuracy test"));
    marks.push(...accAx.front);
  }
  return { width: p.width, height: p.height, title: say_("Training history"), marks };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const HISTORY_DRAWINGS = { history: historyView } satisfies ViewDrawings;
