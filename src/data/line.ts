/**
 * A one-feature set like the one-feature walkthrough's: `samples` points `x` uniform in
 * [−1.5, 1.5), sorted ascending; label 1 when −0.5 ≤ x ≤ 0.5, else 0. Then each label, in
 * sorted order, is flipped with probability `noise` (one uniform draw per point, drawn only
 * when `noise` > 0). Feature name "x".
 *
 * Defaults: `samples` 40, `noise` 0 (must be ≤ 1), `seed` 0, `rng` "glassbox".
 */
import { matrix } from "../core/matrix.ts";
import { uniform } from "../core/random.ts";
import { generatorRandom, noiseLevel, sampleCount } from "./options.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";

export function line(options: GeneratorOptions = {}): LabeledData {
  const n = sampleCount(options, 40);
  const noise = noiseLevel(options, 0, 1);
  const rng = generatorRandom(options);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = uniform(rng, -1.5, 1.5);
  xs.sort();
  const y = Array.from(xs, (x) => {
    const inside = x >= -0.5 && x <= 0.5 ? 1 : 0;
    return noise > 0 && rng.random() < noise ? 1 - inside : inside;
  });
  return { X: matrix(n, 1, xs), y };
}

export const lineDataset: DatasetEntry<"line", null> = {
  name: "line",
  generate: line,
  task: "classification",
  doc: "one feature x, label 1 for −0.5 ≤ x ≤ 0.5 (the one-feature walkthrough's kind)",
  options: ["samples", "noise"],
  playground: null,
};
