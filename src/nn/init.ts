/**
 * Initialisers. Draw order is part of the contract: layer by layer, W (row-major, out × in)
 * then b, so `rng: "numpy"` with `scheme: "normal"` replays the NumPy walkthrough's
 * `np.random.randn(out, in) * 0.1; np.random.randn(out, 1) * 0.1` exactly.
 */
import { createRandom, type Random, type RngName } from "../core/random.ts";
import type { Network } from "./network.ts";

export type InitScheme = "normal" | "uniform" | "xavier" | "he" | "zeros-bias";
export const INIT_SCHEMES: readonly InitScheme[] = ["normal", "uniform", "xavier", "he", "zeros-bias"];

export interface InitOptions {
  scheme: InitScheme;
  /** normal: standard deviation (default 0.1); uniform: half-width (default 0.1). */
  scale?: number;
  seed?: number;
  rng?: RngName;
  /** Every bias starts at this value instead (TensorFlow Playground starts them at 0.1). */
  bias?: number;
}

/** Fills `net.params` in place (American spelling, as `Optimizer` and `minimizeLbfgs`). */
export function initialize(net: Network, options: InitOptions): void {
  const rng = createRandom(options.rng ?? "glassbox", options.seed ?? 0);
  for (const layer of net.layers) {
    const fanIn = layer.inputSize;
    const fanOut = layer.units;
    const draw = drawFor(options, rng, fanIn, fanOut);
    for (let i = 0; i < layer.W.length; i++) layer.W[i] = draw();
    if (options.scheme === "normal" || options.scheme === "uniform") {
      for (let i = 0; i < layer.b.length; i++) layer.b[i] = draw();
    } else {
      layer.b.fill(0); // Glorot/He (Keras) and zeros-bias start biases at zero
    }
    // After the draws, so the weights are the scheme's own whatever the biases start at.
    if (options.bias !== undefined) layer.b.fill(options.bias);
  }
}

function drawFor(options: InitOptions, rng: Random, fanIn: number, fanOut: number): () => number {
  switch (options.scheme) {
    case "normal": {
      const s = options.scale ?? 0.1;
      return () => rng.normal() * s;
    }
    case "uniform": {
      const s = options.scale ?? 0.1;
      return () => (2 * rng.random() - 1) * s;
    }
    case "xavier": {
      // Glorot uniform (Keras' default): U(−l, l), l = √(6 / (fan_in + fan_out)).
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return () => (2 * rng.random() - 1) * limit;
    }
    case "he": {
      // He normal: N(0, 2 / fan_in).
      const s = Math.sqrt(2 / fanIn);
      return () => rng.normal() * s;
    }
    case "zeros-bias": {
      // Small normal weights (scale, default 0.1) with zero biases.
      const s = options.scale ?? 0.1;
      return () => rng.normal() * s;
    }
  }
}

/** Explicit parameters, layer by layer: W as out × in rows, b of length out. */
export function setParams(net: Network, layers: readonly { W: readonly (readonly number[])[]; b: readonly number[] }[]): void {
  if (layers.length !== net.layers.length) {
    throw new RangeError(`expected parameters for ${net.layers.length} layers, got ${layers.length}`);
  }
  net.layers.forEach((layer, l) => {
    const { W, b } = layers[l];
    if (W.length !== layer.units || W.some((row) => row.length !== layer.inputSize)) {
      throw new RangeError(`layer ${l + 1}: W must be ${layer.units}×${layer.inputSize}`);
    }
    if (b.length !== layer.units) throw new RangeError(`layer ${l + 1}: b must have ${layer.units} values`);
    W.forEach((row, j) => layer.W.set(row, j * layer.inputSize));
    layer.b.set(b);
  });
}

/** @deprecated The old spelling of `initialize`, kept so code written against it still runs. */
export const initialise = initialize;
