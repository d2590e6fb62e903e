import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { fromRows, toRows } from "../../src/core/matrix.ts";
import { featureMap, mapInputs, mapSplit, parseFeatureName } from "../../src/data/feature-map.ts";
import { thrown } from "./helpers.ts";

const SEVEN = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"];
const error = (f: () => unknown): { message: string; where: string | undefined } => {
  const e = thrown(f);
  expect(isUserError(e)).toBe(true);
  return { message: e.message, where: (e as { where?: string }).where };
};

describe("input feature maps", () => {
  it("parses every form, with spaces around operators", () => {
    expect(parseFeatureName("x1")).toEqual({ op: "column", operands: ["x1"] });
    expect(parseFeatureName("x2^2")).toEqual({ op: "square", operands: ["x2"] });
    expect(parseFeatureName(" x1 * x2 ")).toEqual({ op: "product", operands: ["x1", "x2"] });
    expect(parseFeatureName("sin( x1 )")).toEqual({ op: "sin", operands: ["x1"] });
    expect(parseFeatureName("cos(x3)")).toEqual({ op: "cos", operands: ["x3"] });
    expect(parseFeatureName("sin(petal length)")).toEqual({ op: "sin", operands: ["petal length"] });
    expect(parseFeatureName("age ^ 2")).toEqual({ op: "square", operands: ["age"] });
  });

  it("rejects other forms, naming the accepted ones", () => {
    for (const bad of ["tan(x1)", "x1^3", "x1*x2*x3", "sin(x1)*x2", "sin(x1", "", "  ", "x1^", "*x2", "sin()"]) {
      expect(error(() => parseFeatureName(bad, "inputs[4]"))).toEqual({
        message: `inputs[4]: ${JSON.stringify(bad)} is not an input feature; write xK, xK^2, xJ*xK, sin(xK) or cos(xK) (K = 1, 2, … or a column's name)`,
        where: "inputs[4]",
      });
    }
  });

  it("computes TensorFlow Playground's seven as by hand", () => {
    const X = fromRows([[0.5, -2], [3, 0.25], [0, 0]]);
    const map = featureMap(SEVEN, ["x1", "x2"]);
    expect(map.names).toEqual(SEVEN);
    expect(map.rawColumns).toBe(2);
    const expected = [[0.5, -2], [3, 0.25], [0, 0]].map(([a, b]) => [a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b)]);
    expect(toRows(map.apply(X))).toEqual(expected);
    expect(toRows(map.apply(X))[0]).toEqual([0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)]);
    expect(toRows(featureMap(["cos(x2)", "x2*x1", "x1"], ["x1", "x2"]).apply(X))[1]).toEqual([Math.cos(0.25), 0.75, 3]);
  });

  it("names columns by position or by the data's names, a name before a position", () => {
    const X = fromRows([[1, 2, 3]]);
    expect(toRows(featureMap(["age*height", "sin(weight)", "x3^2"], ["age", "height", "weight"]).apply(X))).toEqual([[2, Math.sin(3), 9]]);
    // Columns called x2, x1 (in that order): "x1" is the column named x1, the second one.
    expect(toRows(featureMap(["x1", "x2^2"], ["x2", "x1"]).apply(fromRows([[5, 7]])))).toEqual([[7, 25]]);
    // Generated 1-D data calls its column "x"; x1 is the same column.
    expect(toRows(featureMap(["x", "x1^2"], ["x"]).apply(fromRows([[3]])))).toEqual([[3, 9]]);
  });

  it("rejects columns that are not there and repeats, at inputs[i] with the fix", () => {
    expect(error(() => featureMap(["x1", "x3^2"], ["x1", "x2"]))).toEqual({
      message: 'inputs[1]: "x3" is out of range: the data has 2 feature columns (x1, x2); use x1 to x2 or a column\'s name',
      where: "inputs[1]",
    });
    expect(error(() => featureMap(["sin(agee)"], ["age", "height"])).message).toBe(
      'inputs[0]: "agee" is not a feature column: the data\'s are "age", "height" (or x1 to x2 by position)',
    );
    expect(error(() => featureMap(["x0"], ["x"])).message).toBe('inputs[0]: "x0" is out of range: the data has 1 feature column (x); use x1 or a column\'s name');
    expect(error(() => featureMap(["x1*x2", "x2 * x1"], ["x1", "x2"])).message).toBe('inputs[1]: "x2 * x1" repeats inputs[0] ("x1*x2"); list each feature once');
    expect(error(() => featureMap(["x1", "x1^3"], ["x1", "x2"], "model.json: inputs")).where).toBe("model.json: inputs[1]");
    expect(error(() => featureMap([], ["x1"])).message).toBe("inputs: needs at least 1 entry");
  });

  it("maps both parts of a split, and a model's raw rows only when it has inputs", () => {
    const split = { train: { X: fromRows([[1, 2]]), y: [0] }, test: { X: fromRows([[3, 4]]), y: [1] }, featureNames: ["x1", "x2"], targetName: "y" };
    const m = mapSplit(split, featureMap(["x1*x2", "x2^2"], split.featureNames));
    expect([toRows(m.train.X), toRows(m.test!.X), m.featureNames, m.train.y, m.test!.y, m.targetName]).toEqual([[[2, 4]], [[12, 16]], ["x1*x2", "x2^2"], [0], [1], "y"]);
    const X = fromRows([[1, 2]]);
    expect(mapInputs({ inputs: null, featureNames: ["x1", "x2"] }, X)).toBe(X);
    expect(toRows(mapInputs({ inputs: ["x2", "x1^2", "cos(x1)"], featureNames: ["x1", "x2"] }, X))).toEqual([[2, 1, Math.cos(1)]]);
    expect(() => mapInputs({ inputs: ["x1"], featureNames: ["x1", "x2"] }, fromRows([[1]]))).toThrow(/reads 2 raw columns \(x1, x2\); X has 1/);
  });
});
