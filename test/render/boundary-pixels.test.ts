/**
 * What the picture shows is what the model learned: on the rasterised decision boundary of a
 * trained moons-deep network, the pixel under (almost) every training point has its class's
 * region colour. Point positions come from the scene itself (the view's own data → pixel scale).
 */
import type { TrainConfig } from "../../src/nn/train.ts";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { svgToPng } from "../../src/render/png.ts";
import { boundaryScene, marksWithRole, toSvg, type Mark, type Scene } from "../../src/viz/index.ts";
import type { Prepared } from "../../src/experiment/prepare.ts";
import { ROOT } from "../helpers.ts";
import { decodePng, pixel } from "./decode.ts";

let p: Prepared;
beforeAll(() => {
  // The walkthrough's network, data and initial weights; trained with Adam (the article's own
  // comparison), which reaches the 10,000-epoch gradient-descent result in 200 epochs.
  p = loadExperiment(join(ROOT, "examples", "moons-deep.json"));
  runExperiment({ ...p, config: { ...p.config, optimizer: "adam", learningRate: 0.01 } as TrainConfig }, { epochs: 200 });
});

/** The scene without its sample markers, so the region colour under each point shows. */
function withoutSamples(scene: Scene): Scene {
  return { ...scene, marks: scene.marks.filter((m) => !(m.type === "group" && m.role === "samples")) };
}

describe("the boundary picture of a trained moons-deep network", () => {
  it("is a trained model", () => {
    const e = evaluate(p.model, p.data.X.data, p.data.Y, p.data.X.rows);
    expect(e.accuracy).toBeGreaterThan(0.96);
  });

  it.each([
    { width: 800, height: 600 },
    { width: 400, height: 300 },
  ])("at $width×$height px: ≥ 95 percent of the training points of each class sit on their class's region colour", ({ width, height }) => {
    const scene = boundaryScene(p.model, p.split, { width, height });
    const dots = marksWithRole(scene, "sample", "train") as Extract<Mark, { type: "circle" }>[];
    expect(dots).toHaveLength(p.split.train.X.rows);
    const img = decodePng(svgToPng(toSvg(withoutSamples(scene))));
    expect([img.width, img.height]).toEqual([width, height]);
    const classes = p.model.classes!;
    const hits = [0, 0];
    const counts = [0, 0];
    dots.forEach((d, i) => {
      const k = classes.indexOf(p.split.train.y[i]);
      const [r, , b] = pixel(img, Math.floor(d.cx), Math.floor(d.cy));
      counts[k]++;
      // Class 0's region is a tint of blue (#0072B2), class 1's of orange (#E69F00).
      if (k === 0 ? b > r : r > b) hits[k]++;
    });
    expect(hits[0] / counts[0]).toBeGreaterThanOrEqual(0.95);
    expect(hits[1] / counts[1]).toBeGreaterThanOrEqual(0.95);
  });
});
