/**
 * `npm run bench:page` (the playground in Chromium) writes its own section of bench/RESULTS.md,
 * between these markers; `glassbox bench` rewrites the rest of the file and keeps that section.
 */
import { existsSync, readFileSync } from "node:fs";

export const PAGE_START = "<!-- playground -->";
export const PAGE_END = "<!-- /playground -->";

/** The page section of the report file, to append after a new report ("" when there is none). */
export function keptPageSection(file: string): string {
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = old.indexOf(PAGE_START);
  const end = old.indexOf(PAGE_END);
  return start >= 0 && end > start ? `\n${old.slice(start, end + PAGE_END.length)}\n` : "";
}

/** The report with its page section replaced by (or, without one, followed by) `section`. */
export function withPageSection(old: string, section: string): string {
  const block = `${PAGE_START}\n${section.trimEnd()}\n${PAGE_END}\n`;
  const start = old.indexOf(PAGE_START);
  const end = old.indexOf(PAGE_END);
  if (start >= 0 && end > start) return old.slice(0, start) + block + old.slice(end + PAGE_END.length).replace(/^\n/, "");
  return `${old.trimEnd()}\n\n${block}`;
}
