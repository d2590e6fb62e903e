/** `cost-surface`: the loss over two parameters (heatmap or 3-D), with the descent path. */
import { defineView } from "../view.ts";

export interface CostSurfaceViewOptions {
  /** cost-surface: the two parameters. */
  params?: [string, string];
  /** cost-surface: the two swept ranges. */
  ranges?: [[number, number], [number, number]];
  /** cost-surface: "heatmap" (default) or "3d". */
  mode?: "heatmap" | "3d";
  /** cost-surface: a descent path in parameter space [a, b][] (default: from run.snapshots). */
  path?: [number, number][];
}

export const costSurface = defineView({
  name: "cost-surface",
  options: ["params", "ranges", "mode", "path"],
  needs: { trained: true, snapshots: true },
  page: { tab: "landscape", order: 2 },
  applies: ({ model }) => (model.params.length >= 2 ? null : `"cost-surface" needs at least 2 parameters`),
});
