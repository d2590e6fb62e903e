/**
 * Random and mutated experiment files and CSVs thrown at the parsers: a valid result or one
 * user error (one line), never another exception, a hang or unbounded memory.
 */
import fc from "fast-check";
import { jsonValue as jsonArbitrary, mutate } from "./json-arbitraries.ts";
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { parseCsvData } from "../../src/data/csv.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";

const jsonValue = jsonArbitrary({ maxInt: 70, maxString: 6, maxKey: 8 });

const CSV = "a,b,y,split\n0.5,1,0,train\n-1,2,1,train\n3,0.25,0,test\n2,2,1,train\n";
const BASES: unknown[] = [
  { data: { dataset: "moons", samples: 30, seed: 1, testFraction: 0.2 }, model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { epochs: 3 } },
  { data: { X: [[0, 1], [1, 0], [2, 2], [3, 1]], y: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]] }, model: { layers: [{ units: 3, activation: "softmax" }] }, classes: ["r", "g", "b"], scale: "standard" },
  { data: { csv: "d.csv", target: "y", splitColumn: "split" }, inputs: ["a", "b", "a*b"], model: { layers: [{ units: 2, activation: "relu" }, { units: 1, activation: "sigmoid" }] }, init: { scheme: "normal", scale: 0.1, seed: 2, rng: "numpy" }, train: { optimizer: "sgd", batchSize: 2, momentum: 0.9 } },
  { data: { X: [[0], [1], [2]], y: [[1, 2], [2, 3], [3, 4]] }, model: { layers: [{ units: 2, activation: "linear" }] }, train: { optimizer: "lbfgs" }, record: { every: 1, paramsAt: [0, 1] } },
];

function expectUserErrorOrValue(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(isUserError(e), String((e as Error)?.stack ?? e)).toBe(true);
    expect((e as Error).message).not.toMatch(/\n/);
  }
}

describe("parsers under random input (property)", () => {
  it("mutated experiment files: prepared, or one user error", () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(fc.nat(), { maxLength: 6 }), jsonValue, fc.boolean(), (b, pick, v, remove) => {
        expectUserErrorOrValue(() => prepareExperiment(validateExperiment(mutate(BASES[b], pick, v, remove)), (p) => (p === "d.csv" ? CSV : undefined)));
      }),
      { numRuns: 600 },
    );
  });

  it("random JSON as an experiment file", () => {
    fc.assert(fc.property(jsonValue, (v) => expectUserErrorOrValue(() => validateExperiment(v))), { numRuns: 300 });
  });

  it("mutated and random CSV text", () => {
    const cell = fc.oneof(fc.constantFrom("0", "1", "-2.5", "1e3", "", "NaN", "x", '"', '""', '"a,b"', " 7 ", "\uFEFF"), fc.string({ maxLength: 4 }));
    const line = fc.tuple(fc.array(cell, { maxLength: 5 }), fc.constantFrom(",", ";", "\t", ",,")).map(([cells, sep]) => cells.join(sep));
    const text = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, end]) => lines.join(end));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 60 })), fc.constantFrom("y", "a", "b"), (t, target) => {
        expectUserErrorOrValue(() => parseCsvData("a,b,y\n" + t, { target }, "d.csv"));
        expectUserErrorOrValue(() => parseCsvData(t, { target, splitColumn: "split" }, "d.csv"));
      }),
      { numRuns: 500 },
    );
  });
});
