/**
 * The pictures' words in the reader's language. A picture's text is written in English, as a
 * template with {slots}; `say` gives it in the language asked for (the page's Chinese), where a
 * translation exists, else in English. The English template is the key: the CLI's pictures, and
 * every snapshot of them, read exactly as they are written.
 */
import { fill, translateText } from "../../core/template.ts";
import { ZH } from "./zh.ts";

export type PictureLanguage = "en" | "zh";

const CATALOGUES: Record<Exclude<PictureLanguage, "en">, Readonly<Record<string, string>>> = { zh: ZH };

/** `template` in `lang`, its {slots} filled from `params` (a slot without a value stays as written). */
export function say(lang: PictureLanguage | undefined, template: string, params: Record<string, string | number> = {}): string {
  return fill((lang && lang !== "en" && CATALOGUES[lang][template]) || template, params);
}

/** `say` in one language, for a view that says many things. */
export function sayer(lang: PictureLanguage | undefined): (template: string, params?: Record<string, string | number>) => string {
  return (template, params) => say(lang, template, params);
}

/**
 * A text already written in English from one of the templates (a trace's step title, made by the
 * engine: "layer 2 input (weighted sums)") in `lang`: the template it matches, translated, with the
 * values it held; as it is when none matches or the language is English.
 */
export function translate(lang: PictureLanguage | undefined, text: string): string {
  if (!lang || lang === "en") return text;
  return translateText(CATALOGUES[lang], text) ?? text;
}

/** The templates a language translates (for the test that every picture the page draws is translated). */
export function translated(lang: Exclude<PictureLanguage, "en">): readonly string[] {
  return Object.keys(CATALOGUES[lang]);
}
