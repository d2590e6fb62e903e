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
  } catch (e) {
    throw new UserError(`cannot read ${what} "${file}": ${readProblem(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((e as Error).message) ? "; it looks cut short: write it again" : "";
    throw new UserError(`${what} "${file}" is not valid JSON (${(e as Error).message})${truncated}`);
  }
}

/** Why a file could not be read, in words (a folder, no permission, absent). */
export function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  return code ?? String((e as Error)?.message ?? e);
}

/** Reads the files an experiment names, relative to `baseDir` (the experiment file's folder). */
export function readTextFrom(baseDir: string): ReadText {
  return (file) => {
    const path = resolve(baseDir, file);
    let isFile = false;
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw new UserError(`${JSON.stringify(file)} is a folder, not a file: name the CSV file in it`, "data.csv");
      isFile = st.isFile();
    } catch (e) {
      if (e instanceof UserError) throw e;
      isFile = false;
    }
    if (!isFile) return undefined;
    try {
      return readFileSync(path, "utf8");
    } catch (e) {
      throw new UserError(`cannot read ${JSON.stringify(file)}: ${readProblem(e)}`, "data.csv");
    }
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
