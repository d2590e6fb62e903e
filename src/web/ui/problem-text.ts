/**
 * A user's mistake in the page's language: a CSV's problems worded here, a file's field of the
 * wrong kind by the engine's templates (i18n/engine-zh.ts), anything else in the engine's words.
 */
import { translateText } from "../../core/template.ts";
import { csvPlaceZh, csvProblemZh } from "../i18n/csv-zh.ts";
import { ENGINE_ZH } from "../i18n/engine-zh.ts";
import { language } from "../i18n.ts";
import { problemOf } from "../problem.ts";

export function problemText(e: unknown): string {
  const p = problemOf(e);
  if (language() !== "zh") return p.message;
  if (p.csv) return `${csvPlaceZh(p.csv.place)}：${csvProblemZh(p.csv.problem)}`;
  return engineZh(p.message, p.where);
}

/** A file's mistake ("where: what": the field's path as the file spells it, then the mistake) with the mistake in Chinese where a template has it. */
export function engineZh(message: string, where?: string): string {
  if (where && message.startsWith(`${where}: `)) {
    const said = translateText(ENGINE_ZH, message.slice(where.length + 2));
    if (said !== null) return `${where}：${said}`;
  }
  return translateText(ENGINE_ZH, message) ?? message;
}
