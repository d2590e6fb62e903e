/** The formula of one cell of a trace step's block on the forward or backward sheet, over its source blocks. */
import type { TraceStep } from "../nn/trace.ts";
import { allOf, cellOf, colOf, DATA, PARAMS, rowOf, type Block, type StepContext } from "./book.ts";
import { onSheet } from "./cells.ts";
import { activationFormula, fusedFormula, lossFormula, lossGradient, slopeFormula } from "./formulas.ts";

/** The formula of cell (i, j) of a trace step's block, as written on sheet `from`. */
export function stepFormula(ctx: StepContext, step: TraceStep, i: number, j: number, from: string): string {
  const { book, net, cells } = ctx;
  const blk = (name: string): Block => {
    const b = book.blocks.get(name);
    if (!b) throw new Error(`sheet: no block ${name}`);
    return b;
  };
  const P = (c: string): string => onSheet(PARAMS, from, c);
  const L = net.layers.length;
  const name = step.name;
  let m: RegExpMatchArray | null;
  if (name === "A0") return cellOf(blk(`${DATA}:X`), i, j, from);
  if (name === "Y") return cellOf(blk(`${DATA}:Ydata`), i, j, from);
  if ((m = name.match(/^([Wb])(\d+)$/))) return cellOf(blk(`${PARAMS}:${name}`), i, j, from);
  if ((m = name.match(/^Z(\d+)$/))) {
    const l = Number(m[1]);
    return `SUMPRODUCT(${rowOf(blk(`A${l - 1}`), i, from)},${rowOf(blk(`W${l}`), j, from)})+${cellOf(blk(`b${l}`), 0, j, from)}`;
  }
  if ((m = name.match(/^A(\d+)$/))) {
    const l = Number(m[1]);
    const Z = blk(`Z${l}`);
    return activationFormula(net.layers[l - 1].activation, cellOf(Z, i, j, from), rowOf(Z, i, from));
  }
  if (name === "loss") {
    const A = blk(`A${L}`);
    const Y = blk("Y");
    const Ws = net.layers.map((_, k) => allOf(blk(`W${k + 1}`), from));
    return lossFormula(ctx.lossName, [[allOf(A, from), allOf(Y, from)]], net.layers[L - 1].units, Ws, { l2: P(cells.l2), l1: P(cells.l1), n: P(cells.samples) });
  }
  if ((m = name.match(/^dA(\d+)$/))) {
    const l = Number(m[1]);
    if (l === L) return lossGradient(ctx.lossName, cellOf(blk(`A${L}`), i, j, from), cellOf(blk("Y"), i, j, from), net.layers[L - 1].units, P(cells.scale));
    return `MMULT(${rowOf(blk(`dZ${l + 1}`), i, from)},${colOf(blk(`W${l + 1}`), j, from)})`;
  }
  if ((m = name.match(/^f'\(Z(\d+)\)$/))) {
    const l = Number(m[1]);
    return slopeFormula(net.layers[l - 1].activation, cellOf(blk(`Z${l}`), i, j, from), cellOf(blk(`A${l}`), i, j, from));
  }
  if ((m = name.match(/^dZ(\d+)$/))) {
    const l = Number(m[1]);
    if (step.inputs.includes("Y")) return fusedFormula(ctx.lossName, cellOf(blk(`A${l}`), i, j, from), cellOf(blk("Y"), i, j, from), net.layers[l - 1].units, P(cells.scale));
    return `${cellOf(blk(`dA${l}`), i, j, from)}*${cellOf(blk(`f'(Z${l})`), i, j, from)}`;
  }
  if ((m = name.match(/^dW(\d+)$/))) {
    const l = Number(m[1]);
    const W = cellOf(blk(`W${l}`), i, j, from);
    return `SUMPRODUCT(${colOf(blk(`dZ${l}`), i, from)},${colOf(blk(`A${l - 1}`), j, from)})+${P(cells.scale)}*(${P(cells.l2)}*${W}+${P(cells.l1)}*SIGN(${W}))`;
  }
  if ((m = name.match(/^db(\d+)$/))) return `SUM(${colOf(blk(`dZ${m[1]}`), j, from)})`;
  if ((m = name.match(/^([Wb])(\d+)'$/))) {
    const g = blk(`d${m[1]}${m[2]}`);
    return `${cellOf(blk(`${m[1]}${m[2]}`), i, j, from)}-${P(cells.learningRate)}*${cellOf(g, i, j, from)}`;
  }
  throw new Error(`sheet: no formula for step ${name}`);
}
