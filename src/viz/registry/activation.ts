/** `activation`: the activation functions and their derivatives (needs only the layer list). */
import { defineView } from "../view.ts";

export const activation = defineView({ name: "activation", options: [], needs: { trained: false }, applies: () => null });
