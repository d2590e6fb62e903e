/** A user's mistake in the page's language: a CSV's problems worded here, anything else in the engine's words. */
import { csvPlaceZh, csvProblemZh } from "../i18n/csv-zh.ts";
import { language } from "../i18n.ts";
import { problemOf } from "../problem.ts";

export function problemText(e: unknown): string {
  const p = problemOf(e);
  if (p.csv && language() === "zh") return `${csvPlaceZh(p.csv.place)}：${csvProblemZh(p.csv.problem)}`;
  return p.message;
}
