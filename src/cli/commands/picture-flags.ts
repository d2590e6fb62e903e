/** Flags shared by `plot`, `animate` and `gallery`: parsers (commander) and their mapping to view options. */
import { InvalidArgumentError } from "commander";
import type { ViewOptions } from "../../viz/index.ts";
import { DEFAULT_ANGLE } from "../../viz/3d/camera.ts";

export function intFlag(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} needs a whole number ≥ ${min}, got "${v}"`);
    if (n > max) throw new InvalidArgumentError(`${flag} ${v} is more than the limit of ${max.toLocaleString("en-US")}; choose a smaller number`);
    return n;
  };
}

/** Sane limits of picture sizes, grids and frames (each at its limit is a large but finite file). */
export const LIMITS = { pixels: 10_000, resolution: 1_000, frames: 2_000, epochs: 100_000_000 } as const;

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

/** The view options a flag of the same name sets as is. */
const SAME_NAME = ["width", "height", "title", "param", "params", "range", "ranges", "resolution", "layer", "epoch", "mode", "step", "cell"] as const satisfies readonly (keyof ViewOptions)[];

/** Every flag that maps onto a view option: those above, and the ones `viewOptions` translates. */
export type PictureFlags = Pick<ViewOptions, (typeof SAME_NAME)[number]> & {
  azimuth?: number;
  elevation?: number;
  test?: boolean;
};

export function viewOptions(f: PictureFlags): ViewOptions {
  const o: Record<string, unknown> = {};
  for (const key of SAME_NAME) if (f[key] !== undefined) o[key] = f[key];
  if (f.azimuth !== undefined || f.elevation !== undefined) o.angle = { azimuth: f.azimuth ?? DEFAULT_ANGLE.azimuth, elevation: f.elevation ?? DEFAULT_ANGLE.elevation };
  if (f.test === false) o.showTest = false;
  return o as ViewOptions;
}
