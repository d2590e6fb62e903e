/**
 * The step inspector's hover: over a cell of the computed matrix (or with the picture focused,
 * the arrow keys), that cell becomes the highlighted one, the picture marks the cells it came
 * from, and the line above the picture writes the arithmetic with the trace's numbers
 * (src/web/step-arithmetic.ts, computed by the worker with the picture).
 */
import type { StepHover } from "../step-arithmetic.ts";
import { el } from "./dom.ts";
import { t } from "../i18n.ts";

export class StepHoverControl {
  readonly line: HTMLElement;
  /** "Hover a cell…", shown where the picture has hover text. */
  readonly hint: HTMLElement;
  private hover: StepHover | null = null;

  constructor(
    private readonly picture: HTMLElement,
    private readonly onCell: (cell: [number, number]) => void,
  ) {
    this.hint = el("div", { class: "panel-note view-hint", text: t("steps.hoverHint") });
    this.line = el("div", { class: "step-arithmetic", "data-testid": "step-arithmetic", "aria-live": "polite" });
    picture.addEventListener("pointermove", (e) => this.pointer(e));
    picture.addEventListener("keydown", (e) => this.key(e));
  }

  /** The latest picture's hover data (null: this layout has none, or another view is open). */
  show(hover: StepHover | null | undefined): void {
    this.hover = hover ?? null;
    const on = !!this.hover;
    this.line.hidden = !on;
    this.hint.hidden = !on;
    if (on) {
      this.picture.tabIndex = 0;
      this.picture.setAttribute("aria-label", t("steps.picture.aria"));
    } else {
      this.picture.removeAttribute("tabindex");
      this.picture.removeAttribute("aria-label");
    }
    const h = this.hover;
    this.line.textContent = h?.arithmetic ?? "";
    if (h) {
      this.line.dataset.cell = `${h.name}[${h.cell[0]},${h.cell[1]}]`;
      this.line.title = t("steps.arithmetic.title");
    }
  }

  private pointer(e: PointerEvent): void {
    const h = this.hover;
    const svg = this.picture.querySelector("svg");
    if (!h || !svg || e.buttons) return;
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return;
    const k = h.width / box.width;
    const x = (e.clientX - box.left) * k;
    const y = (e.clientY - box.top) * k;
    const hit = h.cells.find((c) => x >= c.x && x < c.x + c.width && y >= c.y && y < c.y + c.height);
    if (hit && (hit.r !== h.cell[0] || hit.c !== h.cell[1])) this.onCell([hit.r, hit.c]);
  }

  private key(e: KeyboardEvent): void {
    const h = this.hover;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (!h || !m) return;
    // The page's own arrow key (→ steps training) stays out of the way while a cell is chosen.
    e.preventDefault();
    e.stopPropagation();
    const rows = Math.max(...h.cells.map((c) => c.r)) + 1;
    const cols = Math.max(...h.cells.map((c) => c.c)) + 1;
    const r = Math.max(0, Math.min(rows - 1, h.cell[0] + m[0]));
    const c = Math.max(0, Math.min(cols - 1, h.cell[1] + m[1]));
    if (r !== h.cell[0] || c !== h.cell[1]) this.onCell([r, c]);
  }
}
