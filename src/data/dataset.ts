/** A generated dataset: one entry of the dataset registry (./generate.ts), exported by its generator's module. */
import type { GeneratorOptions, LabeledData } from "./types.ts";

export type DatasetTask = "classification" | "regression";

export interface DatasetEntry<N extends string = string, P extends DatasetTask | null = DatasetTask | null> {
  /** The name an experiment's `data.dataset` gives; its registry key. */
  readonly name: N;
  readonly generate: (options: GeneratorOptions) => LabeledData;
  readonly task: DatasetTask;
  /** What it is, for the README's field table (Markdown). */
  readonly doc: string;
  /** The generator options it reads (`data.<option>`), besides `seed` and `rng`. */
  readonly options: readonly (keyof GeneratorOptions)[];
  /** One of TensorFlow Playground's sets: the page's problem and its place in the Playground's list. */
  readonly playground: P extends DatasetTask ? { readonly problem: P; readonly order: number } : null;
}

/** The entry of one of TensorFlow Playground's sets: its problem is its task, and it reads `samples` and `noise`. */
export function playgroundDataset<N extends string, P extends DatasetTask>(name: N, generate: DatasetEntry["generate"], problem: P, order: number, doc: string): DatasetEntry<N, P> {
  return { name, generate, task: problem, doc, options: ["samples", "noise"], playground: { problem, order } as DatasetEntry<N, P>["playground"] };
}
