/** Every target shape (issue 10) and classes that must match the output (issue 12). */
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { runExperiment } from "../../src/experiment/run.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { predict } from "../../src/nn/predict.ts";

const X = [[-2, 0], [-1, 0.5], [0, 1], [1, -0.5], [2, 0], [3, 1]];
const exp = (over: Record<string, unknown>, files: Record<string, string> = {}) => prepareExperiment(validateExperiment({ train: { epochs: 5 }, ...over }), (p) => files[p]);
const layers = (units: number, activation: string) => ({ layers: [{ units: 4, activation: "tanh" }, { units, activation }] });
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isUserError(e)) return e.message;
    throw e;
  }
  throw new Error("accepted");
};

describe("integer labels are unit indices (Keras' sparse convention)", () => {
  it("labels 1 and 2 under a 3-unit softmax go to units 1 and 2", () => {
    const p = exp({ data: { X, y: [1, 2, 1, 2, 2, 1] }, model: layers(3, "softmax") });
    expect(p.model.classes).toEqual([0, 1, 2]);
    expect(Array.from(p.data.Y.subarray(0, 6))).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it("a label beyond the units is refused with the fix", () => {
    expect(message(() => exp({ data: { X, y: [1, 2, 3, 1, 2, 3] }, model: layers(3, "softmax") }))).toMatch(
      /^model\.layers\[1\]: whole-number labels are unit indices 0…2 of the 3-unit softmax, but the target has 3: list the labels as "classes": \[1, 2, 3\]/,
    );
  });

  it("listed classes set the order (scikit-learn's classes_)", () => {
    const p = exp({ data: { X, y: [3, 1, 2, 1, 2, 3] }, model: layers(3, "softmax"), classes: [3, 2, 1] });
    expect(p.model.classes).toEqual([3, 2, 1]);
    expect(Array.from(p.data.Y.subarray(0, 3))).toEqual([1, 0, 0]);
    expect(message(() => exp({ data: { X, y: [3, 1, 2, 1, 2, 4] }, model: layers(3, "softmax"), classes: [3, 2, 1] }))).toMatch(/^data\.y: label 4 \(row 5\) is not one of the listed classes \(3, 2, 1\)/);
  });
});

describe("classes must match the output", () => {
  it("one string class under a sigmoid", () => {
    expect(message(() => exp({ data: { X, y: ["cat", "cat", "cat", "cat", "cat", "cat"] }, model: layers(1, "sigmoid") }))).toMatch(/only one class \("cat"\), and a classifier needs two/);
  });
  it("two string classes under a 3-unit softmax", () => {
    expect(message(() => exp({ data: { X, y: ["a", "b", "a", "b", "a", "b"] }, model: layers(3, "softmax") }))).toMatch(/the target has 2 classes \("a", "b"\) but the softmax output has 3 units: set the last layer's units to 2/);
  });
  it("classes [0, 1, 2] on one sigmoid unit", () => {
    expect(message(() => exp({ data: { X, y: [0, 1, 0, 1, 0, 1] }, model: layers(1, "sigmoid"), classes: [0, 1, 2] }))).toMatch(/^classes: lists 3 classes \(0, 1, 2\) but the output layer is 1 sigmoid unit/);
  });
  it("classes on a regression output", () => {
    expect(message(() => exp({ data: { X, y: [0, 1, 0, 1, 0, 1] }, model: layers(1, "linear"), classes: [0, 1] }))).toMatch(/^classes: lists classes, but the linear output layer does regression/);
  });
  it("labels mixing 0 and \"1\"", () => {
    expect(message(() => exp({ data: { X, y: [0, "1", 0, "1", 0, "1"] }, model: layers(1, "sigmoid") }))).toBe('data.y: the labels mix numbers (0) and strings ("1"): write every label the same way, all numbers or all strings');
  });
  it('a "NaN" cell in a 0/1 CSV column is named by line and column', () => {
    const csv = "a,b,y\n0,0,0\n1,1,1\n2,0,NaN\n3,1,1\n";
    expect(message(() => exp({ data: { csv: "d.csv", target: "y" }, model: layers(1, "sigmoid") }, { "d.csv": csv }))).toMatch(/^d\.csv line 4, column "y": "NaN" is not a number, but the column's other cells are/);
  });
});

describe("one-hot targets and several regression outputs", () => {
  const onehot = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]];
  it("one-hot rows under a softmax: the classes are the units (or the listed classes)", () => {
    const p = exp({ data: { X, y: onehot }, model: layers(3, "softmax") });
    expect(p.model.classes).toEqual([0, 1, 2]);
    expect(p.split.train.y).toEqual([0, 1, 2, 0, 1, 2]);
    expect(Array.from(p.data.Y)).toEqual(onehot.flat());
    const named = exp({ data: { X, y: onehot }, model: layers(3, "softmax"), classes: ["r", "g", "b"] });
    expect(named.split.train.y).toEqual(["r", "g", "b", "r", "g", "b"]);
    runExperiment(named);
    expect(["r", "g", "b"]).toContain(predict(named.model, named.split.train.X)[0]);
  });
  it("a row that is not one-hot, or of the wrong width", () => {
    expect(message(() => exp({ data: { X, y: [...onehot.slice(0, 5), [0.2, 0.8, 0]] }, model: layers(3, "softmax") }))).toMatch(/^data\.y\[5\]: \[0\.2, 0\.8, 0\] is not one-hot/);
    expect(message(() => exp({ data: { X, y: onehot }, model: layers(4, "softmax") }))).toMatch(/one-hot rows of 3 values, but the softmax output has 4 units: set the last layer's units to 3/);
    expect(message(() => exp({ data: { X, y: onehot }, model: layers(1, "sigmoid") }))).toMatch(/a softmax output with 3 units/);
  });
  it("several regression outputs train every column", () => {
    const y = X.map(([a, b]) => [a + b, a - b]);
    const p = exp({ data: { X, y }, model: layers(2, "linear"), train: { optimizer: "adam", learningRate: 0.05, epochs: 300 } });
    expect(Array.from(p.data.Y)).toEqual(y.flat());
    const { result } = runExperiment(p);
    expect(result.history.loss.at(-1)!).toBeLessThan(result.history.loss[0] / 5);
    expect(message(() => exp({ data: { X, y }, model: layers(3, "linear") }))).toMatch(/the targets have 2 values per row but the output layer has 3 units/);
  });
  it("a 2-unit linear output with one target per row is refused", () => {
    expect(message(() => exp({ data: { X, y: [1, 2, 3, 4, 5, 6] }, model: layers(2, "linear") }))).toMatch(/^model\.layers\[1\]: one target value per row, but the output layer has 2 linear units: give 2 values per row/);
  });
  it("rows mixing lists and single values", () => {
    expect(message(() => exp({ data: { X, y: [[1, 2], 3, [1, 2], [1, 2], [1, 2], [1, 2]] }, model: layers(2, "linear") }))).toMatch(/^data\.y\[1\]: 3 is a single value, but other rows are lists/);
  });
  it("several CSV target columns: one-hot and regression, with a split column", () => {
    const csv = ["a,b,r,g,split", "0,0,1,0,train", "1,1,0,1,train", "2,0,1,0,test", "3,1,0,1,train"].join("\n");
    const p = exp({ data: { csv: "d.csv", target: ["r", "g"], splitColumn: "split" }, model: layers(2, "softmax") }, { "d.csv": csv });
    expect(p.split.train.y).toEqual([0, 1, 1]);
    expect(Array.from(p.data.testY!)).toEqual([1, 0]);
    const q = exp({ data: { csv: "d.csv", target: ["r", "g"], splitColumn: "split" }, model: layers(2, "linear") }, { "d.csv": csv });
    expect(Array.from(q.data.Y)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(q.model.targetName).toBe("r,g");
    const bad = csv.replace("1,1,0,1,train", "1,1,0,x,train");
    expect(message(() => exp({ data: { csv: "d.csv", target: ["r", "g"], splitColumn: "split" }, model: layers(2, "linear") }, { "d.csv": bad }))).toMatch(/^d\.csv line 3, column "g": "x" is not a number/);
  });
});

describe("divergence and out-of-range targets", () => {
  it("a loss that grows by orders of magnitude stops training, names the epoch and keeps the last good parameters", () => {
    const p = exp({ data: { dataset: "moons", samples: 100, seed: 3 }, model: layers(1, "sigmoid"), train: { optimizer: "adam", learningRate: 1e6, epochs: 200 } });
    const start = Float64Array.from(p.model.params);
    const m = message(() => runExperiment(p));
    expect(m).toMatch(/^training diverged at epoch (\d+): the loss grew from [\d.]+ \(epoch \d+\) to [\d.e+]+\. Lower train\.learningRate \(now 1000000\)/);
    expect(p.model.params.every(Number.isFinite)).toBe(true);
    // Epoch k's loss is that of the parameters it started from: those of epoch k − 1 are kept.
    if (Number(/epoch (\d+)/.exec(m)![1]) === 2) expect(Array.from(p.model.params)).toEqual(Array.from(start));
  });
  it("targets of 1e200 are out of range, said before training", () => {
    expect(message(() => exp({ data: { X, y: [1e200, 1, 2, 3, 4, 5] }, model: layers(1, "linear") }))).toMatch(/^data\.y: targets as large as 1\.00e\+200 are out of range \(their squared error overflows\): rescale the target values/);
  });
});
