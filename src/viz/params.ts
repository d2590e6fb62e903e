/** Parameter names as the articles write them: W1[0,0] (layer 1-based, [row = out, col = in]), b2[0]. */
import type { Network } from "../nn/network.ts";

export interface ParamRef {
  name: string;
  /** Index into Network.params. */
  index: number;
  kind: "W" | "b";
  /** 1-based layer. */
  layer: number;
  row: number;
  /** Input index for weights; 0 for biases. */
  col: number;
}

function layerOffsets(net: Network): number[] {
  const offsets: number[] = [];
  let o = 0;
  for (const l of net.layers) {
    offsets.push(o);
    o += l.W.length + l.b.length;
  }
  return offsets;
}

/** Valid names in one line, e.g. "W1[0..1, 0..0], b1[0..1], W2[0..0, 0..1], b2[0..0]". */
export function paramSummary(net: Network): string {
  return net.layers.map((l, i) => `W${i + 1}[0..${l.units - 1}, 0..${l.inputSize - 1}], b${i + 1}[0..${l.units - 1}]`).join(", ");
}

export function parseParam(net: Network, name: string): ParamRef {
  const m = /^\s*([Wb])\s*(\d+)\s*\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\]\s*$/.exec(name);
  const fail = (why: string): never => {
    throw new RangeError(`parameter "${name}" ${why}; valid names: ${paramSummary(net)}`);
  };
  if (!m) return fail("is not of the form W1[row,col] or b1[row]");
  const kind = m[1] as "W" | "b";
  const layer = Number(m[2]);
  const row = Number(m[3]);
  const col = m[4] === undefined ? undefined : Number(m[4]);
  if (layer < 1 || layer > net.layers.length) return fail(`names layer ${layer}, but the network has layers 1..${net.layers.length}`);
  const l = net.layers[layer - 1];
  const offset = layerOffsets(net)[layer - 1];
  if (kind === "W") {
    if (col === undefined) return fail("needs two indices [row, col]");
    if (row >= l.units || col >= l.inputSize) return fail(`is outside W${layer}, which is ${l.units}×${l.inputSize}`);
    return { name: `W${layer}[${row},${col}]`, index: offset + row * l.inputSize + col, kind, layer, row, col };
  }
  if (col !== undefined) return fail("needs one index [row]");
  if (row >= l.units) return fail(`is outside b${layer}, which has ${l.units} values`);
  return { name: `b${layer}[${row}]`, index: offset + l.W.length + row, kind, layer, row, col: 0 };
}

/** Every parameter's name in the order of Network.params. */
export function paramNames(net: Network): string[] {
  const names: string[] = [];
  net.layers.forEach((l, i) => {
    for (let r = 0; r < l.units; r++) for (let c = 0; c < l.inputSize; c++) names.push(`W${i + 1}[${r},${c}]`);
    for (let r = 0; r < l.units; r++) names.push(`b${i + 1}[${r}]`);
  });
  return names;
}
