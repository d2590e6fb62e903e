/** L-BFGS-B's line-search constants, which the L-BFGS tests check accepted steps against. */
import { LBFGSB_LINE_SEARCH, type LineSearchParams } from "../../src/nn/lbfgs.ts";

/** L-BFGS-B's line-search constants: sufficient decrease 1e-3, curvature 0.9. */
export const C1 = LBFGSB_LINE_SEARCH.ftol;
export const C2 = LBFGSB_LINE_SEARCH.gtol;
export const LS: LineSearchParams = { ...LBFGSB_LINE_SEARCH };
