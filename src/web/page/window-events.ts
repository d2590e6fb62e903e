/** What the page hears from the window: dropped files, the keyboard, a changed link, a resize. */
import { toHash } from "../url-state.ts";
import { readChosen } from "../ui/panels.ts";
import { handlers, relabel, renderPage, restart } from "./controller.ts";
import { drawPoints } from "./drawing.ts";
import { applyLanguage } from "./language.ts";
import { rememberPlayground, setupFromLink, state } from "./state.ts";

export function listenToWindow(): void {
  // Files dropped anywhere on the page open as if chosen.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    const box = document.querySelector<HTMLElement>("[data-testid=file-error]");
    if (files.length && box) void readChosen(files, handlers, box);
  });

  // Keyboard: space plays or pauses, → or S steps one epoch, R resets (shown in the buttons' titles),
  // wherever the focus is but where the focused control uses that key itself.
  window.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || ownsKey(e.target as HTMLElement | null, e.key)) return;
    const hide = state.setup.hide;
    if (e.key === " ") {
      e.preventDefault();
      if (!hide.includes("playButton")) handlers.playPause();
    } else if (e.key === "ArrowRight" || e.key === "s") {
      if (!hide.includes("stepButton")) handlers.step();
    } else if (e.key === "r") {
      if (!hide.includes("resetButton")) handlers.reset();
    }
  });

  window.addEventListener("hashchange", () => {
    // Read as a link the page opens with (a walkthrough's own learning rate and test points).
    const next = setupFromLink(location.hash);
    if (toHash(next.setup) === toHash(state.setup)) return;
    const onlyLanguage = toHash({ ...next.setup, lang: state.setup.lang }) === toHash(state.setup);
    rememberPlayground(next.setup.example);
    // Back on the Playground's data, the link's own settings are the Playground's.
    if (!next.setup.example) state.playground = null;
    state.setup = next.setup;
    state.notices = next.notices;
    applyLanguage(state.setup);
    if (onlyLanguage) relabel();
    else void restart(false);
  });

  // The layout follows the width only: a phone's address bar sliding away as it scrolls (or a
  // taller window) changes the height, and must not rebuild the controls under the user's finger.
  let resizeTimer = 0;
  let laidOutFor = window.innerWidth;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (window.innerWidth === laidOutFor) return;
      laidOutFor = window.innerWidth;
      renderPage();
      drawPoints();
    }, 200);
  });
}

/** Input types whose field takes typed text (every key is the field's). */
const TYPED = /^(text|number|search|email|url|tel|password|date|time|datetime-local|month|week)$/;

/**
 * Whether the focused element handles `key` itself: a text field, a menu or an editable region
 * every key; a button, link, summary or checkbox Space and Enter (they press it); a slider or
 * radio group the arrows too.
 */
function ownsKey(target: HTMLElement | null, key: string): boolean {
  if (!target) return false;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return true;
  if (tag === "INPUT" && TYPED.test((target as HTMLInputElement).type)) return true;
  if (key === " " || key === "Enter") return /^(BUTTON|INPUT|A|SUMMARY)$/.test(tag) || target.getAttribute("role") === "button";
  if (key.startsWith("Arrow")) return tag === "INPUT" && /^(range|radio)$/.test((target as HTMLInputElement).type);
  return false;
}
