/**
 * The key under the output's picture, for what it shows at the moment: P(orange class) for two
 * classes, each class's colour for several, the value range of a regression's output, a hovered
 * neuron's activation range or an input's values. (One key for every picture read "0 (blue) ·
 * P = ½ · 1 (orange)" over three classes' colours, a CSV's ages and a tanh neuron alike.)
 */
import { el } from "./dom.ts";
import { classPointColor } from "./colors.ts";
import { t } from "../i18n.ts";

export type Legend =
  /** The blue–white–orange bar, its two ends and its middle labelled. */
  | { kind: "bar"; ticks: [string, string, string]; title: string }
  | { kind: "classes"; labels: string[] };

/** Two classes: P(orange class), its ends named by the classes (0 and 1 before the network is ready). */
export function twoClassLegend(classes: readonly string[] | null): Legend {
  return { kind: "bar", ticks: [t("output.tick.blue", { cls: classes?.[0] ?? 0 }), t("output.tick.half"), t("output.tick.orange", { cls: classes?.[1] ?? 1 })], title: t("output.bar.class") };
}

export class OutputLegend {
  readonly root: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly tickRow: HTMLElement;
  private readonly ticks: HTMLElement[];
  private readonly classes: HTMLElement;
  private shown = "";

  constructor() {
    this.bar = el("div", { class: "colour-bar", "data-testid": "colour-bar" });
    this.ticks = [el("span"), el("span"), el("span")];
    this.classes = el("div", { class: "class-legend", "data-testid": "class-legend" });
    this.tickRow = el("div", { class: "colour-ticks", "data-testid": "colour-ticks" }, ...this.ticks);
    this.root = el("div", { class: "output-legend" }, this.bar, this.tickRow, this.classes);
  }

  show(legend: Legend): void {
    // Called for every picture: the key changes only when what it says does.
    const key = JSON.stringify(legend);
    if (key === this.shown) return;
    this.shown = key;
    const bar = legend.kind === "bar";
    this.bar.hidden = !bar;
    this.tickRow.hidden = !bar;
    this.classes.hidden = bar;
    if (legend.kind === "bar") {
      this.bar.title = legend.title;
      legend.ticks.forEach((text, i) => (this.ticks[i].textContent = text));
    } else {
      this.classes.replaceChildren(
        ...legend.labels.map((label, c) => {
          const swatch = el("i");
          swatch.style.background = classPointColor(c);
          return el("span", {}, swatch, label);
        }),
      );
    }
  }
}
