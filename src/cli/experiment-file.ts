/**
 * Experiment, model and run files on disk: Node's side of src/experiment, which reads nothing
 * itself (the page hands it texts; here they come from the file system).
 */
import { readFileSync, statSync } from "node:fs";
import { totalmem } from "node:os";
import { dirname, resolve } from "node:path";
import { bytesText, estimateMemory } from "../experiment/bounds.ts";
import type { Experiment } from "../experiment/experiment.ts";
import { UserError } from "../core/errors.ts";
import type { ReadText } from "../data/load.ts";
import { prepareExperiment, type PrepareOptions, type Prepared } from "../experiment/prepare.ts";
import { validateExperiment } from "../experiment/validate.ts";
import { JsonSyntaxError, parseJsonText, type JsonTextOptions } from "../experiment/json-text.ts";

/**
 * A JSON file's value. Invalid JSON is one line with the line and column and what was expected
 * there; `comments` (experiment files) accepts `//` and `/* *\/` comments and trailing commas.
 */
export function readJsonFile(file: string, what: string, o: JsonTextOptions = {}): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(`cannot read ${what} "${file}": ${readProblem(e)}`);
  }
  try {
    return parseJsonText(text, o);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const truncated = e.atEnd ? "; it looks cut short: write it again" : "";
    throw new UserError(`${what} "${file}" is not valid JSON at line ${e.line}, column ${e.column}: ${e.reason}${truncated}`);
  }
}

/**
 * A text file's bytes as UTF-8 text; UTF-16 and Latin-1/Windows-1252 files (what spreadsheets
 * often save) are named, with the fix, instead of giving garbled column names.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || nulShare(bytes) > 0.2;
  if (utf16) throw new UserError(`is UTF-16 text: save it as UTF-8 (in a spreadsheet: "CSV UTF-8")`, file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let bad = 0;
    const d = new TextDecoder("utf-8", { fatal: true });
    // The first line that does not decode.
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          d.decode(bytes.subarray(start, i));
        } catch {
          bad = line;
          break;
        }
        start = i + 1;
        line++;
      }
    }
    throw new UserError(`is not UTF-8 text (line ${bad || 1} has bytes of another encoding, probably Latin-1 or Windows-1252): save it as UTF-8 (in a spreadsheet: "CSV UTF-8")`, file);
  }
}

function nulShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return n ? nul / n : 0;
}

/** Why a file could not be read, in words (a folder, no permission, absent). */
export function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such file";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  if (code === "ERR_STRING_TOO_LONG" || /string longer than/i.test(String((e as Error)?.message))) return "it is larger than the longest text this runtime can hold (about 512 MB); write runs with fewer snapshots (record.paramsAt)";
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new UserError(`cannot read ${JSON.stringify(file)}: ${readProblem(e)}`, "data.csv");
    }
    return decodeText(bytes, file);
  };
}

/**
 * The memory a command may use: half the machine's, at most 4 GiB, unless GLASSBOX_MEMORY says
 * otherwise (bytes, or with a unit: "16GB", "512MB").
 */
export function memoryBudget(): number {
  const env = process.env.GLASSBOX_MEMORY;
  if (env) {
    const m = /^\s*([\d.]+)\s*(|k|m|g|t)(i?b)?\s*$/i.exec(env);
    const scale = { "": 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 } as const;
    if (!m || !Number.isFinite(Number(m[1]))) throw new UserError(`GLASSBOX_MEMORY="${env}" is not a size: write it as bytes or with a unit, e.g. 8GB`);
    return Number(m[1]) * scale[m[2].toLowerCase() as keyof typeof scale];
  }
  return Math.min(totalmem() / 2, 4 * 2 ** 30);
}

/** Refuses a run whose estimated memory (from the shapes) exceeds the budget, with the number and the fix. */
export function checkMemory(experiment: Experiment, inputSize: number, rows: number, testRows: number, epochs = experiment.train.epochs): void {
  const est = estimateMemory(experiment, inputSize, rows, testRows, epochs);
  const budget = memoryBudget();
  const layers = experiment.model.layers;
  const widest = Math.max(...layers.map((l) => l.units));
  if (est.training > budget) {
    const data = rows > 10_000 && est.parameters * 8 * 4 < budget ? ", or train on fewer rows (or in mini-batches: train.batchSize)" : "";
    throw new UserError(
      `this run needs about ${bytesText(est.training)} (${est.parameters.toLocaleString("en-US")} parameters, ${layers.length} layer${layers.length === 1 ? "" : "s"} up to ${widest} units, ${rows.toLocaleString("en-US")} rows), more than the ${bytesText(budget)} allowed: use fewer or narrower layers${data}, or raise the limit with GLASSBOX_MEMORY=…`,
      "model.layers",
    );
  }
  if (est.largestArray > 2 ** 31) {
    throw new UserError(`one of this run's arrays would hold ${bytesText(est.largestArray)}, more than one array can: use fewer rows per batch (train.batchSize) or narrower layers`, "model.layers");
  }
}

/** The CSV file an experiment reads, resolved beside it; null for generated or inline data. */
export function dataFileOf(file: string, experiment: Experiment): string | null {
  return "csv" in experiment.data ? resolve(dirname(file), experiment.data.csv) : null;
}

/** Rows and inputs known before the data is made (generated and inline data); CSV's come after reading. */
function shapeBeforeLoading(e: Experiment): { inputSize: number; rows: number } {
  const d = e.data;
  const inputSize = e.inputs?.length ?? ("X" in d ? (d.X[0]?.length ?? 1) : 1);
  const rows = "dataset" in d ? (d.samples ?? 100) : "X" in d ? d.X.length : 1;
  return { inputSize, rows };
}

/** Reads, validates and prepares an experiment file; paths inside it are relative to it. */
export function loadExperiment(file: string, epochs?: number, o: PrepareOptions = {}): Prepared {
  const json = readJsonFile(file, "experiment file", { comments: true });
  try {
    const experiment = validateExperiment(json);
    // Bounded before any work: from the shapes, before the data or the network is made.
    const before = shapeBeforeLoading(experiment);
    checkMemory(experiment, before.inputSize, before.rows, 0, epochs);
    const prepared = prepareExperiment(experiment, readTextFrom(dirname(file)), o);
    checkMemory(experiment, prepared.model.inputSize, prepared.data.X.rows, prepared.data.testX?.rows ?? 0, epochs);
    return prepared;
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file}: ${e.message}`);
    throw e;
  }
}
