/**
 * Experiment, model and run files on disk: Node's side of src/experiment, which reads nothing
 * itself (the page hands it texts; here they come from the file system).
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../core/errors.ts";
import type { ReadText } from "../data/load.ts";
import { prepareExperiment, type Prepared } from "../experiment/prepare.ts";
import { validateExperiment } from "../experiment/validate.ts";

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`cannot read ${what} "${file}": no such file`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${what} "${file}" is not valid JSON (${(e as Error).message})`);
  }
}

/** Reads the files an experiment names, relative to `baseDir` (the experiment file's folder). */
export function readTextFrom(baseDir: string): ReadText {
  return (file) => {
    const path = resolve(baseDir, file);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      isFile = false;
    }
    return isFile ? readFileSync(path, "utf8") : undefined;
  };
}

/** Reads, validates and prepares an experiment file; paths inside it are relative to it. */
export function loadExperiment(file: string): Prepared {
  const json = readJsonFile(file, "experiment file");
  try {
    return prepareExperiment(validateExperiment(json), readTextFrom(dirname(file)));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
}
