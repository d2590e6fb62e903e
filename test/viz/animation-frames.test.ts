/**
 * Animation frames that show what the run did: the cost landscape follows each frame's
 * parameters (frame 0: the loss the network starts from), training frames are spaced by how
 * much the picture changes, and the 3-D cost view turns so the current point is in sight.
 */
import { describe, expect, it } from "vitest";
import { ANIMATIONS, pickByChange, type AnimationInput } from "../../src/animate/index.ts";
import { costAngle, costGrid, costSlice, costSurfaceScene, currentInSight, lossData, marksWithRole, modelAtEpoch } from "../../src/viz/index.ts";
import { fmt } from "../../src/viz/format.ts";
import { frozen } from "./setup.ts";

const one = frozen("one-feature") as AnimationInput;

describe("cost-landscape", () => {
  it("draws each frame's surface at that frame's parameters: frame 0 at the starting loss, the last at the final one", () => {
    const seq = ANIMATIONS["cost-landscape"].frames(one, { frames: 4 });
    const h = one.run.history!;
    // history.loss[0] is the loss before the first update: the initial parameters' loss.
    expect(seq.svg(0)).toContain(`loss ${fmt(h.loss[0], 3)}`);
    const snaps = one.run.snapshots;
    const last = modelAtEpoch(one.model, one.run, snaps[snaps.length - 1].epoch);
    const g = costGrid(last, lossData(one), "W1[0,0]", "W1[1,0]", [[-1, 1], [-1, 1]], 5);
    expect(seq.svg(seq.count - 1)).toContain(`loss ${fmt(g.currentLoss, 3)}`);
    expect(seq.svg(0)).not.toBe(seq.svg(seq.count - 1));
  });
});

describe("the 3-D cost view's angle", () => {
  it("turns so that the current point is in sight when some quarter turn shows it", () => {
    const g = costGrid(one.model, lossData(one), "W1[0,0]", "W1[1,0]", [[one.model.params[0] - 10, one.model.params[0] + 10], [one.model.params[1] - 10, one.model.params[1] + 10]], 21);
    const angle = costAngle([g]);
    const some = [0, 90, -90, 180].some((t) => currentInSight(g, { azimuth: -35 + t, elevation: 30 }));
    expect(currentInSight(g, angle)).toBe(some);
    const scene = costSurfaceScene(g, { mode: "3d" });
    expect(marksWithRole(scene, "current", "hidden").length).toBe(some ? 0 : 1);
  });
});

describe("training frames spaced by change", () => {
  it("gives a long unchanging stretch one frame and the moving epochs the rest", () => {
    // 100 snapshots: nothing moves until epoch 90, then the picture changes every epoch.
    const snaps = Array.from({ length: 101 }, (_, e) => ({ epoch: e, layers: [] }));
    const sig = (s: { epoch: number }) => [Math.max(0, s.epoch - 90)];
    const picked = pickByChange(snaps, 10, sig).map((s) => s.epoch);
    expect(picked[0]).toBe(0);
    expect(picked[picked.length - 1]).toBe(100);
    expect(picked.filter((e) => e > 0 && e <= 90).length).toBeLessThanOrEqual(1);
    expect(picked.length).toBeGreaterThanOrEqual(9);
  });
  it("never opens with frames that look alike: the first two frames of one-feature's training differ", () => {
    const seq = ANIMATIONS.training.frames(one, { frames: 8 });
    // The picture, not its captions: each frame's epoch label alone would make any two differ.
    const picture = (svg: string): string => svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, "");
    expect(picture(seq.svg(0))).not.toContain("<text");
    expect(picture(seq.svg(0))).not.toBe(picture(seq.svg(1)));
  });
});

describe("cost grids need both ends of their range", () => {
  it("refuses fewer than 2 points per side, and spans the range exactly with 2", () => {
    const data = lossData(one);
    expect(() => costGrid(one.model, data, "W1[0,0]", "W1[1,0]", [[-1, 1], [-1, 1]], 1)).toThrow(/at least 2 points per side, got 1/);
    expect(() => costSlice(one.model, data, "W1[0,0]", [-1, 1], 1)).toThrow(/at least 2 points per side/);
    const g = costGrid(one.model, data, "W1[0,0]", "W1[1,0]", [[-1, 1], [-3, 3]], 2);
    expect([g.as, g.bs]).toEqual([[-1, 1], [-3, 3]]);
    expect(costSlice(one.model, data, "W1[0,0]", [-5, 5], 3).xs).toEqual([-5, 0, 5]);
  });
});
