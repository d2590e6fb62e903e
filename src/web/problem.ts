/**
 * A user's mistake as a worker hands it to the page: the engine's message (English) and, where
 * the page can word it in its own language, what it is as data (a CSV file's problems). A plain
 * object, so that it crosses from the worker whole: a thrown Error arrives as its message alone.
 */
import { CsvProblemError, type CsvPlace, type CsvProblem } from "../data/csv-problem.ts";
import { errorText } from "./error-text.ts";
import { UserError } from "../core/errors.ts";

export interface Problem {
  message: string;
  /** A file's mistake: the field it is in ("train.learningRate"), which the message starts with. */
  where?: string;
  csv?: { problem: CsvProblem; place: CsvPlace };
}

export function problemOf(e: unknown): Problem {
  if (e instanceof CsvProblemError) return { message: errorText(e), csv: { problem: e.problem, place: e.place } };
  if (typeof e === "object" && e !== null && "message" in e && ("csv" in e || "where" in e) && !(e instanceof Error)) return e as Problem;
  if (e instanceof UserError && e.where) return { message: errorText(e), where: e.where };
  return { message: errorText(e) };
}
