/** The page's language: the link's, else the browser's; set before any control is built. */
import type { Setup } from "../setup.ts";
import { browserLanguage, htmlLang, setLanguage, t, type Lang } from "../i18n.ts";

export function applyLanguage(setup: Setup): void {
  const lang: Lang = setup.lang ?? browserLanguage([navigator.language]);
  setLanguage(lang);
  document.documentElement.lang = htmlLang(lang);
  document.title = t("page.title");
}
