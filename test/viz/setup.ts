/**
 * The picture tests' inputs: frozen parameter fixtures (test/fixtures/views/, written by
 * scripts/freeze-view-fixtures.ts), not models trained here. A numeric change in the engine
 * leaves them, and so the snapshots, as they are; only a change to the drawing moves a picture.
 */
import { readFileSync } from "node:fs";
import { matrix } from "../../src/core/matrix.ts";
import type { LabeledData } from "../../src/data/types.ts";
import type { History } from "../../src/nn/history.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import type { Trace } from "../../src/nn/trace.ts";
import type { ViewInput } from "../../src/viz/index.ts";
import { VIEW_FIXTURES, type FixtureName } from "./fixture-cases.ts";

export { VIEW_FIXTURES, type FixtureName };

/** Every fixture but the duplicates trained longer for one test. */
export const FIXTURE_NAMES = (Object.keys(VIEW_FIXTURES) as FixtureName[]).filter((n) => !n.endsWith("-converged"));

interface Rows {
  X: number[][];
  y: (number | string)[];
}

const data = (r: Rows): LabeledData => {
  const cols = r.X[0]?.length ?? 0;
  return { X: matrix(r.X.length, cols, Float64Array.from(r.X.flat())), y: r.y };
};
const nan = (a: (number | null)[] | undefined): number[] | undefined => a?.map((v) => (v === null ? NaN : v));

const cache = new Map<FixtureName, string>();

/** A fresh ViewInput from a frozen fixture (each call its own copy: a test may change it). */
export function frozen(name: FixtureName): ViewInput {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../fixtures/views/${name}.json`, import.meta.url), "utf8");
    cache.set(name, text);
  }
  const f = JSON.parse(text);
  const h = f.run.history;
  const history: History = { ...h, accuracy: nan(h.accuracy)!, ...(h.testAccuracy ? { testAccuracy: nan(h.testAccuracy) } : {}) };
  return {
    model: modelFromJson(f.model),
    split: { featureNames: f.split.featureNames, targetName: f.split.targetName, train: data(f.split.train), test: f.split.test ? data(f.split.test) : null },
    run: { history, snapshots: f.run.snapshots },
    ...(f.trace ? { trace: f.trace as Trace } : {}),
  };
}
