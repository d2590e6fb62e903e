/** `blueprint`: one iteration (forward, cost, backward, update) and which parameters each stage reads and updates (a diagram: drawn from the untrained model). */
import { defineView } from "../view.ts";

export const blueprint = defineView({ name: "blueprint", options: [], needs: { trained: false }, applies: () => null });
