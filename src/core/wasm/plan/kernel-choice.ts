/**
 * Which kernels a plan's layers run: the forward and backward row kernels with their epilogues
 * (from the layers' fused activations), and how each layer's dW is made. Every choice gives the
 * same bits; they differ only in speed.
 */
import type { Arena } from "../arena.ts";
import { compiledKernel, compileKernels, type Kernel } from "../compile.ts";
import type { Fn } from "../emit.ts";
import { atbColsKernel, atbColsKernelName, atbKernel, atbKernelName, atbRowsKernel, atbRowsKernelName, colSumsKernel, colSumsKernelName, rowKernel, rowKernelName, type RowKernelSpec, type UnitWindow } from "../kernels/index.ts";
import { fusedOf, hasLists, type PlanLayer } from "./layout.ts";

/** A kernel by name and id (for the helper thread) and compiled (for this one). */
export interface Named {
  name: string;
  id: number;
  run: Kernel;
}

/**
 * How a layer's dW = dZᵀ·A_prev is made, all with the same bits (each cell summed in sample order):
 * - "columns": the column-list kernel over the layer's own row lists (dZ is zero where A is), sums
 *   in registers, db made on the way. For listed layers whose input is wide enough (below).
 * - "columnsT": dWᵀ = A_prevᵀ·dZ by the column-list kernel over the row lists of the layer below,
 *   then transposed; for a layer above a listed one whose own width is enough (the kernel's
 *   vectors run along the other side).
 * - "rows": the row-list kernel, adding into dW in memory term by term (held back by one store per
 *   vector per term), when neither side is wide enough.
 * - "dense": register tiles over every sample (no row lists on either side to skip by).
 */
export type GradMode = "columns" | "columnsT" | "rows" | "dense";

export function chooseGradMode(layers: readonly PlanLayer[], i: number, columnListMinWidth: number): GradMode {
  const lists = hasLists(layers, i);
  const belowLists = i > 0 && hasLists(layers, i - 1);
  const { inputSize: k, units: m } = layers[i];
  return lists && k >= columnListMinWidth ? "columns" : belowLists && m >= columnListMinWidth ? "columnsT" : lists ? "rows" : "dense";
}

export interface LayerKernels {
  forward: Named;
  colSums: Named;
  /** db added to the sums of earlier blocks (blocked plans only). */
  colSumsAcc: Named | null;
  gradMode: GradMode;
  /** dW's kernel, and its two halves for two threads (null: not split). */
  grad: Named;
  gradHalves: [Named, Named] | null;
  /** The same for blocks after the first (the dense kernel adding to dW so far; else the same kernels). */
  gradAcc: Named;
  gradHalvesAcc: [Named, Named] | null;
  /** dA of the layer below from this layer's dZ, with the below layer's backward epilogue (null for the first layer). */
  back: Named | null;
}

export function named(mem: Arena, name: string, make: () => Fn): Named {
  const run = compileKernels(mem, [[name, make]])[0];
  return { name, id: compiledKernel(mem, name)!.id, run };
}

/** Layer i's kernels, compiled on `mem`. `lean`: the sums behind fused activations are not stored. */
export function layerKernels(mem: Arena, layers: readonly PlanLayer[], i: number, options: { lean: boolean; blocked: boolean; fma: boolean; columnListMinWidth: number }): LayerKernels {
  const { lean, blocked, fma } = options;
  const { inputSize: k, units: m } = layers[i];
  const lists = hasLists(layers, i);
  const belowFused = i > 0 ? fusedOf(layers[i - 1]) : undefined;
  const belowLists = i > 0 && hasLists(layers, i - 1);
  // The output layer's activation runs in TypeScript (it may be anything); hidden fused ones run in the kernels.
  const fwd: RowKernelSpec = { k, w: m, sparse: belowLists, bias: true, epilogue: lists ? fusedOf(layers[i])!.forward : "store", keepSum: !lean, fma };
  const bwd: RowKernelSpec | null = i > 0 ? { k: m, w: k, sparse: lists, bias: false, epilogue: belowFused?.backward ?? "store", keepSum: !lean, fma } : null;
  const gradMode = chooseGradMode(layers, i, options.columnListMinWidth);
  const [grad, gradHalves] = gradKernels(mem, gradMode, m, k, fma, false);
  // Blocks after the first add to the sums so far (dense dW and db; the list kernels always add).
  const [gradAcc, gradHalvesAcc] = blocked && gradMode === "dense" ? gradKernels(mem, gradMode, m, k, fma, true) : [grad, gradHalves];
  return {
    forward: named(mem, rowKernelName(fwd), () => rowKernel(fwd)),
    colSums: named(mem, colSumsKernelName(m), () => colSumsKernel(m)),
    colSumsAcc: blocked ? named(mem, colSumsKernelName(m, undefined, true), () => colSumsKernel(m, undefined, true)) : null,
    gradMode,
    grad,
    gradHalves,
    gradAcc,
    gradHalvesAcc,
    back: bwd ? named(mem, rowKernelName(bwd), () => rowKernel(bwd)) : null,
  };
}

/** The kernel that makes dW in `mode`, and its two halves for two threads (null: not split). */
function gradKernels(mem: Arena, mode: GradMode, m: number, k: number, fma: boolean, accumulate: boolean): [Named, [Named, Named] | null] {
  const split = <S>(spec: (window: UnitWindow | undefined) => S, name: (s: S) => string, make: (s: S) => Fn, units: number, minUnits: number, cut = units >> 1): [Named, [Named, Named] | null] => {
    const one = (w: UnitWindow | undefined): Named => {
      const s = spec(w);
      return named(mem, name(s), () => make(s));
    };
    return [one(undefined), units >= minUnits ? [one([0, cut]), one([cut, units])] : null];
  };
  switch (mode) {
    case "columns":
      return split((window) => ({ m, k, fma, window }), atbColsKernelName, atbColsKernel, m, 2);
    case "columnsT":
      return split((window) => ({ m: k, k: m, fma, window }), atbColsKernelName, atbColsKernel, k, 2);
    case "rows":
      return split((window) => ({ m, k, window, fma }), (s) => atbRowsKernelName(s.m, s.k, undefined, s.window, fma), (s) => atbRowsKernel(s.m, s.k, undefined, s.window, fma), m, 2);
    case "dense": {
      // One unit (a binary output): a single row of tiles, 12 vectors wide (measured 2× the default
      // 4 × 2 tiles). An even split for two threads: the dense kernel's tiles pair units.
      const tile = m === 1 ? { rows: 1, vecs: 12 } : {};
      return split((units) => ({ m, k, units, fma, accumulate, ...tile }), atbKernelName, atbKernel, m, 4, (m >> 2) * 2);
    }
  }
}
