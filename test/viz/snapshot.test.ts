/**
 * SVG snapshots of every view, drawn from frozen parameter fixtures (Observable Plot's snapshot
 * tests, d3-contour's test/output): one file per view and case. A change to a picture shows as a
 * diff of these files; after reviewing it, rewrite them with `npx vitest run test/viz -u`.
 * The cases are keyed by the registry's view names, so a new view without a case does not compile.
 */
import { describe, expect, it } from "vitest";
import { toSvg, VIEW_NAMES, VIEWS, type ViewName, type ViewOptions } from "../../src/viz/index.ts";
import { frozen, type FixtureName } from "./setup.ts";

/** [fixture, options, file-name suffix]. */
type Case = [FixtureName, ViewOptions, string?];

const CASES = {
  data: [["one-feature", {}], ["gauss-two-neurons", {}], ["three-classes", {}], ["gauss-two-neurons", { scaled: true, equalAxes: true }, "scaled"], ["one-feature", { cuts: true }, "cuts"]],
  activation: [["spiral-layers", {}]],
  neurons: [["one-feature", {}]],
  "cost-slice": [["one-feature", { param: "W1[0,0]", range: [-100, 100], resolution: 101 }]],
  "cost-surface": [
    ["one-feature", { params: ["W1[0,0]", "W1[1,0]"], resolution: 21 }],
    ["one-feature", { params: ["W1[0,0]", "W1[1,0]"], mode: "3d", resolution: 12 }, "3d"],
  ],
  trajectory: [["one-feature", {}]],
  boundary: [["gauss-two-neurons", { resolution: 40 }], ["three-classes", { resolution: 40 }], ["one-feature", { resolution: 60 }]],
  hidden: [["gauss-two-neurons", {}], ["circles-three-neurons", {}, "3d"], ["circles-three-neurons", { angle: { azimuth: 120, elevation: 60 } }, "turned"]],
  surface: [["gauss-two-neurons", { resolution: 6 }], ["gauss-two-neurons", { resolution: 6, angle: { azimuth: 0, elevation: 10 }, showPoints: false }, "turned"]],
  network: [["twelve-steps", {}], ["gauss-two-neurons", {}]],
  history: [["one-feature", {}], ["gauss-two-neurons", {}]],
  steps: [["twelve-steps", { step: 5 }], ["one-feature", { step: 3, stepsLayout: "trace", cell: [1, 1] }, "trace"]],
  perceptron: [["twelve-steps", {}]],
  blueprint: [["spiral-layers", {}]],
  shapes: [["spiral-layers", {}]],
  "forward-shapes": [["spiral-layers", {}]],
  "layer-pass": [["spiral-layers", { layer: 2 }]],
} satisfies Record<ViewName, Case[]>;

describe("SVG snapshots", () => {
  it("has a case for every view of the registry", () => {
    expect(Object.keys(CASES).sort()).toEqual([...VIEW_NAMES].sort());
  });
  for (const view of VIEW_NAMES) {
    for (const [name, options, suffix] of CASES[view] as Case[]) {
      const file = `${name}-${view}${suffix ? `-${suffix}` : ""}.svg`;
      it(file, async () => {
        await expect(toSvg(VIEWS[view](frozen(name), options))).toMatchFileSnapshot(`./__snapshots__/${file}`);
      });
    }
  }
});
