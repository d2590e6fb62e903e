/** Why training stopped, in the page's language and terms (the sentence a "Training stopped: …" message quotes). */
import { t } from "../i18n.ts";
import type { Stop } from "../stop.ts";
import { fmt } from "../../viz/format.ts";

export function stopText(stop: Stop): string {
  switch (stop.kind) {
    case "converged":
      return t("error.converged", { epoch: stop.epoch });
    case "finished":
      return t("error.finished", { epoch: stop.epoch.toLocaleString("en-US") });
    case "failed":
      return stop.message;
    case "diverged": {
      const back = stop.shownEpoch > 0 ? t("error.diverged.shown", { epoch: stop.shownEpoch }) : t("error.diverged.shownStart");
      const advice = `${back} ${stop.learningRate !== null ? t("error.diverged.lowerRate", { rate: stop.learningRate }) : t("error.diverged.reset")}`;
      const loss = fmt(stop.loss);
      return stop.grewFrom
        ? t("error.diverged.grew", { epoch: stop.epoch, from: fmt(stop.grewFrom.loss), fromEpoch: stop.grewFrom.epoch, loss, advice })
        : t("error.diverged.notNumber", { epoch: stop.epoch, loss, advice });
    }
  }
}
