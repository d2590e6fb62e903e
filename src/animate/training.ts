/** `training`: the decision boundary (or, for 1-D data, the fitted curve) as the network learns. */
import { trainingFrames, trainingFramesApply } from "../viz/training-frames.ts";
import type { Animation } from "./animation.ts";

export const training: Animation = {
  description: "the decision boundary (1-D data: the fitted curve) as training goes, epoch and loss in each frame",
  needsSnapshots: true,
  applies: (model) => trainingFramesApply(model),
  // The frames themselves are drawn in src/viz, so the page's training GIF draws the same ones.
  frames: (input, o) => trainingFrames(input, o),
};
