/** What floats over the page: the tooltip, and the small box a clicked weight or bias is typed into. */
import { t } from "../i18n.ts";
import { el } from "../ui/dom.ts";
import { state, worker } from "./state.ts";

const tooltip = el("div", { class: "tooltip", "data-testid": "tooltip" });
tooltip.hidden = true;
document.body.append(tooltip);

export function showTooltip(text: string | null, at?: { x: number; y: number }): void {
  if (!text || !at) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = text;
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(at.x + 12, innerWidth - 260)}px`;
  tooltip.style.top = `${at.y + 14}px`;
}

/** Hides the tooltip and forgets its text (its language may be about to change). */
export function clearTooltip(): void {
  showTooltip(null);
  tooltip.textContent = "";
}

/** A small box to type a weight or bias into; Enter applies it at once, Escape closes it. */
export function openEditor(index: number, value: number, label: string, at: { x: number; y: number }): void {
  closeEditor();
  showTooltip(null);
  const input = el("input", { type: "number", step: "any", value: String(Number(value.toPrecision(6))), "data-testid": "param-input", "aria-label": label });
  // Said in the box as well as by the browser's own bubble, which not every browser shows.
  const problem = el("div", { class: "editor-problem", role: "alert", "data-testid": "param-problem" });
  const box = el("div", { class: "editor", "data-testid": "param-editor" }, el("div", { text: label }), input, problem);
  box.style.left = `${Math.min(at.x, innerWidth - 200)}px`;
  box.style.top = `${at.y + 8}px`;
  // A box opened from the keyboard gives the focus back to the weight it edits when it closes by a key.
  const active = document.activeElement;
  const from = (active instanceof HTMLElement || active instanceof SVGElement) && active.matches(":focus-visible") ? active : null;
  document.body.append(box);
  input.focus();
  input.select();
  const close = (): void => box.remove();
  const closeBack = (): void => {
    close();
    if (from?.isConnected) from.focus();
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeBack();
    if (e.key !== "Enter") return;
    const v = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(v)) {
      input.setCustomValidity(t("editor.number"));
      input.reportValidity();
      problem.textContent = t("editor.number");
      return;
    }
    state.changedMidRun = true;
    void worker.setParam(index, v);
    closeBack();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

export function closeEditor(): void {
  document.querySelector(".editor")?.remove();
}
