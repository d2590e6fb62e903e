/**
 * The experiment file the page trains in walkthrough mode: a walkthrough of examples/, or a file
 * opened from disk (or dropped on the page), which is kept for reloads in this tab.
 */
import { exampleNamed } from "../examples.ts";
import type { ExperimentJson } from "../setup.ts";
import { state } from "./state.ts";

const FILE_KEY = "glassbox-opened-experiment";

export interface OpenedFile {
  experiment: ExperimentJson;
  files: Record<string, string>;
  /** Made from a CSV alone: its columns can be chosen (ui/csv-columns.ts). */
  fromCsv?: boolean;
  /** The experiment file chosen, which a problem found in it is said of. */
  name?: string;
}

/** The experiment file the page trains in walkthrough mode, or null for the Playground's own set-up. */
export function currentFile(): OpenedFile | null {
  const { setup } = state;
  if (!setup.example) return null;
  if (setup.example === "file") {
    try {
      const stored = sessionStorage.getItem(FILE_KEY);
      return stored ? (JSON.parse(stored) as OpenedFile) : null;
    } catch {
      return null;
    }
  }
  const found = exampleNamed(setup.example);
  return found ? { experiment: found.experiment, files: found.files } : null;
}

/** Keeps an opened file for a reload in this tab. */
export function keepOpened(opened: OpenedFile): void {
  try {
    sessionStorage.setItem(FILE_KEY, JSON.stringify(opened));
  } catch {
    // Too large to keep for a reload: it still opens now.
  }
}
