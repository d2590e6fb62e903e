/** `layer-pass`: one layer's forward and backward pass (a diagram: drawn from the untrained model). */
import { defineView } from "../view.ts";

export const layerPass = defineView({ name: "layer-pass", options: [], needs: { trained: false }, applies: () => null });
