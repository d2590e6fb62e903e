/** The playground in a real headless Chromium: every kind of set-up the page offers trains, its loss going down. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lossOf, openPage, pauseAndSettle, showLink, useSession, waitForEpoch, type Watched } from "./browser.ts";

const session = useSession();

/**
 * Plays until the counter passes `epochs`, then pauses (a count of epochs, not a time: the same
 * work on a busy machine). By the keyboard's space bar: one key press, where a click first waits
 * for the button to hold still over two display frames (the play button itself is clicked in
 * playground-page.test.ts).
 */
async function playPast(page: Page, epochs: number): Promise<void> {
  await page.keyboard.press("Space");
  await waitForEpoch(page, ">", epochs);
  await pauseAndSettle(page, "space");
}

describe("the playground page", () => {
  // One page for all the set-ups, each opened by its link as a user pasting it would (the page
  // starts again from the link on hashchange): a new page per set-up cost three times as much.
  let w: Watched;
  beforeAll(async () => {
    w = await openPage(session());
  });
  afterAll(async () => {
    await w?.page.close();
  });
  const setups: [string, string][] = [
    ["xor with X₁X₂", "#dataset=xor&xTimesY=true"],
    ["gauss", "#dataset=gauss"],
    ["spiral with every feature, relu", "#dataset=spiral&activation=relu&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&networkShape=8,8"],
    ["circle, sigmoid", "#activation=sigmoid"],
    ["circle, linear, L1", "#activation=linear&regularization=L1&regularizationRate=0.001"],
    ["circle, L2, no hidden layer, squares", "#regularization=L2&regularizationRate=0.01&networkShape=&xSquared=true&ySquared=true"],
    ["regression plane", "#problem=regression&regDataset=reg-plane"],
    ["regression multi-gaussian", "#problem=regression&regDataset=reg-gauss&activation=relu&networkShape=8,8"],
    ["gradient descent, squared error", "#optimizer=gd&loss=mse&learningRate=0.3"],
    ["SGD with Nesterov momentum, He start", "#optimizer=nesterov&momentum=0.9&init=he&learningRate=0.01"],
    ["Adam, xor", "#optimizer=adam&learningRate=0.01&dataset=xor"],
    ["L-BFGS, gauss, half the sum of squares", "#optimizer=lbfgs&loss=sse&dataset=gauss"],
  ];
  for (const [name, hash] of setups) {
    // L-BFGS stops by itself once converged (a few dozen iterations here): fewer epochs to pass.
    const epochs = hash.includes("optimizer=lbfgs") ? 5 : 300;
    it(`trains: ${name}`, async () => {
      w.errors.length = 0;
      w.offsite.length = 0;
      await showLink(w.page, hash);
      expect(await w.page.locator("[data-testid=notices]").count()).toBe(0);
      const first = await lossOf(w.page, "train");
      await playPast(w.page, epochs);
      const later = await lossOf(w.page, "train");
      expect(Number.isFinite(later)).toBe(true);
      expect(later).toBeLessThan(first);
      expect(w.errors).toEqual([]);
      expect(w.offsite).toEqual([]);
    });
  }
});
