/** `neurons`: each hidden neuron's output along a 1-D input, with the samples. */
import { defineView } from "../view.ts";

export const neurons = defineView({
  name: "neurons",
  options: [],
  needs: { trained: true },
  applies: ({ model }) => (model.inputSize === 1 ? null : `"neurons" needs 1 input feature; this model has ${model.inputSize}`),
});
