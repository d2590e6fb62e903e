/**
 * The README's field table: generated from the registries, current in the README, and listing
 * every field the validator accepts (and none it refuses).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELD_TABLE_END, FIELD_TABLE_START, fieldRows, fieldTable } from "../../src/experiment/field-table.ts";
import { acceptedFields, validateExperiment } from "../../src/experiment/validate.ts";
import { DATASET_NAMES } from "../../src/data/generate.ts";
import { ACTIVATION_NAMES } from "../../src/nn/activations.ts";
import { LOSS_NAMES } from "../../src/nn/losses.ts";
import { OPTIMIZER_FIELDS, OPTIMIZER_NAMES } from "../../src/nn/optimizers/registry.ts";
import { optimizerHelp } from "../../src/nn/optimizers/help.ts";
import { ROOT } from "../helpers.ts";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const documented = fieldRows().flatMap(([fields]) => fields);

describe("the README's field table", () => {
  it("is the one the registries generate (npm run readme:fields writes it)", () => {
    expect(readme.split(FIELD_TABLE_START)).toHaveLength(2);
    expect(readme.split(FIELD_TABLE_END)).toHaveLength(2);
    expect(readme).toContain(fieldTable());
  });

  it("documents every field the validator accepts, beta1, beta2 and epsilon included", () => {
    const accepted = acceptedFields();
    for (const f of ["train.beta1", "train.beta2", "train.epsilon", "train.momentum", "train.tolerance", "model.layers[].units", "data.splitSeed"]) expect(accepted).toContain(f);
    expect(accepted.filter((f) => !documented.includes(f))).toEqual([]);
  });

  it("documents no field the validator refuses", () => {
    const accepted = new Set(acceptedFields());
    expect(documented.filter((f) => !accepted.has(f))).toEqual([]);
  });

  it("names every optimiser, activation, loss and dataset of the registries", () => {
    const rowOf = (field: string) => fieldRows().find(([fields]) => fields.includes(field))![1];
    for (const n of OPTIMIZER_NAMES) expect(rowOf("train.optimizer")).toContain(`\`${n}\`:`);
    for (const n of ACTIVATION_NAMES) expect(rowOf("model.layers[].activation")).toContain(`\`${n}\` (`);
    for (const n of LOSS_NAMES) expect(rowOf("loss")).toContain(`\`${n}\`:`);
    for (const n of DATASET_NAMES) expect(rowOf("data.dataset")).toContain(`\`${n}\`:`);
  });

  it("states each optimiser setting's default as the validator fills it in", () => {
    for (const f of OPTIMIZER_FIELDS) {
      const row = fieldRows().find(([fields]) => fields.includes(`train.${f.name}`))!;
      for (const optimizer of OPTIMIZER_NAMES) {
        const t = validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, train: { optimizer } }).train as unknown as Record<string, unknown>;
        if (t[f.name] === undefined) continue;
        const shown = typeof t[f.name] === "number" && (t[f.name] as number) < 1e-3 && (t[f.name] as number) > 0 ? (t[f.name] as number).toExponential() : String(t[f.name]);
        expect(row[2], `train.${f.name} under ${optimizer}`).toContain(shown);
      }
    }
  });
});

describe("the optimisers' defaults", () => {
  it("are the references' own, written out here (Keras' SGD and Adam, SciPy's L-BFGS-B pgtol; gd as the walkthroughs run it)", () => {
    const documented: Record<string, Record<string, unknown>> = {
      gd: { learningRate: 0.01 },
      sgd: { learningRate: 0.01, momentum: 0, nesterov: false },
      adam: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      lbfgs: { tolerance: 1e-5 },
    };
    expect([...OPTIMIZER_NAMES].sort()).toEqual(Object.keys(documented).sort());
    for (const optimizer of OPTIMIZER_NAMES) {
      const t = validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, train: { optimizer } }).train as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(documented[optimizer])) expect(t[key], `${optimizer}.${key}`).toBe(value);
    }
  });
});

describe("glassbox train --help", () => {
  it("lists every optimiser with its settings, ranges and defaults", () => {
    const help = optimizerHelp();
    for (const n of OPTIMIZER_NAMES) expect(help).toMatch(new RegExp(`^  ${n} `, "m"));
    for (const f of OPTIMIZER_FIELDS) expect(help).toContain(`${f.name}: `);
    expect(help).toContain("epsilon: Adam's ε, added to the uncorrected √v (Keras' \"epsilon hat\"), > 0 (default 1e-7)");
    expect(help).toContain("momentum: μ, SGD's momentum (Keras' SGD: v ← μ·v − η·g; θ ← θ + v), in [0, 1) (default 0)");
  });
});
