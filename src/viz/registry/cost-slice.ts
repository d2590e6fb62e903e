/** `cost-slice`: the loss along one parameter, everything else fixed. */
import { defineView } from "../view.ts";

export interface CostSliceOptions {
  /** cost-slice: the parameter, e.g. "W1[0,0]" (layer 1-based, [row = out, col = in]) or "b2[0]". */
  param?: string;
  /** cost-slice: the swept range (default current ± 10). */
  range?: [number, number];
}

export const costSlice = defineView({ name: "cost-slice", options: ["param", "range"], needs: { trained: true }, applies: () => null });
