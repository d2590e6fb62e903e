/**
 * Forward passes over many rows (predictions, the page's grids, evaluation) split into passes
 * that fit the fast kernels' memory (core/wasm/mlp.ts `maxPlanRows`), instead of one workspace
 * so large that it would fall back to the plain kernels. Each row's output is computed by the
 * same operations whatever the pass it is in, so the results are the same bits as one pass.
 * Passes are the size of a training batch's row blocks (`blockRows`: about 64 MiB of buffers),
 * so a grid does not grow the WebAssembly memory, which never shrinks, far past what training needs.
 */
import { blockRows, maxPlanRows, type Engine, type PlanLayer } from "../core/wasm/mlp.ts";
import { outputLayer, type Network } from "./network.ts";
import { createWorkspace, disposeWorkspace, forward } from "./propagation.ts";

let fixedRows: number | null = null;

/** Fixes the rows per pass (null: chosen as above); for tests. */
export function setPassRows(rows: number | null): void {
  fixedRows = rows;
}

const planLayers = (net: Network): PlanLayer[] => net.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation }));

/** The rows per pass for n rows through this network on `engine` (n itself when one pass is best or nothing fits). */
export function passRows(net: Network, n: number, engine?: Engine): number {
  if (n <= 1) return Math.max(n, 1);
  if (fixedRows !== null) return Math.max(1, Math.min(n, fixedRows));
  const layers = planLayers(net);
  const fit = maxPlanRows(layers, engine);
  if (fit < 1) return n; // not even one row fits: the plain kernels, in one pass
  return Math.min(n, blockRows(layers, fit));
}

/**
 * The output layer's Z and A (n × units each) for the n rows of X (n × inputSize, as the network
 * takes them), on `engine` (default: the default engine).
 */
export function forwardOutput(net: Network, X: Float64Array, n: number, engine?: Engine): { Z: Float64Array; A: Float64Array } {
  const units = outputLayer(net).units;
  if (n === 0) return { Z: new Float64Array(0), A: new Float64Array(0) };
  const L = net.layers.length - 1;
  const d = net.inputSize;
  const rows = passRows(net, n, engine);
  const ws = createWorkspace(net, rows, { lean: true, engine });
  let Z: Float64Array;
  let A: Float64Array;
  if (rows >= n) {
    forward(net, X, ws, n);
    Z = ws.Z[L].slice(0, n * units);
    A = ws.A[L].slice(0, n * units);
  } else {
    Z = new Float64Array(n * units);
    A = new Float64Array(n * units);
    for (let r = 0; r < n; r += rows) {
      const count = Math.min(rows, n - r);
      forward(net, X.subarray(r * d, (r + count) * d), ws, count);
      Z.set(ws.Z[L].subarray(0, count * units), r * units);
      A.set(ws.A[L].subarray(0, count * units), r * units);
    }
  }
  disposeWorkspace(ws);
  return { Z, A };
}
