/**
 * The walkthroughs of examples/, bundled into the page: each experiment file as it is, with the
 * data files it names (paths relative to the file, as `glassbox train` reads them).
 */
import type { ExperimentJson } from "./setup.ts";

const files = import.meta.glob<ExperimentJson>("../../examples/*.json", { eager: true, import: "default" });
const data = import.meta.glob<string>("../../examples/data/*.csv", { eager: true, query: "?raw", import: "default" });

export interface Example {
  name: string;
  title: string;
  experiment: ExperimentJson;
  /** Data files by the path the experiment uses ("data/moons.csv"). */
  files: Record<string, string>;
}

const dataFiles: Record<string, string> = Object.fromEntries(Object.entries(data).map(([path, text]) => [path.replace("../../examples/", ""), text]));

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, experiment]) => {
    const name = path.replace("../../examples/", "").replace(/\.json$/, "");
    const title = typeof experiment.name === "string" ? experiment.name : name;
    return { name, title, experiment, files: dataFiles };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function exampleNamed(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}
