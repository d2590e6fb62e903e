/** The dataset registry: a generator by name, as an experiment's `data.dataset` names it. */
import { UserError } from "../core/errors.ts";
import { blobs } from "./blobs.ts";
import { circles } from "./circles.ts";
import { gaussianGroups } from "./gaussian-groups.ts";
import { line } from "./line.ts";
import { moons } from "./moons.ts";
import { spiral } from "./spiral.ts";
import { DATASET_NAMES, type DatasetName, type GeneratorOptions, type LabeledData } from "./types.ts";
import { xor } from "./xor.ts";

export const GENERATORS: Readonly<Record<DatasetName, (options: GeneratorOptions) => LabeledData>> = {
  moons,
  circles,
  blobs,
  "gaussian-groups": gaussianGroups,
  xor,
  spiral,
  line,
};

export function generateDataset(name: string, options: GeneratorOptions = {}): LabeledData {
  if (!Object.hasOwn(GENERATORS, name)) {
    throw new UserError(`${JSON.stringify(name)} is not one of ${DATASET_NAMES.join(", ")}`, "data.dataset");
  }
  return GENERATORS[name as DatasetName](options);
}
