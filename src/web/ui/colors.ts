/**
 * The page's colour scale: −1 → class 0's blue, 0 → white, +1 → class 1's orange (the same
 * Okabe–Ito pair the CLI pictures use), as a lookup table so a 100×100 heatmap costs one table
 * read per cell.
 */
import { classColor, hexToRgb, PALETTE } from "../../viz/palette.ts";

export const NEGATIVE = PALETTE.classes[0];
export const POSITIVE = PALETTE.classes[1];
const STEPS = 256;
/** How strong the background gets at ±1, so points stay readable on top of it. */
const STRENGTH = 0.62;

function table(strength: number): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(STEPS * 4);
  const neg = hexToRgb(NEGATIVE);
  const pos = hexToRgb(POSITIVE);
  for (let i = 0; i < STEPS; i++) {
    const t = (i / (STEPS - 1)) * 2 - 1;
    const c = t < 0 ? neg : pos;
    const a = Math.abs(t) * strength;
    lut[4 * i] = 255 + (c[0] - 255) * a;
    lut[4 * i + 1] = 255 + (c[1] - 255) * a;
    lut[4 * i + 2] = 255 + (c[2] - 255) * a;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

const LUT = table(STRENGTH);
const POINT_LUT = table(1);

/** A data point's colour: the full colour at ±1, so points stand out on the heatmap. */
export function pointColor(t: number): string {
  const i = lutIndex(t) * 4;
  return `rgb(${POINT_LUT[i]},${POINT_LUT[i + 1]},${POINT_LUT[i + 2]})`;
}

/** The colour of t ∈ [−1, 1] (clamped) as CSS. */
export function colorOf(t: number): string {
  const i = lutIndex(t) * 4;
  return `rgb(${LUT[i]},${LUT[i + 1]},${LUT[i + 2]})`;
}

export function lutIndex(t: number): number {
  const u = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return Math.round(((u + 1) / 2) * (STEPS - 1));
}

/**
 * Paints `values` (side × side, row 0 at the top) into a canvas: each value is first mapped to
 * [−1, 1] by `toUnit`, then coloured; `discrete` snaps to the two ends. `every` > 1 paints every
 * k-th cell only (a thumbnail: the canvas is then side/k pixels across, drawn small anyway).
 */
export function paintHeatmap(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, toUnit: (v: number) => number, discrete = false, offset = 0, stride = 1, every = 1): void {
  const n = Math.ceil(side / every);
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const image = ctx.createImageData(n, n);
  const px = image.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * every * side + j * every;
      let t = toUnit(values[offset + k * stride]);
      if (discrete) t = t >= 0 ? 1 : -1;
      const c = lutIndex(t) * 4;
      const p = 4 * (i * n + j);
      px[p] = LUT[c];
      px[p + 1] = LUT[c + 1];
      px[p + 2] = LUT[c + 2];
      px[p + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** A regression output's value in [−1, 1] for colouring: its range [lo, hi] from blue to orange. */
export function valueScale([lo, hi]: readonly [number, number]): (v: number) => number {
  const s = 2 / (hi - lo);
  return (v) => (v - lo) * s - 1;
}

/** A neuron's value in [−1, 1] for colouring: sigmoid outputs are centred on ½, others on 0. */
export function unitScale(activation: string): (v: number) => number {
  if (activation === "sigmoid") return (v) => 2 * v - 1;
  return (v) => v;
}

/** Cells of a k-class output (GRID² × k, row-major): the winning class's colour, tinted by its probability. */
export function paintClasses(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, k: number, discrete: boolean): void {
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const colors = Array.from({ length: k }, (_, c) => hexToRgb(classColor(c)));
  const image = ctx.createImageData(side, side);
  const px = image.data;
  for (let cell = 0; cell < side * side; cell++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[cell * k + c] > values[cell * k + best]) best = c;
    // From "no idea" (1/k) to certain (1): white to the class's colour.
    const p = values[cell * k + best];
    const a = discrete ? STRENGTH : Math.max(0, Math.min(1, (p - 1 / k) / (1 - 1 / k))) * STRENGTH;
    const rgb = colors[best];
    px[4 * cell] = 255 + (rgb[0] - 255) * a;
    px[4 * cell + 1] = 255 + (rgb[1] - 255) * a;
    px[4 * cell + 2] = 255 + (rgb[2] - 255) * a;
    px[4 * cell + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** A class's full colour, for its points. */
export function classPointColor(c: number): string {
  return classColor(c);
}
