/** L-BFGS-B's line-search constants, which the L-BFGS tests check accepted steps against. */
import { LBFGSB_LINE_SEARCH, type LineSearchParams } from "../../src/nn/lbfgs.ts";

/** L-BFGS-B's line-search constants (SciPy's lbfgsb calls dcsrch with ftol 1e-3, gtol 0.9), written out, not read from the code. */
export const C1 = 1e-3;
export const C2 = 0.9;
export const LS: LineSearchParams = { ...LBFGSB_LINE_SEARCH };
