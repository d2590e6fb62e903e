/**
 * The decision boundary as characters, for the terminal (`glassbox demo`): each cell shows the predicted class
 * (`·` for class 0, `░` for class 1 … of the grid) and samples drawn on top as their class digit.
 * Pure: model and points in, string out.
 */
import type { Label } from "../core/label.ts";
import { matrix, type Matrix } from "../core/matrix.ts";
import type { Model } from "../nn/model.ts";
import { predict } from "../nn/predict.ts";
import { extentOf } from "../viz/chart/extent.ts";

export interface TextBoundaryOptions {
  width?: number;
  height?: number;
  /** [xmin, xmax, ymin, ymax]; default: the points' extent with a margin. */
  extent?: [number, number, number, number];
}

const SHADES = ["·", "░", "▒", "▓", "█"];

export function textBoundary(model: Model, X: Matrix, y: readonly Label[], o: TextBoundaryOptions = {}): string {
  if (model.inputSize !== 2) throw new RangeError("a text boundary needs a model with 2 inputs");
  const width = o.width ?? 64;
  const height = o.height ?? 24;
  const [x0, x1, y0, y1] = o.extent ?? planeOf(X);
  const grid = matrix(width * height, 2);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const k = r * width + c;
      grid.data[2 * k] = x0 + ((c + 0.5) / width) * (x1 - x0);
      grid.data[2 * k + 1] = y1 - ((r + 0.5) / height) * (y1 - y0); // row 0 at the top
    }
  }
  const classes = model.classes ?? [];
  const cls = predict(model, grid).map((p) => classes.indexOf(p));
  const cells = cls.map((k) => SHADES[Math.max(0, k) % SHADES.length]);
  for (let i = 0; i < X.rows; i++) {
    const c = Math.floor(((X.data[2 * i] - x0) / (x1 - x0)) * width);
    const r = Math.floor(((y1 - X.data[2 * i + 1]) / (y1 - y0)) * height);
    if (c >= 0 && c < width && r >= 0 && r < height) cells[r * width + c] = String(Math.max(0, classes.indexOf(y[i])));
  }
  const lines: string[] = [];
  for (let r = 0; r < height; r++) lines.push(cells.slice(r * width, (r + 1) * width).join(""));
  return lines.join("\n");
}

/** The points' extent with a 5% margin on each side (1 on each side of a single value). */
function planeOf(X: Matrix): [number, number, number, number] {
  const column = (j: number): number[] => Array.from({ length: X.rows }, (_, i) => X.data[2 * i + j]);
  return [...extentOf(column(0), 0.05), ...extentOf(column(1), 0.05)];
}
