/**
 * Each display frame: the latest frame from the worker, if new, into the counter, the losses, the
 * curve and the pictures. The loop runs while there is something to draw (a frame from the
 * worker, a view to redraw) and sleeps when the page is still: `wake` asks for the next display
 * frame. (Asking for every display frame kept a paused page at a tenth of a core.)
 */
import { t } from "../i18n.ts";
import { epochText } from "../ui/dom.ts";
import { lossText } from "../ui/loss-text.ts";
import { stopText } from "../ui/stop-text.ts";
import { paintGrids } from "./drawing.ts";
import { state } from "./state.ts";
import { updatePlayButton } from "./transport.ts";

let requested = false;

/** Draws at the next display frame (once, however often it is asked before then). */
export function wake(): void {
  if (requested) return;
  requested = true;
  requestAnimationFrame(draw);
}

function draw(): void {
  requested = false;
  const { view, latest, info } = state;
  if (!view || !latest || !info) {
    // A frame that came before the set-up's description: drawn once that is here.
    if (state.fresh || state.freshGrids) wake();
    return;
  }
  const f = latest;
  if (state.fresh) {
    state.fresh = false;
    view.epoch.textContent = epochText(f.epoch);
    view.epoch.dataset.epoch = String(f.epoch);
    view.trainLoss.textContent = lossText(f.trainLoss);
    view.trainLoss.dataset.value = String(f.trainLoss);
    view.testLoss.textContent = lossText(f.testLoss);
    view.testLoss.dataset.value = String(f.testLoss);
    // A divergence puts back earlier parameters: the curve keeps the epochs it went through.
    if (f.stop?.kind !== "diverged") view.chart.add(f.epoch, f.trainLoss, f.testLoss);
    view.chart.draw();
    if (f.stop) {
      // A file's run done is said as it is, not as a stop.
      view.error.textContent = f.stop.kind === "finished" ? stopText(f.stop) : t("error.stopped", { message: stopText(f.stop) });
      // L-BFGS converging, or a file's run done, is success, not an error: said in the notes' grey, not in red.
      view.error.classList.toggle("is-notice", f.stop.kind === "converged" || f.stop.kind === "finished");
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
  if (view.views.wantsTick(f.epoch)) wake();
}
