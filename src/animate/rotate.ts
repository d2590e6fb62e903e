/** `rotate`: a 3-D picture turning once around its vertical axis — the hidden cube or the output surface. */
import type { Model } from "../nn/model.ts";
import { VIEWS, planeRefusal, toSvg } from "../viz/index.ts";
import { DEFAULT_ANGLE } from "../viz/3d/camera.ts";
import { frameCount, type AnimateOptions, type Animation } from "./animation.ts";

/** The hidden layer drawn as a cube: --layer, else the first with 3 units (null: none has). */
function cubeLayer(model: Model, o: AnimateOptions): number | null {
  const hidden = model.layers.slice(0, -1);
  if (o.layer !== undefined) return hidden[o.layer - 1]?.units === 3 ? o.layer : null;
  const k = hidden.findIndex((l) => l.units === 3);
  return k < 0 ? null : k + 1;
}

function subjectOf(model: Model, o: AnimateOptions): "hidden" | "surface" | string {
  if (o.subject === "hidden") return cubeLayer(model, o) ? "hidden" : `"rotate --subject hidden" needs a hidden layer of 3 neurons${o.layer ? ` (layer ${o.layer} has ${model.layers[o.layer - 1]?.units ?? "no"} neurons)` : ""}`;
  if (o.subject === "surface") return planeRefusal(`"rotate --subject surface"`, model, [2]) ?? "surface";
  if (cubeLayer(model, o)) return "hidden";
  if (!planeRefusal("", model, [2])) return "surface";
  return `"rotate" needs a hidden layer of 3 neurons (a cube) or 2 input features (a surface)`;
}

export const rotate: Animation = {
  description: "a 3-D picture turning: the cube of a 3-neuron hidden layer, else the output surface over the input plane",
  needsSnapshots: false,
  applies(model, o) {
    const s = subjectOf(model, o);
    return s === "hidden" || s === "surface" ? null : s;
  },
  frames(input, o) {
    const n = frameCount(o);
    const subject = subjectOf(input.model, o) as "hidden" | "surface";
    const layer = subject === "hidden" ? (cubeLayer(input.model, o) ?? 1) : undefined;
    const azimuth0 = o.angle?.azimuth ?? DEFAULT_ANGLE.azimuth;
    const elevation = o.angle?.elevation ?? DEFAULT_ANGLE.elevation;
    return {
      count: n,
      delayMs: 70,
      // One full turn; the last frame stops one step short of the first, so the loop is seamless.
      svg: (i) => toSvg(VIEWS[subject](input, { ...o, layer, angle: { azimuth: azimuth0 + (360 * i) / n, elevation } }), { idPrefix: "f" }),
    };
  },
};
