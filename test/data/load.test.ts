import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readTextFrom } from "../../src/cli/experiment-file.ts";
import { isUserError } from "../../src/core/errors.ts";
import { toRows } from "../../src/core/matrix.ts";
import { loadData, moons, trainTestSplit, type DataSpec } from "../../src/data/index.ts";
import { maxRelativeError, thrown } from "./helpers.ts";

const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const errorOf = (spec: unknown, dir = examples): { message: string; where: string | undefined } => {
  const e = thrown(() => loadData(spec as DataSpec, readTextFrom(dir)));
  expect(isUserError(e)).toBe(true);
  return { message: e.message, where: (e as { where?: string }).where };
};

describe("loadData", () => {
  it("reads moons-deep.json's csv relative to the experiment folder", () => {
    const d = loadData({ csv: "data/moons.csv", target: "y", features: ["x1", "x2"], splitColumn: "split" }, readTextFrom(examples));
    expect([d.train.X.rows, d.test?.X.rows]).toEqual([900, 100]);
    expect(d.featureNames).toEqual(["x1", "x2"]);
    expect(d.targetName).toBe("y");
  });

  it("generates and splits a dataset: splitSeed, else seed, with the generator's rng", () => {
    const spec = { dataset: "moons", samples: 1000, noise: 0.2, seed: 100, rng: "numpy", testFraction: 0.1, splitSeed: 42 } as const;
    const d = loadData(spec, readTextFrom(examples));
    const csv = loadData({ csv: "data/moons.csv", target: "y", splitColumn: "split" }, readTextFrom(examples));
    // the same rows to the last bit or two (V8's sin/cos/log against glibc's)
    expect(maxRelativeError(d.train.X.data, csv.train.X.data)).toBeLessThanOrEqual(1e-15);
    expect(maxRelativeError(d.test!.X.data, csv.test!.X.data)).toBeLessThanOrEqual(1e-15);
    expect([d.train.y, d.test!.y]).toEqual([csv.train.y, csv.test!.y]);
    expect(d.featureNames).toEqual(["x1", "x2"]);

    const bySeed = loadData({ dataset: "moons", samples: 50, seed: 3, testFraction: 0.2 }, readTextFrom(examples));
    const expected = trainTestSplit(moons({ samples: 50, seed: 3 }), 0.2, 3, "glassbox");
    expect(bySeed.test).toEqual(expected.test);
    expect(bySeed.test!.X.rows).toBe(10);
  });

  it("gives no test set without testFraction, and names one feature x", () => {
    const d = loadData({ dataset: "line", samples: 12 }, readTextFrom(examples));
    expect(d.test).toBeNull();
    expect(d.featureNames).toEqual(["x"]);
  });

  it("takes inline X/y and splits them on request", () => {
    const X = [[-1.51], [-1.29], [0.13], [1.44]];
    const d = loadData({ X, y: [0, 0, 1, 0] }, readTextFrom(examples));
    expect(toRows(d.train.X)).toEqual(X);
    expect(d.train.y).toEqual([0, 0, 1, 0]);
    const s = loadData({ X, y: ["a", "a", "b", "a"], testFraction: 0.25, seed: 1 }, readTextFrom(examples));
    expect([s.train.X.rows, s.test!.X.rows]).toEqual([3, 1]);
  });

  it("splits a csv without split column by testFraction, and refuses both at once", () => {
    const dir = mkdtempSync(join(tmpdir(), "glassbox-data-"));
    writeFileSync(join(dir, "d.csv"), "x,y\n" + Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join("\n"));
    const d = loadData({ csv: "d.csv", target: "y", testFraction: 0.3, seed: 5 }, readTextFrom(dir));
    expect([d.train.X.rows, d.test!.X.rows]).toEqual([7, 3]);
    expect([...d.train.X.data, ...d.test!.X.data].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(errorOf({ csv: "data/moons.csv", target: "y", splitColumn: "split", testFraction: 0.1 }).message).toBe(
      'data.testFraction: cannot be used with splitColumn ("split" already splits the file); drop one',
    );
  });

  it("reports a missing csv with the path as written", () => {
    expect(errorOf({ csv: "x.csv", target: "y" })).toEqual({
      message: 'data.csv: file "x.csv" not found (paths are relative to the experiment file)',
      where: "data.csv",
    });
    expect(errorOf({ csv: "data", target: "y" }).where).toBe("data.csv");
    expect(thrown(() => loadData({ csv: "x.csv", target: "y" })).message).toBe('data.csv: file "x.csv" not found (paths are relative to the experiment file)');
  });

  it("takes the csv as text from whatever supplies it (the page has no file system)", () => {
    const asked: string[] = [];
    const files: Record<string, string> = { "data/d.csv": "a,b,y\n1,2,0\n3,4,1\n" };
    const d = loadData({ csv: "data/d.csv", target: "y" }, (p) => (asked.push(p), files[p]));
    expect(asked).toEqual(["data/d.csv"]);
    expect(toRows(d.train.X)).toEqual([[1, 2], [3, 4]]);
    expect([d.featureNames, d.targetName, d.train.y]).toEqual([["a", "b"], "y", [0, 1]]);
  });

  it("names the JSON path of a bad inline value", () => {
    expect(errorOf({ X: [[1, 2], [3, 4], [5, 6], [7]], y: [0, 1, 0, 1] })).toEqual({ message: "data.X[3]: has 1 values, row 0 has 2", where: "data.X[3]" });
    expect(errorOf({ X: [[1], [null]], y: [0, 1] }).message).toBe("data.X[1][0]: null is not a finite number");
    expect(errorOf({ X: [[1], ["2"]], y: [0, 1] }).message).toBe('data.X[1][0]: "2" is not a finite number');
    expect(errorOf({ X: [], y: [] }).message).toBe("data.X: must be a non-empty list of rows (samples × features)");
    expect(errorOf({ X: [[1], [2]], y: [0] }).message).toBe("data.y: has 1 labels, X has 2 rows");
    expect(errorOf({ X: [[1], [2]], y: [0, true] }).message).toBe("data.y[1]: true is not a number or a non-empty string");
  });

  it("checks testFraction", () => {
    expect(errorOf({ X: [[1], [2]], y: [0, 1], testFraction: 1.5 }).message).toBe(
      "data.testFraction: must be a number between 0 and 1 (exclusive), got 1.5",
    );
    expect(errorOf({ X: [[1], [2]], y: [0, 1], testFraction: 0.9 }).message).toBe(
      "data.testFraction: 0.9 of 2 samples leaves none to train on",
    );
  });
});
