/** The dataset registry: a generator by name, as an experiment's `data.dataset` names it. */
import { UserError } from "../core/errors.ts";
import { blobs } from "./blobs.ts";
import { circle } from "./circle.ts";
import { circles } from "./circles.ts";
import { gauss } from "./gauss.ts";
import { gaussianGroups } from "./gaussian-groups.ts";
import { line } from "./line.ts";
import { moons } from "./moons.ts";
import { regGauss } from "./reg-gauss.ts";
import { regPlane } from "./reg-plane.ts";
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
  circle,
  gauss,
  "reg-plane": regPlane,
  "reg-gauss": regGauss,
};

export function generateDataset(name: string, options: GeneratorOptions = {}): LabeledData {
  if (!Object.hasOwn(GENERATORS, name)) {
    throw new UserError(`${JSON.stringify(name)} is not one of ${DATASET_NAMES.join(", ")}`, "data.dataset");
  }
  return GENERATORS[name as DatasetName](options);
}
