/**
 * The activation registry (TensorFlow Playground's {output, der} idea): each activation is one
 * file in ./activations/ (its forward and backward pass, its slope, its value range and what it
 * means as an output layer, its names in the interop formats); adding one is a new file and one
 * line here.
 * Each works on an n×m block of pre-activations Z (samples × units), row-major.
 */
import type { Activation } from "./activations/activation.ts";
import { linearActivation } from "./activations/linear.ts";
import { reluActivation } from "./activations/relu.ts";
import { sigmoidActivation } from "./activations/sigmoid.ts";
import { softmaxActivation } from "./activations/softmax.ts";
import { tanhActivation } from "./activations/tanh.ts";
import { registry } from "./registry.ts";

export type { Activation } from "./activations/activation.ts";
export { sigmoid } from "./activations/sigmoid.ts";

const TABLE = {
  relu: reluActivation,
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  linear: linearActivation,
  softmax: softmaxActivation,
} as const satisfies Record<string, Activation>;

export type ActivationName = keyof typeof TABLE;
/** The names in registry order, the name check and each name's entry. */
export const { names: ACTIVATION_NAMES, has: isActivationName, entry: activation } = registry("activation", TABLE);
