/**
 * The network's output over a 2-D input plane as a shaded 3-D surface, samples optionally on it.
 * The plane is the data's two raw columns: features computed from them (`inputs`) are computed
 * at every point of it, as the page's output heatmap does.
 */
import type { Model } from "../../nn/model.ts";
import { modelFor, rawSplit, runForwardRaw } from "../model-data.ts";
import { planeRefusal } from "../raw-plane.ts";
import { classColor, PALETTE, probabilityColor, tint, viridis } from "../palette.ts";
import { linspace } from "../../data/linspace.ts";
import { extentOf } from "../chart/extent.ts";
import { camera, DEFAULT_ANGLE } from "../3d/camera.ts";
import { cube } from "../3d/cube.ts";
import { paintersOrder, type DepthItem } from "../3d/depth.ts";
import { deepenCreases } from "../3d/crease.ts";
import { surfaceMesh } from "../3d/mesh.ts";
import type { Mark, Scene } from "../scene.ts";
import type { ViewInput, ViewOptions } from "../view.ts";
import { labelColor, page, sampleLegend, targetRange } from "./common.ts";
import { evaluatePlane, planeExtent } from "./grid.ts";
import { say } from "../words/index.ts";
import type { ViewDrawings } from "../registry/index.ts";

export function surfaceView(input: ViewInput, o: ViewOptions = {}): Scene {
  const model: Model = modelFor(input, o.epoch);
  const refused = planeRefusal(`"surface"`, model, [2]);
  if (refused) throw new RangeError(refused);
  const split = rawSplit(input);
  const L = model.layers.length - 1;
  const out = model.layers[L];
  const classes = model.classes;
  const softmax = classes !== null && out.units > 1;
  const coarse = Math.max(6, Math.min(80, o.resolution ?? 29));
  // Evaluated `step` times finer than the mesh, so steep cells can be drawn finely (see surfaceMesh).
  const step = Math.max(1, Math.min(4, 2 ** Math.floor(Math.log2(240 / (coarse - 1)))));
  const res = (coarse - 1) * step + 1;
  const ext = planeExtent(split, o.extent);
  // Mesh vertices at exact grid points (the plane's corners included).
  const g = evaluatePlane(model, [ext[0] - (ext[1] - ext[0]) / (2 * (res - 1)), ext[1] + (ext[1] - ext[0]) / (2 * (res - 1)), ext[2] - (ext[3] - ext[2]) / (2 * (res - 1)), ext[3] + (ext[3] - ext[2]) / (2 * (res - 1))], res);
  const xs = linspace(ext[0], ext[1], res);
  const ys = linspace(ext[2], ext[3], res);
  const A = g.ws.A[L];
  const z = new Float64Array(res * res);
  for (let q = 0; q < z.length; q++) {
    if (softmax) {
      let best = 0;
      for (let k = 1; k < out.units; k++) if (A[q * out.units + k] > A[q * out.units + best]) best = k;
      z[q] = A[q * out.units + best];
    } else z[q] = A[q * out.units];
  }
  if (softmax) deepenCreases(model, xs, ys, A, out.units, z);
  const zr: [number, number] = classes ? [0, 1] : extentOf(z);
  const zLabel = classes ? (softmax ? say(o.lang, "P(predicted class)") : `P(${split.targetName} = ${classes[1]})`) : say(o.lang, "output");
  const showPoints = o.showPoints ?? true;
  const title = o.title ?? say(o.lang, "The network's output as a surface over the input plane");
  const p = page(o, title, say(o.lang, "height and colour: {z}", { z: zLabel }), showPoints ? sampleLegend(split, classes, split.targetName, o.showTest ?? true, o.lang) : [], 640);
  // Below the cube: room for the floor's tick labels and axis names (lowest at a low elevation), then the angle's line.
  const cam = camera(o.angle, { x: p.box.x + 70, y: p.box.y + 30, width: p.box.width - 140, height: p.box.height - 78 }, [[ext[0], ext[1]], [ext[2], ext[3]], zr]);
  const c = cube(cam, { x: split.featureNames[0], y: split.featureNames[1], z: zLabel });
  // Colour per face: the probability blend (binary), the winning class's tint (softmax), viridis (regression).
  let colorOf: (v: number, corners: number[]) => string;
  if (softmax) {
    // The class with the highest mean probability over the face's corners, tinted by how sure it is.
    colorOf = (_v, corners) => {
      let best = 0;
      let bestP = -1;
      for (let k = 0; k < out.units; k++) {
        const pk = corners.reduce((s, q) => s + A[q * out.units + k], 0) / corners.length;
        if (pk > bestP) [best, bestP] = [k, pk];
      }
      return tint(classColor(best), 0.25 + (0.6 * (bestP - 1 / out.units)) / (1 - 1 / out.units));
    };
  } else if (classes) colorOf = (v) => probabilityColor(v, undefined, undefined, 0.9);
  else colorOf = (v) => viridis((v - zr[0]) / (zr[1] - zr[0] || 1));
  const items: DepthItem[] = surfaceMesh(cam, xs, ys, z, colorOf, step);
  // A sample sits on the surface: drawn after the face under it, before the faces in front.
  const lift = 1.5 / (coarse - 1);
  if (showPoints) {
    const range = targetRange(split);
    const sets = [{ d: split.train, test: false }, ...(split.test && (o.showTest ?? true) ? [{ d: split.test, test: true }] : [])];
    for (const s of sets) {
      const ws = runForwardRaw(model, s.d.X.data, s.d.X.rows);
      for (let i = 0; i < s.d.X.rows; i++) {
        let v = ws.A[L][i * out.units];
        if (softmax) for (let k = 1; k < out.units; k++) v = Math.max(v, ws.A[L][i * out.units + k]);
        const P = cam.project([s.d.X.data[2 * i], s.d.X.data[2 * i + 1], v]);
        const col = labelColor(s.d.y[i], classes, range);
        const m: Mark = s.test ? { type: "circle", cx: P.x, cy: P.y, r: 4, fill: "#ffffff", stroke: col, strokeWidth: 2, role: "sample test" } : { type: "circle", cx: P.x, cy: P.y, r: 3.5, fill: col, stroke: "#ffffff", strokeWidth: 0.6, role: "sample train" };
        items.push({ depth: P.ground - lift, marks: [m] });
      }
    }
  }
  return { width: p.width, height: p.height, title, marks: [...p.marks, ...c.back, ...paintersOrder(items), ...c.front, { type: "text", x: p.width - 12, y: p.height - 6, text: say(o.lang, "azimuth {azimuth}°, elevation {elevation}°", { azimuth: Math.round(o.angle?.azimuth ?? DEFAULT_ANGLE.azimuth), elevation: Math.round(o.angle?.elevation ?? DEFAULT_ANGLE.elevation) }), size: 11, anchor: "end", fill: PALETTE.muted }] };
}

/** The view this module draws, by registry name (viz/index.ts gathers them into VIEWS). */
export const SURFACE_DRAWINGS = { surface: surfaceView } satisfies ViewDrawings;
