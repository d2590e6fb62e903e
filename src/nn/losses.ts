/**
 * The loss registry (ARCHITECTURE §2): each loss is one file in ./losses/; adding one is a new file
 * and one line here. `total` returns Σ over samples of the per-sample loss ℓᵢ; the engine turns it
 * into the reported value (the mean, or the sum for `sse`). Cross-entropies are computed from the
 * logits Z, so they stay finite when σ(z) rounds to 0 or 1.
 */
import { binaryCrossentropy } from "./losses/binary-crossentropy.ts";
import { categoricalCrossentropy } from "./losses/categorical-crossentropy.ts";
import type { Loss } from "./losses/loss.ts";
import { meanSquaredError } from "./losses/mse.ts";
import { sumSquaredError } from "./losses/sse.ts";
import { registry } from "./registry.ts";

export { softplus, type Loss } from "./losses/loss.ts";

const TABLE = {
  "binary-crossentropy": binaryCrossentropy,
  "categorical-crossentropy": categoricalCrossentropy,
  mse: meanSquaredError,
  sse: sumSquaredError,
} as const satisfies Record<string, Loss>;

export type LossName = keyof typeof TABLE;
/** The names in registry order, the name check and each name's entry. */
export const { names: LOSS_NAMES, has: isLossName, entry: loss } = registry("loss", TABLE);
