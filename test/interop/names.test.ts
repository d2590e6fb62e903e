/**
 * Every format's names come from the registries' entries: each registered activation, in each
 * place a format can hold it, is written and read back as itself, or refused with a UserError
 * naming it; each loss is written into the PyTorch script from its entry, or refused.
 */
import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { defaultLoss } from "../../src/experiment/experiment.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { KERAS_ACTIVATIONS, ONNX_ACTIVATIONS, SKLEARN_HIDDEN, SKLEARN_OUTPUT } from "../../src/interop/names.ts";
import { modelToOnnx, onnxToModelJson } from "../../src/interop/onnx.ts";
import { experimentToPytorch } from "../../src/interop/pytorch.ts";
import { modelToSklearn, sklearnToModelJson } from "../../src/interop/sklearn.ts";
import { modelToTfjs, tfjsToModelJson } from "../../src/interop/tfjs.ts";
import { activation, ACTIVATION_NAMES, type ActivationName } from "../../src/nn/activations.ts";
import { loss, LOSS_NAMES } from "../../src/nn/losses.ts";
import { createModel, type Model } from "../../src/nn/model.ts";
import type { ModelJson } from "../../src/nn/serialize.ts";

/** The layers' activations after a round trip, or the refusal's message (which must be a UserError). */
function roundTrip(write: () => ModelJson): string[] | string {
  try {
    return write().layers.map((l) => l.activation);
  } catch (e) {
    if (!isUserError(e)) throw e;
    return e.message;
  }
}

const FORMATS: Record<string, (m: Model) => ModelJson> = {
  onnx: (m) => onnxToModelJson(modelToOnnx(m, { dtype: "float64" })),
  tfjs: (m) => {
    const { modelJson, weights } = modelToTfjs(m);
    return tfjsToModelJson(JSON.parse(JSON.stringify(modelJson)), () => weights);
  },
  sklearn: (m) => sklearnToModelJson(JSON.parse(JSON.stringify(modelToSklearn(m)))),
};

/** Whether a format has a name for the activation in that place (hidden or output). */
function named(format: string, a: ActivationName, hidden: boolean): boolean {
  const i = activation(a).interop;
  if (format === "onnx") return i.onnx !== undefined;
  if (format === "tfjs") return i.keras !== undefined;
  return (hidden ? i.sklearn?.hidden : i.sklearn?.output) === true;
}

const classesFor = (a: ActivationName, units: number) => (activation(a).task === "regression" ? null : activation(a).task === "binary" && units === 1 ? [0, 1] : Array.from({ length: units }, (_, k) => k));

describe("each format's names for the activations", () => {
  for (const a of ACTIVATION_NAMES) {
    for (const format of Object.keys(FORMATS)) {
      it(`${a} in ${format}: written and read back as itself, or refused naming it`, () => {
        const places: { hidden: boolean; model: Model }[] = [
          { hidden: false, model: createModel({ inputSize: 2, layers: [{ units: 3, activation: "tanh" }, { units: 3, activation: a }], loss: defaultLoss(a), classes: classesFor(a, 3) }) },
        ];
        if (!activation(a).outputOnly) {
          places.push({ hidden: true, model: createModel({ inputSize: 2, layers: [{ units: 3, activation: a }, { units: 1, activation: "sigmoid" }], loss: "binary-crossentropy", classes: [0, 1] }) });
        }
        for (const { hidden, model } of places) {
          const back = roundTrip(() => FORMATS[format](model));
          if (named(format, a, hidden)) expect(back).toEqual(model.layers.map((l) => l.activation));
          else expect(back).toMatch(new RegExp(`\\b${a}\\b`));
        }
      });
    }
  }

  it("reads each format's names in registry order", () => {
    const inOrder = (m: ReadonlyMap<string, ActivationName>) => [...m.values()].every((a, i, all) => i === 0 || ACTIVATION_NAMES.indexOf(all[i - 1]) < ACTIVATION_NAMES.indexOf(a));
    expect([ONNX_ACTIVATIONS, KERAS_ACTIVATIONS, SKLEARN_HIDDEN].every(inOrder)).toBe(true);
    expect([...SKLEARN_OUTPUT.keys()]).toEqual(["logistic", "softmax", "identity"]);
  });
});

describe("the PyTorch script's names", () => {
  const script = (layers: { units: number; activation: string }[], lossName?: string) =>
    experimentToPytorch(prepareExperiment(validateExperiment({ data: { dataset: "moons", samples: 20 }, model: { layers }, ...(lossName ? { loss: lossName } : {}) })), "e.json");

  it("writes every activation's function from its entry, or refuses it naming it", () => {
    for (const a of ACTIVATION_NAMES) {
      const torch = activation(a).interop.torch;
      const layers = activation(a).outputOnly ? [{ units: 2, activation: a }] : [{ units: 2, activation: a }, { units: 1, activation: "sigmoid" }];
      if (torch === undefined) expect(() => script(layers)).toThrow(new RegExp(`\\b${a}\\b`));
      else expect(script(layers)).toContain(activation(a).outputOnly ? `OUTPUT = ${torch}\n` : `HIDDEN = [${torch}]\n`);
    }
  });

  it("writes every loss's sum from its entry, or refuses it naming it", () => {
    for (const l of LOSS_NAMES) {
      const output = loss(l).requiresOutput ?? "linear";
      const layers = [{ units: output === "softmax" ? 2 : 1, activation: output }];
      const torch = loss(l).torch;
      if (torch === undefined) expect(() => script(layers, l)).toThrow(new RegExp(`\\b${l}\\b`));
      else expect(script(layers, l)).toContain(`    return ${torch}\n`);
    }
  });
});
