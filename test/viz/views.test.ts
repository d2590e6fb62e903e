import { beforeAll, describe, expect, it } from "vitest";
import { toSvg, VIEW_NAMES, VIEWS, viewApplies, type ViewInput } from "../../src/viz/index.ts";
import { EPOCHS, example } from "./setup.ts";
import { elements, parseXml } from "./xml.ts";

// Heavy models get coarse grids so the whole matrix stays quick.
const OPTIONS = { resolution: 15 };

describe("every view on every example it applies to", () => {
  const inputs: Record<string, ViewInput> = {};
  beforeAll(() => {
    for (const name of Object.keys(EPOCHS)) inputs[name] = example(name);
  });

  for (const name of Object.keys(EPOCHS)) {
    it(name, () => {
      const input = inputs[name];
      let drawn = 0;
      for (const view of VIEW_NAMES) {
        if (viewApplies(view, input)) {
          expect(() => VIEWS[view](input, OPTIONS), `${view} should refuse`).toThrow();
          continue;
        }
        const scene = VIEWS[view](input, view === "steps" ? {} : OPTIONS);
        const svg = toSvg(scene);
        expect(svg, `${view} on ${name}`).not.toMatch(/NaN|undefined|Infinity/);
        const root = parseXml(svg);
        expect(root.name).toBe("svg");
        // Every text stays inside the picture (a rough check on the anchor point).
        for (const t of elements(root).filter((e) => e.name === "text" && !e.attrs.transform)) {
          const x = Number(t.attrs.x);
          const y = Number(t.attrs.y);
          expect(x, `${view}: "${t.text}" x`).toBeGreaterThanOrEqual(0);
          expect(x, `${view}: "${t.text}" x`).toBeLessThanOrEqual(scene.width);
          expect(y, `${view}: "${t.text}" y`).toBeGreaterThanOrEqual(0);
          expect(y, `${view}: "${t.text}" y`).toBeLessThanOrEqual(scene.height);
        }
        drawn++;
      }
      expect(drawn).toBeGreaterThanOrEqual(6);
    });
  }

  it("3-D modes and angles", () => {
    const input = inputs["gauss-two-neurons"];
    for (const angle of [{ azimuth: 0, elevation: 10 }, { azimuth: 120, elevation: 60 }]) {
      parseXml(toSvg(VIEWS.surface(input, { angle, resolution: 12 })));
      parseXml(toSvg(VIEWS["cost-surface"](input, { mode: "3d", angle, resolution: 8 })));
      parseXml(toSvg(VIEWS.hidden(inputs["circles-three-neurons"], { angle })));
    }
  });
});
