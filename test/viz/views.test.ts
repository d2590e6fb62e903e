import { describe, expect, it } from "vitest";
import { marksWithRole, toSvg, VIEW_NAMES, VIEWS, viewApplies, type Angle, type LineMark, type Scene } from "../../src/viz/index.ts";
import { FIXTURE_NAMES, frozen } from "./setup.ts";
import { elements, parseXml } from "./xml.ts";

// Heavy models get coarse grids so the whole matrix stays quick.
const OPTIONS = { resolution: 15 };

describe("every view on every fixture it applies to", () => {
  for (const name of FIXTURE_NAMES) {
    it(name, () => {
      const input = frozen(name);
      let drawn = 0;
      for (const view of VIEW_NAMES) {
        const why = viewApplies(view, input);
        if (why) {
          // A view that does not apply refuses with the registry's reason, not with some other failure.
          expect(() => VIEWS[view](input, OPTIONS), `${view} should refuse`).toThrow(RangeError);
          continue;
        }
        const scene = VIEWS[view](input, view === "steps" ? {} : OPTIONS);
        const svg = toSvg(scene);
        expect(svg, `${view} on ${name}`).not.toMatch(/NaN|undefined|Infinity/);
        const root = parseXml(svg);
        expect(root.name).toBe("svg");
        expect(root.attrs.width).toBe(String(scene.width));
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
});

/**
 * Screen lengths of the cube's 12 edges, relative to the longest. An orthographic camera at
 * azimuth a, elevation e maps an x edge to (cos a, sin a·sin e), a y edge to (−sin a, cos a·sin e)
 * and a z edge to (0, zScale·cos e), all times one scale: the ratios pin the projection.
 */
function cubeEdges(scene: Scene): number[] {
  const edges = marksWithRole(scene, "cube").filter((m): m is LineMark => m.type === "line" && m.role === "cube");
  const lengths = edges.map((l) => Math.hypot(l.x2 - l.x1, l.y2 - l.y1));
  const top = Math.max(...lengths);
  return lengths.map((v) => v / top).sort((p, q) => p - q);
}
function expectedEdges({ azimuth, elevation }: Angle, zScale: number): number[] {
  const [a, e] = [(azimuth * Math.PI) / 180, (elevation * Math.PI) / 180];
  const three = [Math.hypot(Math.cos(a), Math.sin(a) * Math.sin(e)), Math.hypot(Math.sin(a), Math.cos(a) * Math.sin(e)), zScale * Math.cos(e)];
  const top = Math.max(...three);
  return three.flatMap((v) => [v, v, v, v].map((w) => w / top)).sort((p, q) => p - q);
}

describe("3-D modes and angles", () => {
  const gauss = frozen("gauss-two-neurons");
  const one = frozen("one-feature");
  const circles = frozen("circles-three-neurons");
  const angles: Angle[] = [{ azimuth: 0, elevation: 10 }, { azimuth: 120, elevation: 60 }, { azimuth: -35, elevation: 30 }];
  const views: [string, (angle: Angle) => Scene, number][] = [
    ["surface", (angle) => VIEWS.surface(gauss, { angle, resolution: 8 }), 0.8],
    ["cost-surface 3d", (angle) => VIEWS["cost-surface"](one, { mode: "3d", angle, resolution: 8, params: ["W1[0,0]", "W1[1,0]"] }), 0.8],
    ["hidden (3 units)", (angle) => VIEWS.hidden(circles, { angle }), 1],
  ];
  for (const [what, draw, zScale] of views) {
    it(`${what}: the cube's edges are those of an orthographic camera at each angle, and turning changes the picture`, () => {
      const svgs = new Set<string>();
      for (const angle of angles) {
        const scene = draw(angle);
        const got = cubeEdges(scene);
        expect(got).toHaveLength(12);
        expectedEdges(angle, zScale).forEach((v, i) => expect(got[i], `${what} at ${JSON.stringify(angle)}, edge ${i}`).toBeCloseTo(v, 6));
        const svg = toSvg(scene);
        parseXml(svg);
        svgs.add(svg);
      }
      expect(svgs.size).toBe(angles.length);
    });
  }
  it("cost-surface: heatmap by default, a mesh in 3-D; hidden with 3 units draws every sample in the cube", () => {
    const heat = VIEWS["cost-surface"](one, { resolution: 8, params: ["W1[0,0]", "W1[1,0]"] });
    const mesh = VIEWS["cost-surface"](one, { mode: "3d", resolution: 8, params: ["W1[0,0]", "W1[1,0]"] });
    expect(marksWithRole(heat, "mesh")).toHaveLength(0);
    expect(marksWithRole(heat, "cube")).toHaveLength(0);
    expect(marksWithRole(mesh, "mesh").length).toBeGreaterThan(10);
    const cube = VIEWS.hidden(circles);
    expect(marksWithRole(cube, "sample")).toHaveLength(circles.split.train.X.rows + (circles.split.test?.X.rows ?? 0));
    expect(marksWithRole(cube, "cube").length).toBeGreaterThanOrEqual(12);
  });
});
