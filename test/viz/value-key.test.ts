/** A regression's samples are coloured by their value: the pictures without a colour bar key that colour; classes keep theirs. */
import { describe, expect, it } from "vitest";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { hiddenMorphScene, marksWithRole, VIEWS, type Mark, type Scene, type TextMark } from "../../src/viz/index.ts";
import { fmt } from "../../src/viz/format.ts";
import { labelColor, targetRange, valueKey } from "../../src/viz/views/common.ts";

const regression = prepareExperiment(
  validateExperiment({
    data: { dataset: "reg-plane", samples: 80, noise: 0, seed: 3 },
    model: { layers: [{ units: 2, activation: "tanh" }, { units: 1, activation: "linear" }] },
    loss: "mse",
    init: { seed: 4 },
  }),
);

/** The legend's entries: each label with its glyph's fill. */
function key(scene: Scene): { label: string; fill: string }[] {
  const flat = (ms: Mark[]): Mark[] => ms.flatMap((m) => (m.type === "group" ? flat(m.marks) : [m]));
  const marks = flat(marksWithRole(scene, "legend"));
  const out: { label: string; fill: string }[] = [];
  marks.forEach((m, i) => {
    if (m.type !== "text") return;
    const glyph = marks[i - 1];
    out.push({ label: (m as TextMark).text, fill: glyph?.type === "circle" ? (glyph.fill ?? "") : "" });
  });
  return out;
}

describe("a regression's colour key", () => {
  const [lo, hi] = targetRange(regression.split);
  const expected = [lo, (lo + hi) / 2, hi];
  const input = { model: regression.model, split: regression.split, prepared: regression };

  for (const [name, scene] of [
    ["hidden", () => VIEWS.hidden(input, {})],
    ["data", () => VIEWS.data(input, {})],
    ["morph", () => hiddenMorphScene(regression.model, regression.raw, 0.4)],
  ] as const) {
    it(`${name}: the lowest, middle and highest value, each in the colour its samples are drawn in`, () => {
      const entries = key(scene()).slice(0, 3);
      expect(entries.map((e) => e.label)).toEqual(expected.map((v) => `y = ${fmt(v, 3)}`));
      expect(new Set(entries.map((e) => e.fill)).size).toBe(3);
      expect(entries.map((e) => e.fill)).toEqual(expected.map((v) => labelColor(v, null, [lo, hi])));
      // Those are the colours of the samples themselves: the lowest target's dot has the first.
      const dots = marksWithRole(scene(), "sample", "train").filter((m) => m.type === "circle") as { fill: string }[];
      const ys = regression.split.train.y as number[];
      const lowest = ys.indexOf(Math.min(...ys));
      expect(dots[lowest].fill).toBe(entries[0].fill);
    });
  }
});

describe("the value key's edges", () => {
  const split = (ys: number[]) => ({ featureNames: ["a", "b"], targetName: "y", train: { X: { rows: ys.length, cols: 2, data: new Float64Array(ys.length * 2) }, y: ys }, test: null });
  it("one value: one entry; values close together: as many digits as tell them apart", () => {
    expect(valueKey(split([5, 5, 5]) as never, null, "y").map((e) => e.label)).toEqual(["y = 5"]);
    expect(valueKey(split([1.0001, 1.0002, 1.0003]) as never, null, "y").map((e) => e.label)).toEqual(["y = 1.0001", "y = 1.0002", "y = 1.0003"]);
    expect(valueKey(split([0, 1]) as never, ["0", "1"], "y")).toEqual([]);
  });

  it("the targets' range of a large set, without spreading it into arguments", () => {
    const ys = Array.from({ length: 400_000 }, (_, i) => (i % 1000) - 3);
    expect(targetRange(split(ys) as never)).toEqual([-3, 996]);
  });
});
