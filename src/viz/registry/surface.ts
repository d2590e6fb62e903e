/** `surface`: the network's output over the input plane as a shaded 3-D surface. */
import { defineView } from "../view.ts";
import { planeRefusal } from "../raw-plane.ts";

export interface SurfaceOptions {
  /** surface: draw the samples on the surface (default true). */
  showPoints?: boolean;
}

export const surface = defineView({
  name: "surface",
  options: ["showPoints"],
  needs: { trained: true },
  page: { tab: "surface", order: 3 },
  applies: ({ model }) => planeRefusal(`"surface"`, model, [2]),
});
