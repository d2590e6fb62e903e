/** `hidden-morph`: every point sliding from its input position to its hidden-layer position, eased. */
import { hiddenMorphScene, planeRefusal, rawSplit, toSvg } from "../viz/index.ts";
import { frameCount, type Animation } from "./animation.ts";

export const hiddenMorph: Animation = {
  description: "each point sliding from input space into hidden-layer space (2 input features)",
  needsSnapshots: false,
  applies(model, o) {
    const refused = planeRefusal(`"hidden-morph"`, model, [2]);
    if (refused) return refused;
    const hidden = model.layers.length - 1;
    if (hidden < 1) return `"hidden-morph" needs a hidden layer; this model has none`;
    if (o.layer !== undefined && (o.layer < 1 || o.layer > hidden)) return `--layer ${o.layer} is not a hidden layer: choose 1..${hidden}`;
    return null;
  },
  frames(input, o) {
    const n = frameCount(o);
    const raw = rawSplit(input);
    return {
      count: n,
      // Hold the input space a moment, slide, then hold the hidden space longer.
      delayMs: Array.from({ length: n }, (_, i) => (i === 0 ? 1200 : i === n - 1 ? 2000 : 60)),
      svg: (i) => toSvg(hiddenMorphScene(input.model, raw, i / (n - 1), o), { idPrefix: "f" }),
    };
  },
};
