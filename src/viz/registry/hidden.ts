/** `hidden`: the samples in a hidden layer's space (2 units: a plane, 3: a cube, more: the first two principal directions). */
import { defineView } from "../view.ts";

export const hidden = defineView({
  name: "hidden",
  options: [],
  needs: { trained: true },
  page: { tab: "hidden", order: 1 },
  applies: ({ model }) => (model.layers.length - 1 >= 1 ? null : `"hidden" needs a hidden layer; this model has none`),
});
