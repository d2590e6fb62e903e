/** Each display frame: the latest frame from the worker, if new, into the counter, the losses, the curve and the pictures. */
import { CONVERGED } from "../protocol.ts";
import { t } from "../i18n.ts";
import { epochText } from "../ui/dom.ts";
import { paintGrids } from "./drawing.ts";
import { state } from "./state.ts";
import { updatePlayButton } from "./transport.ts";

function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return "–";
  return v !== 0 && Math.abs(v) < 0.001 ? v.toExponential(2) : v.toFixed(3);
}

export function draw(): void {
  requestAnimationFrame(draw);
  const { view, latest, info } = state;
  if (!view || !latest || !info) return;
  const f = latest;
  if (state.fresh) {
    state.fresh = false;
    view.epoch.textContent = epochText(f.epoch);
    view.epoch.dataset.epoch = String(f.epoch);
    view.trainLoss.textContent = formatLoss(f.trainLoss);
    view.trainLoss.dataset.value = String(f.trainLoss);
    view.testLoss.textContent = formatLoss(f.testLoss);
    view.testLoss.dataset.value = String(f.testLoss);
    view.chart.add(f.epoch, f.trainLoss, f.testLoss);
    view.chart.draw();
    if (f.error) {
      const converged = f.error.startsWith(CONVERGED) ? f.error.slice(CONVERGED.length) : null;
      view.error.textContent = t("error.stopped", { message: converged !== null ? t("error.converged", { epoch: converged }) : f.error });
      state.playing = false;
      updatePlayButton();
      view.play.dataset.pausedAt = String(f.epoch);
    }
  }
  let changed = false;
  if (state.freshGrids) {
    state.freshGrids = false;
    changed = true;
    view.network.setParams(f.params);
    if (state.lastGrids) paintGrids(state.lastGrids);
  }
  view.views.tick(f.epoch, changed);
}
