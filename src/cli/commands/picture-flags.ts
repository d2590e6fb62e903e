/** Flags shared by `plot`, `animate` and `gallery`: parsers (commander) and their mapping to view options. */
import { InvalidArgumentError } from "commander";
import type { ViewOptions } from "../../viz/index.ts";

export function intFlag(flag: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} needs a whole number ≥ ${min}, got "${v}"`);
    return n;
  };
}

export function numberFlag(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} needs a number, got "${v}"`);
    return n;
  };
}

/** "a,b" → [a, b] (numbers). */
export function pairFlag(flag: string) {
  return (v: string): [number, number] => {
    const parts = v.split(",").map((s) => Number(s.trim()));
    if (parts.length !== 2 || parts.some((n, i) => !Number.isFinite(n) || v.split(",")[i].trim() === "")) throw new InvalidArgumentError(`${flag} needs two numbers "a,b", got "${v}"`);
    return [parts[0], parts[1]];
  };
}

/** "a0,a1,b0,b1" → [[a0, a1], [b0, b1]]. */
export function rangesFlag(flag: string) {
  return (v: string): [[number, number], [number, number]] => {
    const parts = v.split(",").map((s) => Number(s.trim()));
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new InvalidArgumentError(`${flag} needs four numbers "a0,a1,b0,b1", got "${v}"`);
    return [
      [parts[0], parts[1]],
      [parts[2], parts[3]],
    ];
  };
}

/** "W1[0,0],W1[1,0]" → two names (the comma inside brackets is not a separator). */
export function paramsFlag(flag: string) {
  return (v: string): [string, string] => {
    const names = v.match(/[^,\[\]]+(?:\[[^\]]*\])?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
    if (names.length !== 2) throw new InvalidArgumentError(`${flag} needs two parameter names "W1[0,0],W1[1,0]", got "${v}"`);
    return [names[0], names[1]];
  };
}

export function choiceFlag<T extends string>(flag: string, choices: readonly T[]) {
  return (v: string): T => {
    if (!choices.includes(v as T)) throw new InvalidArgumentError(`${flag} must be one of ${choices.join(", ")}, got "${v}"`);
    return v as T;
  };
}

/** Every flag that maps onto a view option. */
export interface PictureFlags {
  width?: number;
  height?: number;
  title?: string;
  param?: string;
  params?: [string, string];
  range?: [number, number];
  ranges?: [[number, number], [number, number]];
  resolution?: number;
  layer?: number;
  epoch?: number;
  mode?: "heatmap" | "3d";
  azimuth?: number;
  elevation?: number;
  test?: boolean;
  step?: number;
  cell?: [number, number];
}

export function viewOptions(f: PictureFlags): ViewOptions {
  const o: ViewOptions = {};
  if (f.width !== undefined) o.width = f.width;
  if (f.height !== undefined) o.height = f.height;
  if (f.title !== undefined) o.title = f.title;
  if (f.param !== undefined) o.param = f.param;
  if (f.params !== undefined) o.params = f.params;
  if (f.range !== undefined) o.range = f.range;
  if (f.ranges !== undefined) o.ranges = f.ranges;
  if (f.resolution !== undefined) o.resolution = f.resolution;
  if (f.layer !== undefined) o.layer = f.layer;
  if (f.epoch !== undefined) o.epoch = f.epoch;
  if (f.mode !== undefined) o.mode = f.mode;
  if (f.azimuth !== undefined || f.elevation !== undefined) o.angle = { azimuth: f.azimuth ?? -35, elevation: f.elevation ?? 25 };
  if (f.test === false) o.showTest = false;
  if (f.step !== undefined) o.step = f.step;
  if (f.cell !== undefined) o.cell = f.cell;
  return o;
}
