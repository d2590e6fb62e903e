/**
 * SVG snapshots of a few views on fixed, seeded examples (d3-contour's test/output idea).
 * A change to a picture shows as a diff of these files; after reviewing it, rewrite them with
 * `npx vitest run test/viz -u`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { toSvg, VIEWS, type ViewInput, type ViewName, type ViewOptions } from "../../src/viz/index.ts";
import { example } from "./setup.ts";

const CASES: [string, ViewName, ViewOptions][] = [
  ["one-feature", "data", {}],
  ["one-feature", "neurons", {}],
  ["one-feature", "cost-slice", { param: "W1[0,0]", range: [-100, 100], resolution: 101 }],
  ["one-feature", "trajectory", {}],
  ["gauss-two-neurons", "boundary", { resolution: 40 }],
  ["gauss-two-neurons", "hidden", {}],
  ["twelve-steps", "network", {}],
  ["twelve-steps", "steps", { step: 5 }],
  ["three-classes", "boundary", { resolution: 40 }],
];

describe("SVG snapshots", () => {
  const inputs: Record<string, ViewInput> = {};
  beforeAll(() => {
    for (const name of new Set(CASES.map((c) => c[0]))) inputs[name] = example(name);
  });
  for (const [name, view, options] of CASES) {
    it(`${view} of ${name}`, async () => {
      await expect(toSvg(VIEWS[view](inputs[name], options))).toMatchFileSnapshot(`./__snapshots__/${name}-${view}.svg`);
    });
  }
});
