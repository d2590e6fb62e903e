/** `boundary`: the decision boundary over the input plane (1-D: the output curve), with the samples. */
import { defineView } from "../view.ts";
import { planeRefusal } from "../raw-plane.ts";

export const boundary = defineView({
  name: "boundary",
  options: [],
  needs: { trained: true },
  applies: ({ model }) => planeRefusal(`"boundary"`, model, [1, 2]),
});
