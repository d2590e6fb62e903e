/**
 * Where a plan's buffers go in its block of WebAssembly memory: one description, read both by the
 * plan's constructor (the offsets) and by `MlpPlan.bytes` (the size of the block it asks for), so
 * the two cannot drift apart. Every region starts on a 64-byte line.
 */
import { atbColsScratchBytes, fusedActivation, ROW_EPILOGUES, rowListBytes } from "../kernels/index.ts";

export interface PlanLayer {
  readonly inputSize: number;
  readonly units: number;
  /**
   * The layer's activation: one of ../kernels/epilogues.ts `FUSED_ACTIVATIONS` (relu) is fused
   * into the kernels, with row lists that let later kernels skip zeros; any other runs in
   * TypeScript on the plan's buffers.
   */
  readonly activation?: string;
}

/** The layer's fused activation, if any. */
export function fusedOf(layer: PlanLayer): ReturnType<typeof fusedActivation> {
  return fusedActivation(layer.activation);
}

/** Byte offsets from the block's start; 0 bytes where a layer has no such buffer. */
export interface LayerRegions {
  /** Wᵀ, for the forward kernel. */
  Wt: Region;
  Z: Region;
  A: Region;
  dZ: Region;
  dA: Region;
  /** Row lists of A (hidden layers with a fused activation that makes them). */
  list: Region;
  /** dWᵀ and a row of column sums, for the "columnsT" way of making dW (layers above a listed one). */
  gWt: Region;
}

export interface Region {
  readonly offset: number;
  readonly bytes: number;
}

export interface PlanLayout {
  /** The block's size. */
  readonly bytes: number;
  /** The parameters and the gradient, in the network's layout (W₁, b₁, W₂, …). */
  readonly params: Region;
  readonly grad: Region;
  readonly X: Region;
  /** Scratch of the column-list kernels (their threads use disjoint units of it). */
  readonly scratch: Region;
  readonly layers: readonly LayerRegions[];
  /** Every region by name, in order (for tests and debugging). */
  readonly regions: readonly (Region & { name: string })[];
}

const LINE = 64;

/** Whether layer i's hidden output has row lists (a fused activation that makes them, not the output layer). */
export function hasLists(layers: readonly PlanLayer[], i: number): boolean {
  const fused = fusedOf(layers[i]);
  return i < layers.length - 1 && fused !== undefined && ROW_EPILOGUES[fused.forward].lists;
}

export function planLayout(layers: readonly PlanLayer[], n: number): PlanLayout {
  let cursor = 0;
  const regions: (Region & { name: string })[] = [];
  const take = (name: string, bytes: number): Region => {
    const region = { name, offset: cursor, bytes };
    if (bytes > 0) {
      cursor += Math.ceil(bytes / LINE) * LINE;
      regions.push(region);
    }
    return region;
  };
  let paramCount = 0;
  for (const l of layers) paramCount += l.units * l.inputSize + l.units;
  const params = take("params", 8 * paramCount);
  const grad = take("grad", 8 * paramCount);
  const X = take("X", 8 * n * layers[0].inputSize);
  const scratch = take("scratch", atbColsScratchBytes(Math.max(...layers.map((l) => l.units))));
  const perLayer = layers.map((l, i): LayerRegions => {
    const m = l.units;
    const k = l.inputSize;
    const act = 8 * n * m;
    return {
      Wt: take(`Wt${i}`, 8 * m * k),
      Z: take(`Z${i}`, act),
      A: take(`A${i}`, act),
      dZ: take(`dZ${i}`, act),
      dA: take(`dA${i}`, act),
      list: take(`list${i}`, hasLists(layers, i) ? rowListBytes(n, m) : 0),
      // reserved wherever "columnsT" may be chosen (the choice is the engine's, made later)
      gWt: take(`gWt${i}`, i > 0 && hasLists(layers, i - 1) ? 8 * (k * m + k) : 0),
    };
  });
  return { bytes: cursor, params, grad, X, scratch, layers: perLayer, regions };
}
