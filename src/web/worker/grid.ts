/** The 100×100 grid the page's heatmaps are drawn over: its points, the square or extent it covers, its columns as maps. */
import { matrix, type Matrix } from "../../core/matrix.ts";
import { featureMap } from "../../data/feature-map.ts";
import { DOMAIN, GRID, type Domain } from "../protocol.ts";
import { CLASS_DATASETS, FEATURE_INPUT, FEATURES, REG_DATASETS, type Feature } from "../setup.ts";

/** The grid's points in raw input space, row 0 at the top; with 1-D data every row is the same line. */
export function gridPoints(domain: Domain, dim: number): Matrix {
  const X = matrix(GRID * GRID, dim);
  const [x0, x1, y0, y1] = domain;
  for (let i = 0; i < GRID; i++) {
    const y = y1 - ((i + 0.5) / GRID) * (y1 - y0);
    for (let j = 0; j < GRID; j++) {
      const k = i * GRID + j;
      X.data[dim * k] = x0 + ((j + 0.5) / GRID) * (x1 - x0);
      if (dim === 2) X.data[2 * k + 1] = y;
    }
  }
  return X;
}

/** The Playground's square for its own datasets; else the data's extent with a margin, square for 2-D. */
export function domainOf(X: Matrix, playground: boolean): Domain {
  if (playground) return [DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1]];
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let r = 0; r < X.rows; r++)
    for (let c = 0; c < Math.min(2, X.cols); c++) {
      lo[c] = Math.min(lo[c], X.data[r * X.cols + c]);
      hi[c] = Math.max(hi[c], X.data[r * X.cols + c]);
    }
  if (X.cols === 1) {
    const pad = (hi[0] - lo[0]) * 0.15 || 1;
    return [lo[0] - pad, hi[0] + pad, 0, 1];
  }
  const half = (Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2) * 1.15 || 1;
  const cx = (lo[0] + hi[0]) / 2;
  const cy = (lo[1] + hi[1]) / 2;
  return [cx - half, cx + half, cy - half, cy + half];
}

export const PLAYGROUND_DATASETS = new Set<string>([...CLASS_DATASETS, ...REG_DATASETS]);

/** Column c of a samples × cols matrix over the grid, as the page's heatmap values. */
export function gridColumn(X: Matrix, c: number): Float32Array {
  const g = new Float32Array(GRID * GRID);
  for (let k = 0; k < g.length; k++) g[k] = X.data[k * X.cols + c];
  return g;
}

/** All seven features over the grid, computed by the same feature map the network's inputs use. */
export function featureGridsOver(raw: Matrix): Record<Feature, Float32Array> {
  const names = FEATURES.map((f) => FEATURE_INPUT[f]);
  const mapped = featureMap(names, ["x1", "x2"]).apply(raw);
  return Object.fromEntries(FEATURES.map((f, c) => [f, gridColumn(mapped, c)])) as Record<Feature, Float32Array>;
}
