/** `forward-shapes`: Z[l] = W[l]·A[l−1] + b[l] with every matrix's shape (a diagram: drawn from the untrained model). */
import { defineView } from "../view.ts";

export const forwardShapes = defineView({ name: "forward-shapes", options: [], needs: { trained: false }, applies: () => null });
