/**
 * Labelled Gaussian groups, drawn feature by feature as the hidden-layer article does:
 * `np.random.seed(1); x1 = concat(normal(m₁[0], s₁[0], n₁), normal(m₂[0], s₂[0], n₂), …);
 * x2 = concat(normal(m₁[1], s₁[1], n₁), …)`. So with `rng: "numpy"` the points are the
 * article's own. Rows are the groups' samples in order (group 1's first); no shuffle.
 * `noise` is not used.
 *
 * Defaults: `groups` = the article's three (label 0 at (0.5, 0.5), sd (0.1, 0.2), 100 points;
 * label 1 at (0.2, 0.5) and at (0.8, 0.5), sd (0.05, 0.2), 50 points each), `seed` 0,
 * `rng` "glassbox".
 */
import { UserError } from "../core/errors.ts";
import { matrix } from "../core/matrix.ts";
import { gaussian } from "../core/random.ts";
import { generatorRandom } from "./options.ts";
import type { DatasetEntry } from "./dataset.ts";
import type { GaussianGroup, GeneratorOptions, Label, LabeledData } from "./types.ts";

export const ARTICLE_GROUPS: readonly GaussianGroup[] = [
  { mean: [0.5, 0.5], std: [0.1, 0.2], count: 100, label: 0 },
  { mean: [0.2, 0.5], std: [0.05, 0.2], count: 50, label: 1 },
  { mean: [0.8, 0.5], std: [0.05, 0.2], count: 50, label: 1 },
];

export function gaussianGroups(options: GeneratorOptions = {}): LabeledData {
  const groups = options.groups ?? ARTICLE_GROUPS;
  const d = checkGroups(groups);
  const rng = generatorRandom(options);
  const n = groups.reduce((sum, g) => sum + g.count, 0);
  const X = matrix(n, d);
  for (let j = 0; j < d; j++) {
    let row = 0;
    for (const g of groups) {
      for (let s = 0; s < g.count; s++, row++) X.data[row * d + j] = gaussian(rng, g.mean[j], g.std[j]);
    }
  }
  const y: Label[] = groups.flatMap((g) => new Array<Label>(g.count).fill(g.label));
  return { X, y };
}

/** Checks every group against the first one's feature count, which it returns. */
function checkGroups(groups: readonly GaussianGroup[]): number {
  if (!Array.isArray(groups) || groups.length === 0) throw new UserError("needs at least one group", "data.groups");
  const d = groups[0].mean?.length ?? 0;
  groups.forEach((g, i) => {
    const where = `data.groups[${i}]`;
    if (!Array.isArray(g.mean) || g.mean.length === 0 || g.mean.length !== d || !g.mean.every(Number.isFinite)) {
      throw new UserError(`must be ${d || "one or more"} finite numbers`, `${where}.mean`);
    }
    if (!Array.isArray(g.std) || g.std.length !== d || !g.std.every((s: number) => Number.isFinite(s) && s >= 0)) {
      throw new UserError(`must be ${d} numbers ≥ 0 (one per feature, like mean)`, `${where}.std`);
    }
    if (!Number.isInteger(g.count) || g.count < 0) throw new UserError(`must be a whole number ≥ 0, got ${g.count}`, `${where}.count`);
    if (typeof g.label !== "number" && typeof g.label !== "string") throw new UserError("must be a number or a string", `${where}.label`);
  });
  if (groups.every((g) => g.count === 0)) throw new UserError("every group has count 0", "data.groups");
  return d;
}

export const gaussianGroupsDataset: DatasetEntry<"gaussian-groups", null> = {
  name: "gaussian-groups",
  generate: gaussianGroups,
  task: "classification",
  doc: "labelled Gaussian groups drawn as the hidden-layer article does (`groups`; no `samples` or `noise`)",
  options: ["groups"],
  playground: null,
};
