/**
 * The dataset registry: a generator by name, as an experiment's `data.dataset` names it. Each
 * generator's module exports its entry (./dataset.ts); adding a dataset is a new module and one
 * line here.
 */
import { UserError } from "../core/errors.ts";
import { blobsDataset } from "./blobs.ts";
import { circleDataset } from "./circle.ts";
import { circlesDataset } from "./circles.ts";
import type { DatasetEntry, DatasetTask } from "./dataset.ts";
import { gaussDataset } from "./gauss.ts";
import { gaussianGroupsDataset } from "./gaussian-groups.ts";
import { lineDataset } from "./line.ts";
import { moonsDataset } from "./moons.ts";
import { regGaussDataset } from "./reg-gauss.ts";
import { regPlaneDataset } from "./reg-plane.ts";
import { spiralDataset } from "./spiral.ts";
import type { GeneratorOptions, LabeledData } from "./types.ts";
import { xorDataset } from "./xor.ts";

export const DATASETS = {
  moons: moonsDataset,
  circles: circlesDataset,
  blobs: blobsDataset,
  "gaussian-groups": gaussianGroupsDataset,
  xor: xorDataset,
  spiral: spiralDataset,
  line: lineDataset,
  circle: circleDataset,
  gauss: gaussDataset,
  "reg-plane": regPlaneDataset,
  "reg-gauss": regGaussDataset,
} as const;

export type DatasetName = keyof typeof DATASETS;
/** In registry order. */
export const DATASET_NAMES = Object.keys(DATASETS) as readonly DatasetName[];

/** Each dataset's generator by name. */
export const GENERATORS = Object.fromEntries(Object.values(DATASETS).map((d) => [d.name, d.generate])) as Readonly<Record<DatasetName, (options: GeneratorOptions) => LabeledData>>;

/** The names of TensorFlow Playground's sets for a problem, in the Playground's order. */
export type PlaygroundDatasetName<P extends DatasetTask> = { [K in DatasetName]: (typeof DATASETS)[K]["playground"] extends { problem: P } ? K : never }[DatasetName];

export function playgroundDatasets<P extends DatasetTask>(problem: P): readonly PlaygroundDatasetName<P>[] {
  const list = (Object.values(DATASETS) as DatasetEntry[]).filter((d) => d.playground?.problem === problem);
  return list.sort((a, b) => a.playground!.order - b.playground!.order).map((d) => d.name as PlaygroundDatasetName<P>);
}

export function generateDataset(name: string, options: GeneratorOptions = {}): LabeledData {
  if (!Object.hasOwn(DATASETS, name)) {
    throw new UserError(`${JSON.stringify(name)} is not one of ${DATASET_NAMES.join(", ")}`, "data.dataset");
  }
  return DATASETS[name as DatasetName].generate(options);
}
