/** `data`: the samples, train filled and test as rings; 1-D data along x with the target up y. */
import { defineView } from "../view.ts";

export interface DataOptions {
  /** data: draw the inputs as the network sees them, after the model's scaler ("scale": "standard"). */
  scaled?: boolean;
  /** data: one unit is as long on both axes (matplotlib's axis("equal")). */
  equalAxes?: boolean;
  /** data (1-D): mark where each first-layer neuron's input is 0, the "dots" that separate the classes. */
  cuts?: boolean;
}

export const data = defineView({ name: "data", options: ["scaled", "equalAxes", "cuts"], needs: { trained: false }, applies: () => null });
