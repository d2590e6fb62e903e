/**
 * `cost-landscape`: the cost over two parameters (heatmap or, with mode "3d", a surface), the
 * descent path growing across it frame by frame. Each frame's landscape is the cost with every
 * other parameter at that frame's values (its snapshot), so frame 0 shows the loss the network
 * starts from and the surface itself changes as training moves the other parameters; the axes
 * stay the same for the whole animation.
 */
import { costAngle, costGrid, costSurfaceScene, lossData, modelAtEpoch, paramNames, parseParam, toSvg, type CostGrid } from "../viz/index.ts";
import type { Model } from "../nn/model.ts";
import { evenly, frameCount, pickSnapshots, type Animation } from "./animation.ts";

/** The same default pair as the cost-surface view: two weights of the first layer. */
export function defaultParams(model: Model): [string, string] {
  const names = paramNames(model);
  const first = model.layers[0];
  return first.W.length >= 2 ? [names[0], names[1]] : [names[0], names[first.W.length]];
}

export const costLandscape: Animation = {
  description: "the cost over two parameters (--params, --mode heatmap|3d) with the descent path growing",
  needsSnapshots: true,
  applies(model, o) {
    if (model.params.length < 2) return `"cost-landscape" needs at least 2 parameters`;
    try {
      const [a, b] = o.params ?? defaultParams(model);
      if (parseParam(model, a).index === parseParam(model, b).index) return `--params needs two different parameters; got ${a} twice`;
    } catch (e) {
      return (e as Error).message;
    }
    return null;
  },
  frames(input, o) {
    const model = input.model;
    const [na, nb] = o.params ?? defaultParams(model);
    const a = parseParam(model, na);
    const b = parseParam(model, nb);
    // The path runs through every snapshot (up to 400); frames stop at evenly spaced ones.
    const snaps = pickSnapshots(input.run.snapshots, 400);
    const at = evenly(snaps.length - 1, frameCount(o));
    const path = snaps.map((s) => modelAtEpoch(model, input.run, s.epoch).params).map((p): [number, number] => [p[a.index], p[b.index]]);
    const around = (c: number, vals: number[]): [number, number] => {
      const lo = Math.min(c - 10, ...vals);
      const hi = Math.max(c + 10, ...vals);
      return [lo, hi];
    };
    const ranges = o.ranges ?? [around(model.params[a.index], path.map((q) => q[0])), around(model.params[b.index], path.map((q) => q[1]))];
    const res = Math.max(5, o.resolution ?? (o.mode === "3d" ? 31 : 61));
    const data = lossData(input);
    // The surface at each frame's parameters: its marker is the grid's own point and loss.
    const grids: CostGrid[] = at.map((k) => costGrid(modelAtEpoch(model, input.run, snaps[k].epoch), data, a, b, ranges, res));
    // One angle for every frame: the one the moving point is in sight from most often.
    const angle = o.angle ?? (o.mode === "3d" ? costAngle(grids) : undefined);
    return {
      count: at.length,
      delayMs: 80,
      lastDelayMs: 1500,
      svg(i) {
        const k = at[i];
        const g = grids[i];
        const title = o.title ?? `The cost over ${a.name} and ${b.name}: epoch ${snaps[k].epoch}`;
        return toSvg(costSurfaceScene(g, { width: o.width, height: o.height, title, mode: o.mode, angle, path: path.slice(0, k + 1) }), { idPrefix: "f" });
      },
    };
  },
};
