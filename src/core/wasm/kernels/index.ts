/**
 * The generated Float64 kernels, one file each, each specialised to one layer's widths and fully
 * unrolled over them, in WebAssembly SIMD (f64x2). Matrices are row-major (samples × units), as
 * everywhere in the engine. Each kernel's name is derived from its spec (./common.ts `specName`),
 * so one name is one kernel (../compile.ts compiles each once).
 */
export { DEFAULT_CHUNK, DEFAULT_FENCE, DEFAULT_UNROLL, specName, type UnitWindow } from "./common.ts";
export { FUSED_ACTIVATIONS, fusedActivation, ROW_EPILOGUES, type FusedActivation, type RowEpilogue } from "./epilogues.ts";
export { rowKernel, rowKernelName, type RowKernelSpec } from "./row.ts";
export { atbKernel, atbKernelName, type AtBSpec } from "./atb.ts";
export { ATB_CHUNK, atbRowsKernel, atbRowsKernelName } from "./atb-rows.ts";
export { ATB_BLOCK, atbColsKernel, atbColsKernelName, atbColsScratchBytes, type AtbColsSpec } from "./atb-cols.ts";
export { colSumsKernel, colSumsKernelName } from "./col-sums.ts";
export { TRANSPOSE, transposeKernel } from "./transpose.ts";

/** Bytes of a layer's row lists: per row [count, j…], units + 1 i32 each. */
export function rowListBytes(n: number, units: number): number {
  return 4 * n * (units + 1);
}
