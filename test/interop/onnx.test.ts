/**
 * ONNX: graphs written by torch.onnx.export (scripts/reference/torch_onnx.py) imported and compared
 * with PyTorch's predictions; Glassbox's exports run in onnxruntime-web and compared, and brought back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-web";
import { beforeAll, describe, expect, it } from "vitest";
import { matrix } from "../../src/core/matrix.ts";
import { modelToOnnx, onnxToModelJson } from "../../src/interop/onnx.ts";
import { sklearnToModelJson } from "../../src/interop/sklearn.ts";
import { modelToTfjs, tfjsToModelJson } from "../../src/interop/tfjs.ts";
import { initialize } from "../../src/nn/init.ts";
import { createModel, type Model } from "../../src/nn/model.ts";
import { predictOutput } from "../../src/nn/predict.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { GLASSBOX_ONNX } from "../../scripts/reference/glassbox_onnx.ts";
import { fixture, ROOT } from "../helpers.ts";

const DIR = join(ROOT, "test", "fixtures", "interop");
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const expected = fixture("interop/torch-expected.json");
const rows = (X: number[][]) => matrix(X.length, X[0].length, Float64Array.from(X.flat()));
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3) => Math.max(...Array.from(b, (v, i) => Math.abs(a[i] - v) / Math.max(Math.abs(v), floor)));

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

async function runOrt(bytes: Uint8Array, X: number[][], dtype: "float32" | "float64"): Promise<Float64Array> {
  const session = await ort.InferenceSession.create(bytes);
  const flat = X.flat();
  const input = new ort.Tensor(dtype, dtype === "float32" ? Float32Array.from(flat) : Float64Array.from(flat), [X.length, X[0].length]);
  const result = await session.run({ input });
  await session.release();
  return Float64Array.from(result.output.data as Float32Array);
}

describe("import --from onnx (torch.onnx.export, IR 7, opset 13)", () => {
  for (const [name, tol] of [["mlp", 1e-5], ["softmax", 1e-12], ["matmul", 1e-5]] as const) {
    it(`${name} (${expected[name].ops.join(", ")}): predicts what PyTorch predicted`, () => {
      const e = expected[name];
      expect([e.irVersion, e.opset]).toEqual([7, 13]);
      const model = modelFromJson(onnxToModelJson(bytesOf(`torch-${name}.onnx`)));
      expect(maxRel(predictOutput(model, rows(e.X)).data, e.predict.flat())).toBeLessThan(tol);
    });
  }

  it("reads the layers and the task from the operators", () => {
    const mlp = onnxToModelJson(bytesOf("torch-mlp.onnx"));
    expect(mlp.layers.map((l) => `${l.units} ${l.activation}`)).toEqual(["6 relu", "4 tanh", "1 sigmoid"]);
    expect([mlp.inputSize, mlp.classes, mlp.loss]).toEqual([3, [0, 1], "binary-crossentropy"]);
    expect(onnxToModelJson(bytesOf("torch-softmax.onnx")).classes).toEqual([0, 1, 2]);
    const mm = onnxToModelJson(bytesOf("torch-matmul.onnx"));
    expect(mm.layers.map((l) => `${l.units} ${l.activation}`)).toEqual(["4 relu", "2 linear"]);
    expect(mm.classes).toBeNull();
  });

  it("refuses an unknown operator, naming it and its node", () => {
    expect(() => onnxToModelJson(bytesOf("torch-leaky.onnx"), "leaky.onnx")).toThrow(/^leaky\.onnx: node 1 "[^"]*" \(LeakyRelu\): operator LeakyRelu is not supported; Glassbox imports Gemm, MatMul \+ Add/);
  });

  it("refuses a truncated file and bytes that are not ONNX, in one line", () => {
    const whole = bytesOf("torch-mlp.onnx");
    for (const cut of [10, 100, whole.length - 7]) {
      expect(() => onnxToModelJson(whole.slice(0, cut), "m.onnx")).toThrow(/^m\.onnx: not (a complete ONNX file|an ONNX model)/);
    }
    expect(() => onnxToModelJson(new TextEncoder().encode("{\"format\": \"glassbox-model\"}"), "m.onnx")).toThrow(/^m\.onnx: not an? (complete )?ONNX/);
  });

  it("answers every truncation and damaged byte with a user error, never a crash", () => {
    const whole = bytesOf("torch-matmul.onnx");
    const outcomes = new Set<string>();
    const attempt = (bytes: Uint8Array) => {
      try {
        onnxToModelJson(bytes, "m.onnx");
        outcomes.add("read");
      } catch (e) {
        expect((e as Error).name).toBe("UserError");
        outcomes.add("refused");
      }
    };
    for (let cut = 0; cut < whole.length; cut += 3) attempt(whole.slice(0, cut));
    for (let i = 0; i < whole.length; i += 2) {
      const damaged = whole.slice();
      damaged[i] ^= 0xa5;
      attempt(damaged);
    }
    expect(outcomes.has("refused")).toBe(true);
  });

  it("refuses weights whose shapes do not chain", () => {
    // A Glassbox export whose second weight is re-declared with other dims (same bytes).
    const model = createModel({ inputSize: 2, layers: [{ units: 3, activation: "relu" }, { units: 2, activation: "linear" }], loss: "mse" });
    initialize(model, { scheme: "normal", seed: 1 });
    const bytes = modelToOnnx(model, { dtype: "float64" });
    // layer2.W is [2, 3]: find the dims 2, 3 right before its data type and name, make them [3, 2].
    const name = new TextEncoder().encode("layer2.W");
    const at = indexOf(bytes, Uint8Array.of(0x10, 0x0b, 0x42, name.length, ...name)) + 4;
    const patched = bytes.slice();
    // tensor fields: dims (1) = 2, dims (1) = 3, data_type (2) = 11, name (8): 08 02 08 03 10 0b 42 …
    expect(Array.from(patched.subarray(at - 8, at - 2))).toEqual([0x08, 0x02, 0x08, 0x03, 0x10, 0x0b]);
    patched[at - 7] = 3;
    patched[at - 5] = 2;
    expect(() => onnxToModelJson(patched, "m.onnx")).toThrow(/^m\.onnx: node 2 "layer2\/Gemm" \(Gemm\): its weight "layer2\.W" \[3, 2\] takes 2 values but the previous layer gives 3: the shapes do not chain/);
  });
});

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe("export --to onnx", () => {
  const sk = (name: string) => modelFromJson(sklearnToModelJson(fixture(`interop/sklearn-${name}.json`)));
  const multi = createModel({ inputSize: 3, layers: [{ units: 5, activation: "tanh" }, { units: 4, activation: "relu" }, { units: 3, activation: "softmax" }], loss: "categorical-crossentropy", classes: ["a", "b", "c"], featureNames: ["p", "q", "r"], targetName: "kind" });
  initialize(multi, { scheme: "normal", scale: 0.8, seed: 3 });
  const cases: [string, Model, number[][]][] = [
    ["binary (scaler, relu)", sk("binary"), fixture("interop/sklearn-expected.json").binary.X],
    ["multiclass (scaler, tanh, softmax)", sk("multiclass"), fixture("interop/sklearn-expected.json").multiclass.X],
    ["regression (two linear outputs)", sk("regression2"), fixture("interop/sklearn-expected.json").regression2.X],
    ["tanh, relu, softmax", multi, [[1, 2, 3], [-1, 0.5, 2], [4, -3, 0]]],
  ];

  for (const [name, model, X] of cases) {
    it(`${name}: onnxruntime predicts the same, float64 to 1e-12 and float32 to float32 precision`, async () => {
      const mine = predictOutput(model, rows(X)).data;
      expect(maxRel(await runOrt(modelToOnnx(model, { dtype: "float64" }), X, "float64"), mine, 1e-9)).toBeLessThan(1e-12);
      expect(maxRel(await runOrt(modelToOnnx(model), X, "float32"), mine)).toBeLessThan(1e-5);
    });

    it(`${name}: comes back exactly from float64, to float32 precision from float32`, () => {
      const back = modelFromJson(onnxToModelJson(modelToOnnx(model, { dtype: "float64" })));
      expect(Array.from(back.params)).toEqual(Array.from(model.params));
      expect([back.classes, back.scaler, back.featureNames, back.targetName, back.loss]).toEqual([model.classes, model.scaler, model.featureNames, model.targetName, model.loss]);
      expect(Array.from(predictOutput(back, rows(X)).data)).toEqual(Array.from(predictOutput(model, rows(X)).data));
      const back32 = modelFromJson(onnxToModelJson(modelToOnnx(model)));
      expect(Array.from(back32.params)).toEqual(Array.from(Float32Array.from(model.params)));
    });
  }

  it("keeps a model's input feature map and raw columns through ONNX and TF.js", () => {
    const mapped = createModel({ inputSize: 3, layers: [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }], loss: "binary-crossentropy", classes: [0, 1], featureNames: ["a", "b"], inputs: ["a", "b", "a*b"] });
    initialize(mapped, { scheme: "normal", seed: 5 });
    const viaOnnx = modelFromJson(onnxToModelJson(modelToOnnx(mapped, { dtype: "float64" })));
    const tf = modelToTfjs(mapped);
    const viaTfjs = modelFromJson(tfjsToModelJson(tf.modelJson, () => tf.weights));
    for (const back of [viaOnnx, viaTfjs]) expect([back.inputs, back.featureNames]).toEqual([["a", "b", "a*b"], ["a", "b"]]);
  });

  it("writes the bytes onnx.checker accepted (IR 8, opset 13)", () => {
    const checked = fixture("interop/glassbox-onnx-checked.json");
    for (const [file, source, dtype] of GLASSBOX_ONNX) {
      expect(checked[file]).toMatchObject({ ok: true, irVersion: 8, opset: 13 });
      const model = modelFromJson(sklearnToModelJson(fixture(`interop/${source}`)));
      expect(Buffer.from(modelToOnnx(model, { dtype })).equals(Buffer.from(bytesOf(file)))).toBe(true);
    }
  });
});
