/**
 * The registries own their entries: optimisers, activations, losses and datasets. Every test here
 * loops over a registry, so a new entry is tested as soon as it is registered.
 */
import { describe, expect, it } from "vitest";
import { DATASET_NAMES, DATASETS, generateDataset, playgroundDatasets } from "../../src/data/generate.ts";
import type { DatasetEntry } from "../../src/data/dataset.ts";
import { estimateMemory } from "../../src/experiment/bounds.ts";
import { defaultLoss } from "../../src/experiment/experiment.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { activation, ACTIVATION_NAMES } from "../../src/nn/activations.ts";
import { loss, LOSS_NAMES } from "../../src/nn/losses.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { ADAM_DEFAULTS } from "../../src/nn/optimizers/adam.ts";
import { fieldAccepts, type OptimizerEntry, type OptimizerField } from "../../src/nn/optimizers/entry.ts";
import { OPTIMIZER_FIELDS, OPTIMIZER_NAMES, OPTIMIZERS, optimizersWith } from "../../src/nn/optimizers/registry.ts";
import { taskOf } from "../../src/nn/targets.ts";
import { createTrainer, type TrainConfig, type TrainerSettings } from "../../src/nn/trainer.ts";
import { xorLike } from "../helpers.ts";

const entries = Object.values(OPTIMIZERS) as OptimizerEntry[];
const experiment = (train: Record<string, unknown>) => ({ data: { dataset: "moons", samples: 20 }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, train });
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "(no error)";
};
/** A value just outside the field's range (or of the wrong type). */
const outside = (f: OptimizerField): unknown => (f.type === "boolean" ? 1 : f.max !== undefined ? f.max + (f.exclusiveMax ? 0 : 1) : (f.min ?? 0) - (f.exclusiveMin ? 0 : 1));
/** A value inside the range other than the default. */
const inside = (f: OptimizerField, d: number | boolean): number | boolean => (f.type === "boolean" ? !d : f.max !== undefined ? ((f.min ?? 0) + f.max) / 2 : (d as number) * 2 || 0.5);

describe("each registry's keys are its entries' names", () => {
  it("optimisers, activations, losses, datasets", () => {
    for (const [key, e] of Object.entries(OPTIMIZERS)) expect(e.name).toBe(key);
    for (const n of ACTIVATION_NAMES) expect(activation(n).name).toBe(n);
    for (const n of LOSS_NAMES) expect(loss(n).name).toBe(n);
    for (const [key, d] of Object.entries(DATASETS)) expect(d.name).toBe(key);
  });
});

describe("optimisers", () => {
  it("Adam's defaults are Keras', written once: the validator and the trainer fill in the same", () => {
    expect(ADAM_DEFAULTS).toEqual({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(OPTIMIZERS.adam.defaults).toBe(ADAM_DEFAULTS);
    const t = validateExperiment(experiment({ optimizer: "adam" })).train;
    expect([t.learningRate, t.beta1, t.beta2, t.epsilon]).toEqual([0.001, 0.9, 0.999, 1e-7]);
    const trainer = createTrainer(createNetwork(2, [{ units: 1, activation: "sigmoid" }], "binary-crossentropy"), xorLike(), { optimizer: "adam", epochs: 1 });
    expect(trainer.settings).toMatchObject(ADAM_DEFAULTS);
    trainer.dispose();
  });

  it("every setting: accepted by the optimisers that read it, refused by the others with the fix, refused out of range", () => {
    for (const f of OPTIMIZER_FIELDS) {
      const owners = optimizersWith(f.name);
      for (const e of entries) {
        const d = (OPTIMIZERS[owners[0]] as OptimizerEntry).defaults[f.name];
        const given = { optimizer: e.name, [f.name]: inside(f, d) };
        if (owners.includes(e.name as never)) {
          expect((validateExperiment(experiment(given)).train as unknown as Record<string, unknown>)[f.name]).toBe(given[f.name]);
          expect(message(() => validateExperiment(experiment({ optimizer: e.name, [f.name]: outside(f) })))).toMatch(new RegExp(`^train\\.${f.name}: (must be|expected)`));
        } else {
          expect(message(() => validateExperiment(experiment(given)))).toContain(`train.${f.name}: "${e.name}" does not use ${f.name}, which "${owners[0]}"`);
        }
      }
    }
  });

  it("momentum with gd is refused, pointing to sgd (Keras' SGD, scikit-learn's solver \"sgd\")", () => {
    expect(message(() => validateExperiment(experiment({ optimizer: "gd", momentum: 0.9 })))).toBe(
      `train.momentum: "gd" does not use momentum, which "sgd" reads: use "optimizer": "sgd" (Keras' SGD and scikit-learn's solver "sgd" take momentum; "sgd" without batchSize is the full batch), or remove momentum`,
    );
    expect(message(() => validateExperiment(experiment({ optimizer: "gd", nesterov: true })))).toMatch(/^train\.nesterov: "gd" does not use nesterov/);
    expect(message(() => validateExperiment(experiment({ optimizer: "lbfgs", learningRate: 0.1 })))).toBe(
      'train.learningRate: "lbfgs" does not use learningRate, which "gd", "sgd", "adam" read: remove learningRate, or use one of those optimizers',
    );
    // The same full-batch momentum, as sgd without a batch size:
    expect(validateExperiment(experiment({ optimizer: "sgd", momentum: 0.9 })).train).toMatchObject({ optimizer: "sgd", momentum: 0.9, batchSize: null });
  });

  it("batchSize only where the entry takes mini-batches", () => {
    for (const e of entries) {
      const m = message(() => validateExperiment(experiment({ optimizer: e.name, batchSize: 5 })));
      expect(m).toBe(e.fullBatchOnly === null ? "(no error)" : `train.batchSize: ${e.fullBatchOnly}`);
    }
  });

  it("each first-order optimiser, made with its defaults, steps downhill on a quadratic", () => {
    for (const e of entries.filter((x) => x.create)) {
      const opt = e.create!(3, e.defaults);
      const theta = Float64Array.of(1, -2, 0.5);
      const f = (t: Float64Array) => t.reduce((s, x) => s + x * x, 0);
      const before = f(theta);
      opt.step(theta, theta.map((x) => 2 * x));
      expect(f(theta), e.name).toBeLessThan(before);
      expect(opt.learningRate).toBe(e.defaults.learningRate);
    }
  });

  it("the memory estimate counts the arrays each optimiser keeps", () => {
    const P = 2 * 1 + 1;
    const base = estimateMemory(validateExperiment(experiment({ optimizer: "gd" })), 2, 20, 0).training;
    for (const e of entries) {
      const t = validateExperiment(experiment({ optimizer: e.name })).train;
      const extra = estimateMemory(validateExperiment(experiment({ optimizer: e.name })), 2, 20, 0).training - base;
      expect(extra, e.name).toBe(e.stateArrays(t as never) * P * 8);
    }
    // counted from the allocations: gd none; SGD's velocity (with momentum); Adam's m and v;
    // L-BFGS's 10 (s, y) pairs, x, g, direction, unit step, trial point and gradient, the trainer's copy
    expect(OPTIMIZERS.gd.stateArrays({ learningRate: 0.1 })).toBe(0);
    expect(OPTIMIZERS.sgd.stateArrays({ learningRate: 0.1, momentum: 0, nesterov: false })).toBe(0);
    expect(OPTIMIZERS.sgd.stateArrays({ learningRate: 0.1, momentum: 0.9, nesterov: false })).toBe(1);
    expect(OPTIMIZERS.adam.stateArrays(ADAM_DEFAULTS)).toBe(2);
    expect(OPTIMIZERS.lbfgs.stateArrays({ tolerance: 1e-5 })).toBe(27);
  });

    it("the trainer takes every setting live, checked against the field's range", () => {
    const data = xorLike();
    for (const e of entries) {
      const net = createNetwork(2, [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
      const t = createTrainer(net, data, { optimizer: e.name, epochs: 3 } as TrainConfig);
      for (const f of e.fields) {
        const v = inside(f, e.defaults[f.name]);
        expect(fieldAccepts(f, v)).toBe(true);
        t.update({ [f.name]: v } as Partial<TrainerSettings>);
        expect((t.settings as Record<string, unknown>)[f.name]).toBe(v);
        expect(() => t.update({ [f.name]: outside(f) } as Partial<TrainerSettings>)).toThrow(new RegExp(`^trainer setting ${f.name}: `));
      }
      expect(t.step(3), e.name).toBeGreaterThanOrEqual(1); // L-BFGS may converge sooner
      t.dispose();
    }
  });
});

describe("activations", () => {
  const Z = Float64Array.from([-800, -30, -2, -0.5, 0, 0.5, 2, 30, 800]);
  it("each one's outputs lie in its range; its task and default loss go together", () => {
    for (const n of ACTIVATION_NAMES) {
      const a = activation(n);
      const A = new Float64Array(Z.length);
      a.forward(Z, A, 3, 3);
      const [lo, hi] = a.range;
      for (const v of A) {
        expect(v, n).toBeGreaterThanOrEqual(lo);
        expect(v, n).toBeLessThanOrEqual(hi);
      }
      expect(taskOf(n)).toBe(a.task);
      const l = loss(defaultLoss(n));
      expect([null, n]).toContain(l.requiresOutput);
      if (a.task !== "regression") expect(l.requiresOutput).toBe(n);
    }
  });

  it("an output-only activation is refused in a hidden layer, naming the others", () => {
    for (const n of ACTIVATION_NAMES.filter((x) => activation(x).outputOnly)) {
      const m = message(() => validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 3, activation: n }, { units: 1, activation: "sigmoid" }] } }));
      expect(m).toBe(`model.layers[0].activation: ${n} is only for the output layer; use ${ACTIVATION_NAMES.filter((x) => !activation(x).outputOnly).join(", ")} here`);
    }
  });
});

describe("losses", () => {
  it("a loss made for one output activation is refused with another, and suggested for its own", () => {
    for (const n of LOSS_NAMES) {
      const needs = loss(n).requiresOutput;
      if (!needs) continue;
      const other = ACTIVATION_NAMES.find((a) => a !== needs && !activation(a).outputOnly)!;
      expect(message(() => validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 2, activation: other }] }, loss: n }))).toMatch(new RegExp(`^loss: "${n}" needs a ${needs} output layer`));
      expect(defaultLoss(needs)).toBe(n);
    }
  });
});

describe("datasets", () => {
  it("each set's task matches its targets, and it reads the options it lists", () => {
    for (const d of Object.values(DATASETS) as DatasetEntry[]) {
      const data = generateDataset(d.name, d.options.includes("samples") ? { samples: 37 } : {});
      if (d.options.includes("samples")) expect(data.X.rows, d.name).toBe(37);
      const whole = data.y.every((v) => Number.isInteger(v));
      expect(whole, d.name).toBe(d.task === "classification");
    }
  });

  it("the page's lists are the registry's Playground sets, in the Playground's order", () => {
    expect(playgroundDatasets("classification")).toEqual(["circle", "xor", "gauss", "spiral"]);
    expect(playgroundDatasets("regression")).toEqual(["reg-plane", "reg-gauss"]);
    for (const n of [...playgroundDatasets("classification"), ...playgroundDatasets("regression")]) expect(DATASET_NAMES).toContain(n);
  });
});
