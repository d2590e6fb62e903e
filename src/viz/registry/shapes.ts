/** `shapes`: W[l] is n[l] × n[l−1] and b[l] is n[l] × 1, for every layer (a diagram: drawn from the untrained model). */
import { defineView } from "../view.ts";

export const shapes = defineView({ name: "shapes", options: [], needs: { trained: false }, applies: () => null });
