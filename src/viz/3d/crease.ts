/**
 * The height of P(predicted class) where the predicted class changes. That surface has a sharp
 * valley (a crease) along every decision boundary, often narrower than one grid cell: sampled
 * only at grid points, its depth depends on how near each point happens to fall, and the
 * valley is drawn as a row of random spikes. Here every grid edge the boundary crosses is cut
 * where the two classes' probabilities meet, the network is evaluated there, and both ends take that height where it is lower: the valley gets
 * its true depth everywhere, as a floor one cell wide (lowering only the nearer end left a
 * staircase along a boundary slanted to the grid, drawn as stripes). The meeting point is
 * found where log(pᵢ/pⱼ), the difference of the two logits, reaches 0 by linear interpolation:
 * exact where the logits are linear in the inputs, whereas the probabilities themselves
 * saturate near 0 and 1 and would put the cut at the cell's middle whatever the boundary.
 */
import type { Model } from "../../nn/model.ts";
import { runForwardRaw } from "../model-data.ts";

/** Lowers `z` (n·n heights: P(predicted class) at xs × ys, out the softmax outputs, `units` per point) to the crease's depth beside each boundary crossing. */
export function deepenCreases(model: Model, xs: number[], ys: number[], out: ArrayLike<number>, units: number, z: Float64Array): void {
  const nx = xs.length;
  const ny = ys.length;
  const best = new Int32Array(nx * ny);
  for (let q = 0; q < best.length; q++) {
    let b = 0;
    for (let k = 1; k < units; k++) if (out[q * units + k] > out[q * units + b]) b = k;
    best[q] = b;
  }
  const points: number[] = [];
  const targets: number[] = [];
  const cross = (q: number, r: number, xq: number, yq: number, xr: number, yr: number): void => {
    const i = best[q];
    const j = best[r];
    if (i === j) return;
    // Class i leads at q, class j at r: where their log-ratio reaches 0.
    const dq = logRatio(out, q * units, i, j);
    const dr = logRatio(out, r * units, i, j);
    const t = dq / (dq - dr || 1);
    points.push(xq + t * (xr - xq), yq + t * (yr - yq));
    targets.push(q, r);
  };
  for (let jj = 0; jj < ny; jj++) for (let ii = 0; ii < nx; ii++) {
    const q = ii + jj * nx;
    if (ii + 1 < nx) cross(q, q + 1, xs[ii], ys[jj], xs[ii + 1], ys[jj]);
    if (jj + 1 < ny) cross(q, q + nx, xs[ii], ys[jj], xs[ii], ys[jj + 1]);
  }
  if (!targets.length) return;
  const L = model.layers.length - 1;
  const A = runForwardRaw(model, Float64Array.from(points), points.length / 2).A[L];
  for (let p = 0; p < targets.length / 2; p++) {
    let h = A[p * units];
    for (let k = 1; k < units; k++) h = Math.max(h, A[p * units + k]);
    for (const v of [targets[2 * p], targets[2 * p + 1]]) if (h < z[v]) z[v] = h;
  }
}

/** log(pᵢ/pⱼ) of the outputs at `at`; a probability that underflowed to 0 counts as the smallest double. */
function logRatio(out: ArrayLike<number>, at: number, i: number, j: number): number {
  return Math.log(Math.max(out[at + i], Number.MIN_VALUE)) - Math.log(Math.max(out[at + j], Number.MIN_VALUE));
}
