/**
 * A dense network: layers whose W (out × in) and b (out) are views into one flat parameter
 * vector, so optimisers (L-BFGS above all) see a single Float64Array and layers see matrices.
 */
import type { ActivationName } from "./activations.ts";
import type { LossName } from "./losses.ts";

export interface LayerSpec {
  units: number;
  activation: ActivationName;
}

export interface Layer {
  readonly inputSize: number;
  readonly units: number;
  readonly activation: ActivationName;
  /** units × inputSize, row j = the weights into neuron j. A view into `Network.params`. */
  readonly W: Float64Array;
  /** length units. A view into `Network.params`. */
  readonly b: Float64Array;
}

export interface Network {
  readonly inputSize: number;
  readonly layers: readonly Layer[];
  /** Every parameter, layer by layer: W₁ (row-major), b₁, W₂, b₂, … */
  readonly params: Float64Array;
  readonly loss: LossName;
}

export function parameterCount(inputSize: number, specs: readonly LayerSpec[]): number {
  let n = 0;
  let fanIn = inputSize;
  for (const s of specs) {
    n += s.units * fanIn + s.units;
    fanIn = s.units;
  }
  return n;
}

/** Layer views onto `params` with the layout W₁, b₁, W₂, b₂, …; also used for gradient vectors. */
export function layerViews(inputSize: number, specs: readonly LayerSpec[], params: Float64Array): Layer[] {
  const layers: Layer[] = [];
  let offset = 0;
  let fanIn = inputSize;
  for (const s of specs) {
    const W = params.subarray(offset, offset + s.units * fanIn);
    offset += s.units * fanIn;
    const b = params.subarray(offset, offset + s.units);
    offset += s.units;
    layers.push({ inputSize: fanIn, units: s.units, activation: s.activation, W, b });
    fanIn = s.units;
  }
  return layers;
}

export function createNetwork(inputSize: number, specs: readonly LayerSpec[], loss: LossName, params?: Float64Array): Network {
  const count = parameterCount(inputSize, specs);
  if (params && params.length !== count) {
    throw new RangeError(`network needs ${count} parameters, got ${params.length}`);
  }
  const p = params ?? new Float64Array(count);
  return { inputSize, layers: layerViews(inputSize, specs, p), params: p, loss };
}

/** An independent copy (new parameter vector). */
export function cloneNetwork(net: Network): Network {
  return createNetwork(net.inputSize, net.layers, net.loss, net.params.slice());
}

export function outputLayer(net: Network): Layer {
  return net.layers[net.layers.length - 1];
}

/** Σ‖W‖² over every layer (biases are not penalised, as in scikit-learn). */
export function weightSquares(net: Network): number {
  let s = 0;
  for (const l of net.layers) for (let i = 0; i < l.W.length; i++) s += l.W[i] * l.W[i];
  return s;
}

/** Plain nested arrays of one layer, for files and traces. */
export function layerToJson(l: Layer): { W: number[][]; b: number[] } {
  // Copied by index into arrays of their final length: Array.from over a subarray per row was
  // 3–20× slower (it ran for every snapshot of every training run).
  const W: number[][] = new Array(l.units);
  for (let j = 0; j < l.units; j++) W[j] = plainArray(l.W, j * l.inputSize, l.inputSize);
  return { W, b: plainArray(l.b, 0, l.b.length) };
}

function plainArray(from: Float64Array, start: number, length: number): number[] {
  const out: number[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = from[start + i];
  return out;
}
