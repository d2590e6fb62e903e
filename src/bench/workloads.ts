/**
 * The benchmark's workloads (ARCHITECTURE §7): the two fixed ones, moons-deep and the 12-point set,
 * and two scaling series (samples at the moons architecture, width of one hidden layer).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { moons } from "../data/moons.ts";
import { gradientFlops } from "../experiment/time-estimate.ts";
import type { ActivationName } from "../nn/activations.ts";
import { initialize } from "../nn/init.ts";
import { createNetwork, type LayerSpec } from "../nn/network.ts";

export interface Workload {
  name: string;
  group: "fixed" | "samples" | "width";
  description: string;
  inputSize: number;
  layers: LayerSpec[];
  n: number;
  /** n × inputSize and n × 1. */
  X: Float64Array;
  Y: Float64Array;
  /** The initial parameters, Network.params layout. */
  init: Float64Array;
  learningRate: number;
  reduction: "mean" | "sum";
  /** Side of a square grid over the data's box to predict (moons-deep only). */
  grid?: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MOONS_DEEP: LayerSpec[] = [
  { units: 25, activation: "relu" },
  { units: 50, activation: "relu" },
  { units: 50, activation: "relu" },
  { units: 25, activation: "relu" },
  { units: 1, activation: "sigmoid" },
];

/**
 * Floating-point operations of one full-batch epoch, counted as dense matrix work (as the time
 * estimate counts them). (Glassbox skips exact zeros, so its GFLOP/s are dense-equivalent rates.)
 */
export function flopsPerEpoch(w: Pick<Workload, "inputSize" | "layers" | "n">): number {
  return gradientFlops(w.inputSize, w.layers.map((l) => l.units), w.n);
}

function numpyInit(inputSize: number, layers: LayerSpec[], seed: number): Float64Array {
  const net = createNetwork(inputSize, layers, "binary-crossentropy");
  initialize(net, { scheme: "normal", scale: 0.1, seed, rng: "numpy" });
  return net.params;
}

/** The 900 training rows of examples/data/moons.csv (scikit-learn's make_moons, noise 0.2). */
function moonsCsv(): { X: Float64Array; Y: Float64Array } {
  const lines = readFileSync(join(ROOT, "examples", "data", "moons.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const [ix1, ix2, iy, isplit] = ["x1", "x2", "y", "split"].map((c) => header.indexOf(c));
  const rows = lines.slice(1).map((l) => l.split(",")).filter((r) => r[isplit] === "train");
  return { X: Float64Array.from(rows.flatMap((r) => [Number(r[ix1]), Number(r[ix2])])), Y: Float64Array.from(rows.map((r) => Number(r[iy]))) };
}

function generatedMoons(n: number): { X: Float64Array; Y: Float64Array } {
  const d = moons({ samples: n, noise: 0.2, seed: 7 });
  return { X: d.X.data, Y: Float64Array.from(d.y as number[]) };
}

export function moonsDeep(): Workload {
  const { X, Y } = moonsCsv();
  return {
    name: "moons-deep",
    group: "fixed",
    description: "moons, 900 samples, 2-25-50-50-25-1 relu/sigmoid, full batch, lr 0.01",
    inputSize: 2,
    layers: MOONS_DEEP,
    n: Y.length,
    X,
    Y,
    init: numpyInit(2, MOONS_DEEP, 2),
    learningRate: 0.01,
    reduction: "mean",
    grid: 200,
  };
}

export function oneFeature(): Workload {
  const xs = [-1.51, -1.29, -1.18, -0.64, -0.53, -0.09, 0.13, 0.35, 0.89, 1.11, 1.33, 1.44];
  return {
    name: "one-feature",
    group: "fixed",
    description: "12 points, 1-2-1 sigmoid, summed gradients, lr 0.1",
    inputSize: 1,
    layers: [
      { units: 2, activation: "sigmoid" },
      { units: 1, activation: "sigmoid" },
    ],
    n: 12,
    X: Float64Array.from(xs),
    Y: Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0]),
    init: Float64Array.from([-1, 9, -1, 5, 0.3, 0.7, 0]),
    learningRate: 0.1,
    reduction: "sum",
  };
}

export function samplesWorkload(n: number): Workload {
  const { X, Y } = generatedMoons(n);
  return {
    name: `samples ${n >= 1000 ? `${n / 1000}k` : n}`,
    group: "samples",
    description: `moons, ${n} samples, 2-25-50-50-25-1`,
    inputSize: 2,
    layers: MOONS_DEEP,
    n,
    X,
    Y,
    init: numpyInit(2, MOONS_DEEP, 2),
    learningRate: 0.01,
    reduction: "mean",
  };
}

export function widthWorkload(width: number, n = 1000): Workload {
  const { X, Y } = generatedMoons(n);
  const layers: LayerSpec[] = [
    { units: width, activation: "relu" as ActivationName },
    { units: 1, activation: "sigmoid" as ActivationName },
  ];
  return {
    name: `width ${width}`,
    group: "width",
    description: `moons, ${n} samples, 2-${width}-1`,
    inputSize: 2,
    layers,
    n,
    X,
    Y,
    init: numpyInit(2, layers, 2),
    learningRate: 0.01,
    reduction: "mean",
  };
}

export function workloads(quick: boolean): Workload[] {
  const samples = quick ? [1000, 10000] : [1000, 3000, 10000, 30000, 100000];
  const widths = quick ? [16, 128, 512] : [16, 32, 64, 128, 256, 512];
  return [moonsDeep(), oneFeature(), ...samples.map((n) => samplesWorkload(n)), ...widths.map((w) => widthWorkload(w))];
}

/** Rows of a side × side grid over [xmin, xmax] × [ymin, ymax] of the data (2 features). */
export function gridOver(X: Float64Array, side: number): Float64Array {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < X.length; i += 2) {
    x0 = Math.min(x0, X[i]);
    x1 = Math.max(x1, X[i]);
    y0 = Math.min(y0, X[i + 1]);
    y1 = Math.max(y1, X[i + 1]);
  }
  const G = new Float64Array(side * side * 2);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      G[2 * i] = x0 - 0.5 + ((x1 - x0 + 1) * c) / (side - 1);
      G[2 * i + 1] = y0 - 0.5 + ((y1 - y0 + 1) * r) / (side - 1);
    }
  }
  return G;
}
