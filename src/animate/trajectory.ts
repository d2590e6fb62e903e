/** `trajectory`: every parameter over the epochs, the lines growing as training goes. */
import { VIEWS, toSvg } from "../viz/index.ts";
import { evenly, frameCount, pickSnapshots, type Animation } from "./animation.ts";

export const trajectory: Animation = {
  description: "every parameter over the epochs, the lines growing frame by frame",
  needsSnapshots: true,
  applies: () => null,
  frames(input, o) {
    // Lines run through every snapshot (up to 400); frame i ends at the i-th of evenly spaced ones
    // (from the second: a line needs two points).
    const snaps = pickSnapshots(input.run.snapshots, 400);
    const ends = evenly(snaps.length - 1, frameCount(o) + 1).filter((k) => k >= 1);
    return {
      count: ends.length,
      delayMs: 80,
      lastDelayMs: 1500,
      svg: (i) =>
        toSvg(VIEWS.trajectory({ ...input, run: { ...input.run, snapshots: snaps.slice(0, ends[i] + 1) } }, { ...o, title: o.title ?? `Parameters over training: epoch ${snaps[ends[i]].epoch}` }), { idPrefix: "f" }),
    };
  },
};
