/**
 * The model evaluated over a grid of points of its raw data columns (through its feature map, if
 * it has `inputs`, and its scaler): one forward pass for the whole grid.
 */
import type { DataSplit } from "../../data/types.ts";
import type { Model } from "../../nn/model.ts";
import type { Workspace } from "../../nn/propagation.ts";
import { mappedInputs, runForward, runForwardRaw } from "../model-data.ts";
import { extentOf } from "../chart/extent.ts";
import { allColumn } from "./common.ts";

export interface InputGrid {
  nx: number;
  ny: number;
  extent: [number, number, number, number];
  /** Every layer's Z and A for the nx·ny points; row i + j·nx is column i, row j (y grows with j). */
  ws: Workspace;
  /** The network's inputs at those points (nx·ny × inputSize: after the feature map, before the scaler). */
  inputs: Float64Array;
}

/** The input plane's extent: options.extent, else the data's (train and test; its first two columns) padded by 10%. */
export function planeExtent(split: DataSplit, extent?: number[]): [number, number, number, number] {
  if (extent && extent.length >= 4) return [extent[0], extent[1], extent[2], extent[3]];
  const [x0, x1] = extentOf(allColumn(split, 0), 0.1);
  const [y0, y1] = extentOf(allColumn(split, 1), 0.1);
  return [x0, x1, y0, y1];
}

/** Grid cell centres (what d3-contour's pixels stand for) → the network's outputs, in one batch. */
export function evaluatePlane(model: Model, extent: [number, number, number, number], nx: number, ny = nx): InputGrid {
  const [x0, x1, y0, y1] = extent;
  const X = new Float64Array(nx * ny * 2);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const k = i + j * nx;
    X[2 * k] = x0 + ((i + 0.5) / nx) * (x1 - x0);
    X[2 * k + 1] = y0 + ((j + 0.5) / ny) * (y1 - y0);
  }
  const inputs = mappedInputs(model, X, nx * ny);
  return { nx, ny, extent, ws: runForward(model, inputs, nx * ny), inputs };
}

/** The model along a line of raw 1-D inputs. */
export function evaluateLine(model: Model, xs: number[]): Workspace {
  return runForwardRaw(model, Float64Array.from(xs), xs.length);
}

/** Values of one unit of layer l (0-based; A) over the grid. */
export function unitValues(g: InputGrid, l: number, unit: number, units: number, which: "A" | "Z" = "A"): Float64Array {
  const src = g.ws[which][l];
  const out = new Float64Array(g.nx * g.ny);
  for (let k = 0; k < out.length; k++) out[k] = src[k * units + unit];
  return out;
}
