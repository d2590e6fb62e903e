/**
 * The controls above two of "Look inside"'s views: the hidden layer's (which layer, the morph's
 * slider and its player) and the loss landscape's (its two parameters, heatmap or 3-D). Each
 * writes the user's choice into the panel's ViewChoices and says it changed; the panel redraws.
 */
import { el } from "./dom.ts";
import { t } from "../i18n.ts";
import type { ViewChoices } from "./views-panel.ts";

/** A short note under a view's controls. */
export function viewHint(text: string): HTMLElement {
  return el("span", { class: "panel-note view-hint", text });
}

/** How far along the morph is; the slider's own labels already name its two ends. */
function morphText(share: number): string {
  return t("views.morph.part", { percent: Math.round(Math.min(1, Math.max(0, share)) * 100) });
}

/** "Play the morph": one timer at a time, from 0 to 1 in steps of 0.02 every 50 ms. */
export interface MorphPlayer {
  play(step: (t: number) => void): void;
  stop(): void;
}

export function morphPlayer(): MorphPlayer {
  let timer = 0;
  const stop = (): void => clearInterval(timer);
  return {
    stop,
    play(step) {
      stop();
      let at = 0;
      step(0);
      timer = window.setInterval(() => {
        at = Math.min(1, at + 0.02);
        step(at);
        if (at >= 1) stop();
      }, 50);
    },
  };
}

/** Hidden space: the layer (of `hiddenUnits`), the morph from input space to it, and the cube's hint for a layer of three. */
export function hiddenControls(s: ViewChoices, hiddenUnits: readonly number[], changed: () => void, player: MorphPlayer): HTMLElement[] {
  if (hiddenUnits.length === 0) return [el("span", { text: t("views.noHidden") })];
  s.layer = Math.min(s.layer, hiddenUnits.length);
  const layer = el("select", { "data-testid": "view-layer" });
  for (let l = 1; l <= hiddenUnits.length; l++) layer.append(el("option", { value: String(l), selected: l === s.layer, text: t("views.layerOption", { layer: l }) }));
  const cube = viewHint(t("views.cube"));
  const showCube = (): void => void (cube.hidden = hiddenUnits[s.layer - 1] !== 3);
  showCube();
  layer.addEventListener("change", () => {
    s.layer = Number(layer.value);
    showCube();
    changed();
  });
  const slider = el("input", { type: "range", min: 0, max: 1, step: 0.01, value: s.t, "data-testid": "morph", "aria-label": t("views.morph.aria") });
  const readout = el("span", { class: "morph-readout", text: morphText(s.t) });
  const setT = (at: number): void => {
    s.t = at;
    slider.value = String(at);
    readout.textContent = morphText(at);
    changed();
  };
  slider.addEventListener("input", () => {
    player.stop();
    setT(Number(slider.value));
  });
  const play = el("button", { class: "text-button", "data-testid": "morph-play", text: t("views.morph.play") });
  play.addEventListener("click", () => player.play(setT));
  return [el("label", {}, `${t("views.layer")} `, layer), el("label", { class: "morph" }, `${t("views.morph.from")} `, slider, ` ${t("views.morph.to")} `), readout, play, cube];
}

export interface LandscapeActions {
  changed(): void;
  /** Sets both menus to the pair (and marks it on the diagram). */
  showParams(pair: readonly [string, string]): void;
  /** The pair chosen, else the pair the worker drew last (null before the first drawing). */
  pair(): readonly [string, string] | null;
}

/** The landscape: its two parameters (of `names`; `drawn`, the pair the worker drew, names them until one is chosen) and heatmap or 3-D. */
export function landscapeControls(s: ViewChoices, names: readonly string[], drawn: readonly [string, string] | null, on: LandscapeActions): HTMLElement[] {
  if (!s.params || !names.includes(s.params[0]) || !names.includes(s.params[1])) s.params = null;
  const note = el("span", { class: "panel-note view-note", role: "status", "data-testid": "landscape-note" });
  const menus: HTMLSelectElement[] = [];
  const pick = (k: 0 | 1): HTMLSelectElement => {
    const sel = el("select", { "data-testid": `landscape-param-${k}`, "aria-label": t(k === 0 ? "views.axisX" : "views.axisY") });
    const current = (s.params ?? drawn)?.[k];
    // The placeholder goes back to the default pair; once drawn, the menus name it.
    sel.append(el("option", { value: "", text: k === 0 ? t("views.firstWeight") : t("views.secondWeight"), selected: !current }));
    for (const n of names) sel.append(el("option", { value: n, text: n, selected: n === current }));
    sel.addEventListener("change", () => {
      const shown = on.pair();
      note.textContent = "";
      if (!sel.value) {
        s.params = null;
        on.changed();
        return;
      }
      // The other axis keeps what it shows (the default until chosen).
      const other = menus[1 - k]?.value || shown?.[1 - k] || names.find((n) => n !== sel.value)!;
      if (other === sel.value) {
        note.textContent = t("views.sameParam", { name: other });
        sel.value = shown?.[k] ?? "";
        return;
      }
      const pair: [string, string] = k === 0 ? [sel.value, other] : [other, sel.value];
      s.params = pair;
      on.showParams(pair);
      on.changed();
    });
    menus[k] = sel;
    return sel;
  };
  const mode = el("select", { "data-testid": "landscape-mode", "aria-label": t("views.drawnAs") }, el("option", { value: "heatmap", text: t("views.heatmap"), selected: s.mode === "heatmap" }), el("option", { value: "3d", text: t("views.surface3d"), selected: s.mode === "3d" }));
  mode.addEventListener("change", () => {
    s.mode = mode.value as "heatmap" | "3d";
    on.changed();
  });
  // Two menus read as one phrase ("Parameters … and …"): a group, each menu named by its axis (a label names one control only).
  return [el("span", { role: "group", "aria-label": t("views.parameters") }, `${t("views.parameters")} `, pick(0), ` ${t("views.and")} `, pick(1)), el("span", {}, ` ${t("views.as")} `, mode), note, viewHint(t("views.landscapeHint"))];
}
