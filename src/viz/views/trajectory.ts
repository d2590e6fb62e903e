/** Every parameter over the epochs, from the run's snapshots: one chart (≤ 10 parameters) or small multiples. */
import { PALETTE } from "../palette.ts";
import { snapshotParams } from "../model-data.ts";
import { paramNames } from "../params.ts";
import { axes } from "../chart/axes.ts";
import { extentOf } from "../chart/extent.ts";
import type { LegendItem } from "../chart/legend.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { page } from "./common.ts";
import type { ViewDrawings } from "../registry/index.ts";

const SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#999999", "#F0E442", "#8c564b"];
const DASHES = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, "6 3", "2 2", "8 3 2 3"];

export function trajectoryView(input: ViewInput, o: ViewOptions = {}): Scene {
  const snaps = [...(input.run?.snapshots ?? [])].sort((a, b) => a.epoch - b.epoch);
  if (snaps.length < 2) throw new RangeError(`"trajectory" needs a run with at least 2 parameter snapshots (record.paramsAt)`);
  const model = input.model;
  const names = paramNames(model);
  const values = snaps.map((s) => snapshotParams(model, s));
  const epochs = snaps.map((s) => s.epoch);
  // A run that stopped between recorded epochs (converged): its final parameters end the lines.
  const lastEpoch = input.run?.history?.epoch?.at(-1);
  if (lastEpoch !== undefined && lastEpoch > epochs[epochs.length - 1] && values[values.length - 1].some((v, k) => v !== model.params[k])) {
    values.push(model.params.slice());
    epochs.push(lastEpoch);
  }
  const xr: [number, number] = [epochs[0], epochs[epochs.length - 1]];
  const few = names.length <= 10;
  const items: LegendItem[] = few ? names.map((n, i) => ({ label: n, color: SERIES[i], shape: DASHES[i] ? "dash" : "line" })) : [];
  const sub = `${names.length} parameters at ${snaps.length} recorded epochs` + (few ? "" : " · one panel per layer's W and b (at most 50 lines each)");
  const p = page(o, o.title ?? "Parameters over training", sub, items, few ? 560 : undefined);
  const marks: Mark[] = [...p.marks];
  const line = (ax: ReturnType<typeof axes>, k: number, color: string, dash?: string, width = 2): Mark => ({
    type: "polyline",
    points: epochs.map((e, t) => [ax.sx(e), ax.sy(values[t][k])]),
    stroke: color,
    strokeWidth: width,
    dash,
    role: `series param-${k}`,
    tooltip: names[k],
  });
  if (few) {
    const ax = axes(p.box, { x: xr, y: extentOf(values.flatMap((v) => Array.from(v)), 0.05), nice: true, xLabel: "epoch", yLabel: "parameter value" });
    marks.push(...ax.back, ...names.map((_, k) => line(ax, k, SERIES[k], DASHES[k])), ...ax.front);
    return { width: p.width, height: p.height, title: "Parameters over training", marks };
  }
  // Small multiples: one panel per W and per b of each layer, each line one parameter.
  const groups: { title: string; idx: number[] }[] = [];
  let offset = 0;
  model.layers.forEach((l, i) => {
    groups.push({ title: `W${i + 1} (${l.units}×${l.inputSize})`, idx: range(offset, offset + l.W.length) });
    offset += l.W.length;
    groups.push({ title: `b${i + 1} (${l.units})`, idx: range(offset, offset + l.b.length) });
    offset += l.b.length;
  });
  const cols = Math.min(4, Math.ceil(Math.sqrt(groups.length * 1.5)));
  const rowsN = Math.ceil(groups.length / cols);
  const height = o.height ?? Math.max(600, p.box.y + rowsN * 210 + 10);
  const cellW = p.box.width / cols;
  const cellH = (height - p.box.y - 10) / rowsN;
  groups.forEach((g, gi) => {
    const cx = p.box.x + (gi % cols) * cellW;
    const cy = p.box.y + Math.floor(gi / cols) * cellH;
    const ax = axes({ x: cx, y: cy + 20, width: cellW - 8, height: cellH - 24 }, { x: xr, y: extentOf(values.flatMap((v) => g.idx.map((k) => v[k])), 0.05), nice: true, compact: true, xLabel: "epoch" });
    marks.push({ type: "text", x: ax.inner.x + ax.inner.width / 2, y: cy + 14, text: g.title, size: 13, weight: "bold", anchor: "middle", fill: PALETTE.ink });
    // Many lines in one panel: thin, translucent, cycling colours; the panel shows the spread.
    const shown = g.idx.length > 50 ? g.idx.filter((_, i) => i % Math.ceil(g.idx.length / 50) === 0) : g.idx;
    marks.push(...ax.back, ...shown.map((k, i) => ({ ...line(ax, k, SERIES[i % 7], undefined, 1), strokeOpacity: 0.7 }) as Mark), ...ax.front);
  });
  return { width: p.width, height, title: "Parameters over training", marks };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const TRAJECTORY_DRAWINGS = { trajectory: trajectoryView } satisfies ViewDrawings;
