/**
 * The view registry says what each view does: its entry file is named after it, its `applies`
 * agrees with the view (checked on every fixture in views.test.ts), an option it does not list
 * changes nothing in its picture, and the page's tabs are views with a label in every language.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMON_OPTIONS, PAGE_VIEWS, toSvg, VIEW_NAMES, VIEW_REGISTRY, VIEWS, viewApplies, viewEntry, type ViewOptions } from "../../src/viz/index.ts";
import { CATALOGUES, LANGS } from "../../src/web/i18n.ts";
import { frozen, type FixtureName } from "./setup.ts";

/** A value for every view-specific option that would change a picture that read it. */
const PROBES = {
  scaled: true,
  equalAxes: true,
  cuts: true,
  param: "b1[0]",
  range: [-3, 3],
  params: ["b1[0]", "W1[0,0]"],
  ranges: [[-3, 3], [-2, 2]],
  mode: "3d",
  path: [[0, 0], [1, 1]],
  showPoints: false,
  neuronHeatmaps: false,
  step: 2,
  stepsLayout: "trace",
  cell: [1, 1],
} satisfies { [K in Exclude<keyof ViewOptions, (typeof COMMON_OPTIONS)[number]>]-?: ViewOptions[K] };

describe("the view registry", () => {
  it("has one entry file per view, named after it, and no view twice", () => {
    const files = readdirSync(new URL("../../src/viz/registry/", import.meta.url)).filter((f) => f !== "index.ts").map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual([...VIEW_NAMES].sort());
    expect(new Set(VIEW_NAMES).size).toBe(VIEW_REGISTRY.length);
    expect(Object.keys(VIEWS).sort()).toEqual([...VIEW_NAMES].sort());
  });

  for (const view of VIEW_NAMES) {
    it(`${view}: an option it does not list leaves its picture as it is`, () => {
      const name = (["gauss-two-neurons", "one-feature", "twelve-steps"] as FixtureName[]).find((n) => viewApplies(view, frozen(n)) === null)!;
      const input = frozen(name);
      const base: ViewOptions = { resolution: 6, width: 500, height: 400 };
      const plain = toSvg(VIEWS[view](input, base));
      const listed = new Set<string>(viewEntry(view).options);
      for (const [key, value] of Object.entries(PROBES)) {
        if (listed.has(key)) continue;
        expect(toSvg(VIEWS[view](input, { ...base, [key]: value })), `${view} ignores ${key}`).toBe(plain);
      }
    });
  }

  it("gives each listed option an effect somewhere", () => {
    const cases: [string, FixtureName, ViewOptions, ViewOptions?][] = [
      ["data", "gauss-two-neurons", { scaled: true }],
      ["data", "gauss-two-neurons", { equalAxes: true }],
      ["data", "one-feature", { cuts: true }],
      ["cost-slice", "one-feature", { param: "b1[0]" }],
      ["cost-slice", "one-feature", { range: [-3, 3] }],
      ["cost-surface", "one-feature", { params: ["b1[0]", "W1[0,0]"] }],
      ["cost-surface", "one-feature", { ranges: [[-3, 3], [-2, 2]] }],
      ["cost-surface", "one-feature", { mode: "3d" }],
      ["cost-surface", "one-feature", { path: [[0, 0], [1, 1]] }],
      ["surface", "gauss-two-neurons", { showPoints: false }],
      ["network", "gauss-two-neurons", { neuronHeatmaps: false }],
      ["steps", "twelve-steps", { step: 2 }],
      ["steps", "twelve-steps", { stepsLayout: "trace" }],
      ["steps", "twelve-steps", { cell: [1, 1] }, { step: 3 }],
    ];
    const covered = new Set(cases.map(([view, , o]) => `${view}.${Object.keys(o)[0]}`));
    expect([...covered].sort()).toEqual(VIEW_REGISTRY.flatMap((e) => e.options.map((k) => `${e.name}.${k}`)).sort());
    for (const [view, name, o, extra] of cases) {
      const input = frozen(name);
      const base: ViewOptions = { resolution: 8, width: 500, height: 400, ...extra };
      const draw = VIEWS[view as keyof typeof VIEWS];
      expect(toSvg(draw(input, { ...base, ...o })), `${view} reads ${Object.keys(o)[0]}`).not.toBe(toSvg(draw(input, base)));
    }
  });

  it("gives the page's views panel its tabs, each a view with a label in every language", () => {
    expect(PAGE_VIEWS.map((p) => p.tab)).toEqual(["hidden", "landscape", "surface", "history", "steps"]);
    for (const { tab, view } of PAGE_VIEWS) {
      expect(VIEW_NAMES).toContain(view);
      for (const lang of LANGS) expect(CATALOGUES[lang][`views.tab.${tab}`], `${lang}: views.tab.${tab}`).toBeTruthy();
    }
  });
});
