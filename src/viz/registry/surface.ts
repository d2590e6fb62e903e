/** `surface`: the network's output over the input plane as a shaded 3-D surface. */
import { defineView } from "../view.ts";

export interface SurfaceOptions {
  /** surface: draw the samples on the surface (default true). */
  showPoints?: boolean;
}

export const surface = defineView({
  name: "surface",
  options: ["showPoints"],
  needs: { trained: true },
  page: { tab: "surface", order: 3 },
  applies: ({ model }) => (model.inputSize === 2 ? null : `"surface" needs 2 input features; this model has ${model.inputSize}`),
});
