/** `boundary`: the decision boundary over the input plane (1-D: the output curve), with the samples. */
import { defineView } from "../view.ts";

export const boundary = defineView({
  name: "boundary",
  options: [],
  needs: { trained: true },
  applies: ({ model }) => (model.inputSize <= 2 ? null : `"boundary" needs 1 or 2 input features; this model has ${model.inputSize}`),
});
