/** The experiment's `inputs` (input feature maps): validation, preparation, the model carrying them. */
import { describe, expect, it } from "vitest";
import { toRows } from "../../src/core/matrix.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { modelFromJson, modelToJson } from "../../src/nn/serialize.ts";

const base = (patch: Record<string, unknown> = {}) => ({
  data: { dataset: "circles", samples: 40, seed: 3, testFraction: 0.25 },
  model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
  ...patch,
});
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("experiment inputs", () => {
  it("defaults to the raw columns", () => {
    const e = validateExperiment(base());
    expect(e.inputs).toBeNull();
    const p = prepareExperiment(e);
    expect(p.model.inputs).toBeNull();
    expect(p.split).toBe(p.raw);
    expect(modelToJson(p.model)).not.toHaveProperty("inputs");
  });

  it.each([
    [["x1", "tan(x2)"], 'inputs[1]: "tan(x2)" is not an input feature; write xK, xK^2, xJ*xK, sin(xK) or cos(xK) (K = 1, 2, … or a column\'s name)'],
    [["x1^3"], 'inputs[0]: "x1^3" is not an input feature; write xK, xK^2'],
    [[], "inputs: needs at least 1 entry"],
    ["x1", 'inputs: expected an array, got "x1"'],
    [["x1", 2], "inputs[1]: expected a string, got 2"],
  ])("rejects %j before any data is loaded", (inputs, expected) => {
    expect(message(() => validateExperiment(base({ inputs })))).toContain(expected);
  });

  it("rejects columns the data does not have, at inputs[i]", () => {
    const e = validateExperiment(base({ inputs: ["x1", "x2", "x3*x1"] }));
    expect(message(() => prepareExperiment(e))).toBe('inputs[2]: "x3" is out of range: the data has 2 feature columns (x1, x2); use x1 to x2 or a column\'s name');
    const csv = validateExperiment(base({ data: { csv: "d.csv", target: "y" }, inputs: ["sin(age)", "height"] }));
    expect(message(() => prepareExperiment(csv, () => "age,weight,y\n1,2,0\n3,4,1\n"))).toBe(
      'inputs[1]: "height" is not a feature column: the data\'s are "age", "weight" (or x1 to x2 by position)',
    );
  });

  it("maps the data after loading and before scaling: the scaler fits the mapped features", () => {
    const inputs = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"];
    const p = prepareExperiment(validateExperiment(base({ inputs, scale: "standard" })));
    const raw = toRows(p.raw.train.X);
    const mapped = raw.map(([a, b]) => [a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b)]);
    expect(toRows(p.split.train.X)).toEqual(mapped);
    expect(toRows(p.split.test!.X)).toEqual(toRows(p.raw.test!.X).map(([a, b]) => [a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b)]));
    expect(p.split.featureNames).toEqual(inputs);
    expect(p.raw.featureNames).toEqual(["x1", "x2"]);
    expect(p.model.inputSize).toBe(7);
    expect(p.model.featureNames).toEqual(["x1", "x2"]);
    expect(p.model.inputs).toEqual(inputs);
    const means = inputs.map((_, j) => mapped.reduce((s, r) => s + r[j], 0) / mapped.length);
    p.model.scaler!.mean.forEach((m, j) => expect(m).toBeCloseTo(means[j], 12));
    expect(Math.abs(p.data.X.data[2] - (mapped[0][2] - p.model.scaler!.mean[2]) / p.model.scaler!.scale[2])).toBeLessThan(1e-15);
  });

  it("uses CSV column names and trims the names it keeps", () => {
    const csv = "age,weight,y\n1,2,0\n3,4,1\n";
    const p = prepareExperiment(validateExperiment(base({ data: { csv: "d.csv", target: "y" }, inputs: [" sin(age) ", "age*weight", "x2"] })), () => csv);
    expect(toRows(p.split.train.X)).toEqual([[Math.sin(1), 2, 2], [Math.sin(3), 12, 4]]);
    expect(p.model.inputs).toEqual(["sin(age)", "age*weight", "x2"]);
    expect(p.model.featureNames).toEqual(["age", "weight"]);
  });

  it("init.params are shaped by the mapped inputs", () => {
    const e = validateExperiment(base({ inputs: ["x1", "x2", "x1*x2"], init: { params: [{ W: [[1, 2]], b: [0] }, { W: [[1]], b: [0] }] } }));
    expect(message(() => prepareExperiment(e))).toBe("init.params: layer 1: W must be 3×3 (the inputs give 3 features)");
  });

  it("the model file carries the inputs; files without them (older ones) still load", () => {
    const p = prepareExperiment(validateExperiment(base({ inputs: ["x1^2", "x2^2"] })));
    const json = JSON.parse(JSON.stringify(modelToJson(p.model)));
    expect(json.inputs).toEqual(["x1^2", "x2^2"]);
    expect(json.featureNames).toEqual(["x1", "x2"]);
    const back = modelFromJson(json);
    expect(back.inputs).toEqual(["x1^2", "x2^2"]);
    expect(Array.from(back.params)).toEqual(Array.from(p.model.params));
    expect(() => modelFromJson({ ...json, inputs: ["x1^2"] })).toThrow("model.inputs: has 1 names, expected 2");
    expect(() => modelFromJson({ ...json, inputs: "x1" })).toThrow('model.inputs: expected a list of names, got "x1"');

    const old = {
      format: "glassbox-model", version: 1, inputSize: 2,
      layers: [{ units: 1, activation: "sigmoid", W: [[1, -1]], b: [0.5] }],
      loss: "binary-crossentropy", classes: [0, 1], scaler: null, featureNames: ["x1", "x2"], targetName: "y",
    };
    expect(modelFromJson(old).inputs).toBeNull();
    expect(modelFromJson({ ...old, inputs: null }).inputs).toBeNull();
    expect(modelToJson(modelFromJson(old))).toEqual(old);
  });
});
