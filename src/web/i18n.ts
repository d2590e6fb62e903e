/**
 * The page's two languages: every label, tooltip and message the page writes itself, in English
 * and Simplified Chinese. `{name}` in a message is filled from its parameters. The language comes
 * from the link (`lang=zh|en`), else from the browser; the pictures of "Look inside" are the CLI's
 * own SVG and stay English, as do the engine's error details a message quotes (a CSV's problems
 * and why training stopped aside: the page words those from data, ./ui/problem-text.ts and
 * ./ui/stop-text.ts). This module looks messages up; the catalogues are data, one file per
 * language in ./i18n/ (the walkthroughs' titles too).
 */
import { EN, type MessageKey } from "./i18n/en.ts";
import { ZH } from "./i18n/zh.ts";

export type { MessageKey } from "./i18n/en.ts";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en: EN, zh: ZH };

/** A message to show later, in whichever language the page is in by then. */
export interface Message {
  key: MessageKey;
  params?: Readonly<Record<string, string | number>>;
  /** Parameters that are messages themselves, shown in the same language. */
  messageParams?: Readonly<Record<string, MessageKey>>;
}

export type Params = Readonly<Record<string, string | number>>;

/** The message in the given language, its `{name}` slots filled (a slot without a value stays as written). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[lang][key] ?? EN[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

let current: Lang = "en";

/** The page's language from now on (page/state.ts sets it before any control is built). */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function language(): Lang {
  return current;
}

/** The message in the page's language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** `<key>.one` for 1, `<key>.other` otherwise, with `{n}` filled. */
export function tn(key: "network.layers" | "network.neurons", n: number, params?: Params): string {
  return t(`${key}.${n === 1 ? "one" : "other"}`, { ...params, n });
}

/** The language for a browser that says it reads these (navigator.languages): Chinese for any zh*, else English. */
export function browserLanguage(languages: readonly string[] | undefined): Lang {
  const first = languages?.find((l) => typeof l === "string" && l.trim() !== "");
  return first && /^zh\b/i.test(first.trim()) ? "zh" : "en";
}

/** The value for `<html lang>`. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-Hans" : "en";
}
