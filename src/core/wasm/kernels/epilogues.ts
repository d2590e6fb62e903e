/**
 * What the row kernel (./row.ts) does with each sum once it is made: its epilogues, one table
 * entry each, and the fused activations, which name the epilogues a layer's kernels use. A second
 * fused activation is an entry in each table (its forward epilogue writing A, and the backward one
 * writing dZ of the layer below from dA), plus its test in ../../../../test/core.
 *
 * Row lists ("nonzero lists"): for a relu layer the forward kernel also writes, for each sample
 * row, the count and the column indices of its positive activations, laid out per row as
 * [count, j0, j1, …] (i32, row stride units + 1). Later kernels walk only those columns.
 */
import type { Fn, Local } from "../emit.ts";

/** The row kernel's locals an epilogue reads and writes (the row's addresses, its registers). */
export interface RowEpilogueContext {
  f: Fn;
  /** Output width. */
  w: number;
  /** This row's out2 and maskZ rows, and where its next row-list entry goes (byte addresses). */
  o2Row: Local;
  mRow: Local;
  oc: Local;
  lOut: Local;
  /** The row index, and the row-list base parameter. */
  i: Local;
  LOUT: Local;
  /** Scratch: a vector's comparison bits, its mask, a zero vector. */
  bits: Local;
  mask: Local;
  zero: Local;
}

export interface RowEpilogueEntry {
  /** What it computes, for the reader. */
  readonly means: string;
  /** Writes out2 (so the kernel works out its row address), reads maskZ, writes row lists of out2. */
  readonly second: boolean;
  readonly readsMask: boolean;
  readonly lists: boolean;
  /** Per row, before its sums. */
  rowStart?(c: RowEpilogueContext): void;
  /** Columns col, col + 1, whose sums (bias added) are in the vector `z`. */
  vector?(c: RowEpilogueContext, z: Local, col: number): void;
  /** The odd last column `col`, whose sum is in the f64 `zs`. */
  scalar?(c: RowEpilogueContext, zs: Local, col: number): void;
  /** Per row, after its sums. */
  rowEnd?(c: RowEpilogueContext): void;
}

export const ROW_EPILOGUES = {
  store: {
    means: "out1 = sum",
    second: false,
    readsMask: false,
    lists: false,
  },
  relu: {
    means: "out1 = Z = sum, out2 = max(Z, 0) (as `z > 0 ? z : 0`), and the row lists of out2 in listOut",
    second: true,
    readsMask: false,
    lists: true,
    rowStart({ f, w, oc, lOut, i, LOUT }) {
      // oc: where the next index goes (a byte address), from the row's first slot on
      f.addr(LOUT, i, (w + 1) * 4).tee(lOut).i32(4).i32Add().set(oc);
    },
    vector({ f, o2Row, oc, bits, mask, zero }, z, col) {
      f.get(z).get(zero).f64x2Gt().set(mask);
      f.get(o2Row).get(z).get(mask).v128And().v128Store(col * 8);
      f.get(mask).i64x2Bitmask().set(bits);
      // One 8-byte store of the pair [first, col + 1], first = col if lane 0 is positive, else
      // col + 1 (as one i64: K − (bits & 1), K = [col + 1, col + 1]); then advance past the
      // positive ones. (It writes within the row: at most 2·v entries precede vector v.)
      f.get(oc).i64(BigInt(col + 1) * 0x1_0000_0001n).get(bits).i32(1).i32And().i64ExtendI32U().i64Sub().i64Store();
      f.get(oc).get(bits).i32Popcnt().i32(2).i32Shl().i32Add().set(oc);
    },
    scalar({ f, o2Row, oc, bits }, zs, col) {
      f.get(zs).f64(0).f64Gt().set(bits);
      f.get(o2Row).get(zs).f64(0).get(bits).select().f64Store(col * 8);
      f.get(oc).i32(col).i32Store();
      f.get(oc).get(bits).i32(2).i32Shl().i32Add().set(oc);
    },
    rowEnd({ f, oc, lOut }) {
      f.get(lOut).get(oc).get(lOut).i32Sub().i32(4).i32Sub().i32(2).i32ShrU().i32Store();
    },
  },
  mask: {
    means: "out1 = sum, out2 = (maskZ > 0 ? sum : 0): relu's backward step fused in",
    second: true,
    readsMask: true,
    lists: false,
    vector({ f, o2Row, mRow, mask, zero }, z, col) {
      f.get(mRow).v128Load(col * 8).get(zero).f64x2Gt().set(mask);
      f.get(o2Row).get(z).get(mask).v128And().v128Store(col * 8);
    },
    scalar({ f, o2Row, mRow }, zs, col) {
      f.get(o2Row).get(zs).f64(0).get(mRow).f64Load(col * 8).f64(0).f64Gt().select().f64Store(col * 8);
    },
  },
} as const satisfies Record<string, RowEpilogueEntry>;

export type RowEpilogue = keyof typeof ROW_EPILOGUES;

/** An activation whose forward and backward steps run inside the kernels. */
export interface FusedActivation {
  /** The epilogue of a hidden layer's forward kernel (writes A from Z; with row lists when it says so). */
  readonly forward: RowEpilogue;
  /** The epilogue of the backward kernel of the layer above (writes this layer's dZ from its dA). */
  readonly backward: RowEpilogue;
}

/** Fused activations by name (the activation names of ../../../nn/activations.ts). */
export const FUSED_ACTIVATIONS: Readonly<Record<string, FusedActivation>> = {
  relu: { forward: "relu", backward: "mask" },
};

/** The fused activation of this name, or undefined (the activation then runs in TypeScript). */
export function fusedActivation(name: string | undefined): FusedActivation | undefined {
  return name !== undefined && Object.hasOwn(FUSED_ACTIVATIONS, name) ? FUSED_ACTIVATIONS[name] : undefined;
}
