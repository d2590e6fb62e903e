/** Play, pause and step: what the page asks the worker, and the play button that shows which. */
import { icon } from "../ui/dom.ts";
import { state, worker } from "./state.ts";

export function play(): void {
  if (!state.info) return;
  state.playing = true;
  updatePlayButton();
  delete state.view?.play.dataset.pausedAt;
  // Why it stopped (a file's run done, L-BFGS converged, a divergence) no longer holds once it trains again.
  clearStopText();
  void worker.play();
}

export function pause(): void {
  state.playing = false;
  updatePlayButton();
  const button = state.view?.play;
  // The epoch training stopped at: once the counter shows it, no later frame can come.
  void worker.pause().then((epoch) => {
    if (button && !state.playing) button.dataset.pausedAt = String(epoch);
  });
}

export function step(): void {
  // No network to train (an imported model the data does not fit, a set-up not ready yet): nothing to step.
  if (!state.info) return;
  state.playing = false;
  updatePlayButton();
  clearStopText();
  void worker.step();
}

/** Why training stopped no longer holds once it trains again. */
function clearStopText(): void {
  if (!state.view) return;
  state.view.error.textContent = "";
  state.view.error.classList.remove("is-notice");
}

export function updatePlayButton(): void {
  const { view, playing } = state;
  if (!view) return;
  view.play.replaceChildren(icon(playing ? "pause" : "play"));
  view.play.setAttribute("aria-pressed", String(playing));
  view.play.classList.toggle("playing", playing);
}
