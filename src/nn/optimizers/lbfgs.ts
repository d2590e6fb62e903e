import { LBFGS_DEFAULTS } from "../lbfgs/options.ts";
import type { OptimizerEntry } from "./entry.ts";

/**
 * `"optimizer": "lbfgs"`: the trainer runs L-BFGS's own iteration (../lbfgs.ts) on the full batch,
 * one iteration per epoch; there is no step size.
 */
export const lbfgsEntry: OptimizerEntry<"lbfgs", { tolerance: number }> = {
  name: "lbfgs",
  doc: "L-BFGS with a strong-Wolfe line search, as scikit-learn's `lbfgs` solver (full batch; one iteration per epoch, no learning rate)",
  // 1e-5 is SciPy's own gtol: scikit-learn's 1e-4 stops small sigmoid networks on slow plateaus well above their minimum.
  defaults: { tolerance: 1e-5 },
  fields: [{ name: "tolerance", type: "number", min: 0, doc: "L-BFGS stops when every gradient component is below it" }],
  fullBatchOnly: "L-BFGS works on the full batch; remove batchSize",
  create: null,
  // The (s, y) pairs, and x, g, the direction, the unit-step point, the trial point and its
  // gradient (../lbfgs/stepper.ts), and the trainer's copy of the point before each iteration.
  stateArrays: () => 2 * LBFGS_DEFAULTS.memory + 7,
};
