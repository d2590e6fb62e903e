/** `perceptron`: one neuron as the articles draw it: inputs, weights, bias, the weighted sum, the threshold (a diagram: drawn from the untrained model). */
import { defineView } from "../view.ts";

export const perceptron = defineView({ name: "perceptron", options: [], needs: { trained: false }, applies: () => null });
