/** Shared test helpers: fixtures and numeric comparisons. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fromRows } from "../src/core/matrix.ts";
import { GlassboxRandom } from "../src/core/random.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

/** Largest element-wise |a − b| / max(|b|, floor). */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-12): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return worst;
}

export const flatLayers = (layers: { W: number[][]; b: number[] }[]): number[] => layers.flatMap((l) => [...l.W.flat(), ...l.b]);

/** n points uniform in [−1, 1]², labelled 1 in the first and third quadrants: a small non-linear set for training tests. */
export function xorLike(n = 40, seed = 1) {
  const rng = new GlassboxRandom(seed);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.random() * 2 - 1;
    const b = rng.random() * 2 - 1;
    rows.push([a, b]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { X: fromRows(rows), Y: Float64Array.from(y) };
}

/**
 * Heap growth over `run`, the least of a few tries: garbage that other work in the same process
 * (the test runner, the JIT) leaves during one try is noise, while a real per-epoch allocation
 * shows in every try.
 */
export function heapGrowth(run: () => void, tries = 3): number {
  let least = Infinity;
  for (let k = 0; k < tries; k++) {
    const before = process.memoryUsage().heapUsed;
    run();
    least = Math.min(least, process.memoryUsage().heapUsed - before);
  }
  return least;
}
