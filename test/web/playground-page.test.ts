/**
 * The playground in a real headless Chromium, as a user meets it: how it loads, what a click and a
 * key do, what the URL holds and restores, and the phone screen. Nothing here reads the page's internals.
 */
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { clean, epochOf, lossOf, openPage, pauseAndSettle, useSession, waitForEpoch } from "./browser.ts";

const session = useSession();

/** Distinct colours in a screenshot: a blank or broken page has one or two. */
function colors(png: Buffer): number {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4 * 7) seen.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  return seen.size;
}

/** The output heatmap's pixels, as the user sees them. */
async function heatmapPixels(page: Page): Promise<string> {
  return page.$eval("[data-testid=output-heatmap]", (c) => (c as HTMLCanvasElement).toDataURL());
}

async function refreshes(page: Page): Promise<number> {
  return Number((await page.getAttribute("[data-testid=heatmap]", "data-refreshes")) ?? 0);
}

describe("the playground page", () => {
  it("loads with no errors, asks nothing of the network, is cross-origin isolated and not blank", async () => {
    const w = await openPage(session());
    expect(await w.page.evaluate(() => crossOriginIsolated)).toBe(true);
    // Isolated, so the engine's helper thread runs beside the training worker.
    expect(await w.page.evaluate(() => (globalThis as unknown as { glassbox: { threads: number } }).glassbox.threads)).toBe(2);
    expect(await epochOf(w.page)).toBe(0);
    expect(await w.page.textContent("[data-testid=epoch]")).toBe("000,000");
    // Seven features, the default 4-2 network and its output.
    expect(await w.page.locator(".node.input").count()).toBe(7);
    expect(await w.page.locator(".node.input:not(.off)").count()).toBe(2);
    expect(await w.page.locator(".node[data-node]").count()).toBe(4 + 2 + 1);
    expect(await w.page.locator("svg.edges path.hit").count()).toBe(2 * 4 + 4 * 2 + 2 * 1);
    expect(colors(await w.page.screenshot())).toBeGreaterThan(50);
    await clean(w);
  });

  it("one step advances exactly one epoch, and reads as TensorFlow Playground's counter", async () => {
    const w = await openPage(session());
    const before = await lossOf(w.page, "train");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 2);
    await w.page.waitForTimeout(200);
    expect(await epochOf(w.page)).toBe(2);
    expect(await w.page.textContent("[data-testid=epoch]")).toBe("000,002");
    expect(await lossOf(w.page, "train")).not.toBe(before);
    await clean(w);
  });

  it("play on the default set-up brings the test loss under 0.1, redrawing the heatmaps as it goes", async () => {
    const w = await openPage(session());
    const r0 = await refreshes(w.page);
    await w.page.click("[data-testid=play]");
    // The test loss the page shows, once under 0.1 (checked at each display frame, for up to a minute).
    const under = await w.page.waitForFunction(() => {
      const v = Number(document.querySelector("[data-testid=loss-test]")?.getAttribute("data-value") ?? NaN);
      return v < 0.1 ? { v } : null;
    }, undefined, { timeout: 60_000 });
    const loss = ((await under.jsonValue()) as { v: number }).v;
    const paused = await pauseAndSettle(w.page);
    expect(loss).toBeLessThan(0.1);
    const epoch = await epochOf(w.page);
    expect(epoch).toBeGreaterThan(0);
    // The engine gets there by epoch 122 (see url-state.test.ts); the page, training ~10 ms slices between frames, shows it a little later.
    expect(epoch).toBeLessThan(50_000);
    expect(await refreshes(w.page)).toBeGreaterThan(r0 + 1);
    // Paused: the counter stays.
    await w.page.waitForTimeout(300);
    expect(await epochOf(w.page)).toBe(paused);
    await clean(w);
  });

  it("is keyboard operable: → steps, space plays and pauses, R resets", async () => {
    const w = await openPage(session());
    await w.page.keyboard.press("ArrowRight");
    await waitForEpoch(w.page, "=", 1);
    await w.page.keyboard.press("Space");
    await waitForEpoch(w.page, ">", 1);
    const paused = await pauseAndSettle(w.page, "space");
    await w.page.waitForTimeout(300);
    expect(await epochOf(w.page)).toBe(paused);
    await w.page.keyboard.press("r");
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.getAttribute("[data-testid=play]", "title")).toMatch(/space/);
    // With a button focused (the usual case after a click) S, → and R still work; Space presses
    // the button, once.
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await w.page.keyboard.press("s");
    await waitForEpoch(w.page, "=", 2);
    await w.page.keyboard.press("ArrowRight");
    await waitForEpoch(w.page, "=", 3);
    await w.page.keyboard.press("Space");
    await waitForEpoch(w.page, "=", 4);
    await w.page.keyboard.press("r");
    await waitForEpoch(w.page, "=", 0);
    // A menu keeps its letters: S there does not step.
    await w.page.focus("[data-testid=learningRate]");
    await w.page.keyboard.press("s");
    await w.page.waitForTimeout(200);
    expect(await epochOf(w.page)).toBe(0);
    // The classroom panel's summary opens with Space, and training does not start.
    await w.page.focus("footer.classroom summary");
    await w.page.keyboard.press("Space");
    await w.page.waitForFunction(() => document.querySelector("footer.classroom details")?.hasAttribute("open"));
    expect(await w.page.getAttribute("[data-testid=play]", "aria-pressed")).toBe("false");
    // Boxes ticked one after another: the list stays open for the next (the page is built again after each).
    for (const h of ["learningRate", "activation"]) {
      await w.page.click(`footer.classroom input[data-hide=${h}]`);
      await w.page.waitForFunction((h) => location.hash.includes(`${h}_hide=true`), h);
      expect(await w.page.evaluate(() => document.querySelector("footer.classroom details")?.hasAttribute("open"))).toBe(true);
    }
    await clean(w);
  });

  it("trains at the pace chosen: 10 epochs a second can be watched, and 'as fast as it goes' takes over at once", async () => {
    const w = await openPage(session(), "#speed=10");
    expect(await w.page.inputValue("[data-testid=speed]")).toBe("10");
    await w.page.click("[data-testid=play]");
    await waitForEpoch(w.page, ">=", 2);
    const at = (): Promise<{ epoch: number; t: number }> => w.page.evaluate(() => ({ epoch: Number(document.querySelector("[data-testid=epoch]")?.getAttribute("data-epoch")), t: performance.now() }));
    const from = await at();
    await w.page.waitForTimeout(1000);
    const to = await at();
    // 10 a second over the time between (fewer on a busy machine), plus at most the second's worth
    // a starved worker catches up at once and the frame still on its way.
    expect(to.epoch - from.epoch).toBeLessThanOrEqual(Math.ceil((10 * (to.t - from.t)) / 1000) + 12);
    expect(to.epoch).toBeGreaterThan(from.epoch);
    await w.page.selectOption("[data-testid=speed]", "max");
    await w.page.waitForFunction(() => !location.hash.includes("speed="));
    await waitForEpoch(w.page, ">", 1000);
    await pauseAndSettle(w.page);
    await clean(w);
  });

  it("a feature clicked on joins the network and the URL", async () => {
    const w = await openPage(session());
    const caption = (): Promise<string | null> => w.page.textContent("[data-testid=heatmap-caption]");
    await w.page.click(".node.input[data-feature=xSquared]");
    await w.page.waitForFunction(() => location.hash.includes("xSquared=true"));
    await waitForEpoch(w.page, "=", 0);
    // Hovered, a feature's map is the big picture; the pointer gone, the output is again.
    await w.page.waitForFunction(() => /X₁²/.test(document.querySelector("[data-testid=heatmap-caption]")?.textContent ?? ""));
    await w.page.mouse.move(5, 5);
    await w.page.waitForFunction(() => !/X₁²/.test(document.querySelector("[data-testid=heatmap-caption]")?.textContent ?? ""));
    expect(await caption()).not.toMatch(/input/);
    expect(await w.page.locator(".node.input:not(.off)").count()).toBe(3);
    expect(await w.page.locator("svg.edges path.hit").count()).toBe(3 * 4 + 4 * 2 + 2);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    // By keyboard: a feature takes the focus and Enter (or Space) switches it, without playing.
    await w.page.focus(".node.input[data-feature=xSquared]");
    await w.page.keyboard.press("Enter");
    await w.page.waitForFunction(() => !location.hash.includes("xSquared=true"));
    await waitForEpoch(w.page, "=", 0);
    await w.page.focus(".node.input[data-feature=sinX]");
    await w.page.keyboard.press("Space");
    await w.page.waitForFunction(() => location.hash.includes("sinX=true"));
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.getAttribute("[data-testid=play]", "aria-pressed")).toBe("false");
    await clean(w);
  });

  it("a clicked weight, and a clicked bias, take effect at once", async () => {
    const w = await openPage(session());
    const before = await heatmapPixels(w.page);
    const loss0 = await lossOf(w.page, "train");
    // The edge from the first neuron of layer 2 into the output.
    const edge = w.page.locator("svg.edges path.hit").last();
    const index = await edge.getAttribute("data-param");
    await edge.dispatchEvent("mouseenter", { clientX: 300, clientY: 300 });
    expect(await w.page.textContent("[data-testid=tooltip]")).toMatch(/weight from neuron \d of layer 2 to the output: -?\d/);
    await edge.dispatchEvent("click", { clientX: 300, clientY: 300 });
    await w.page.fill("[data-testid=param-input]", "4");
    await w.page.press("[data-testid=param-input]", "Enter");
    await w.page.waitForFunction((b) => (document.querySelector("[data-testid=output-heatmap]") as HTMLCanvasElement).toDataURL() !== b, before);
    await w.page.waitForFunction((l) => document.querySelector("[data-testid=loss-train]")?.getAttribute("data-value") !== l, String(loss0));
    expect(await epochOf(w.page)).toBe(0);
    await edge.dispatchEvent("mouseenter", { clientX: 300, clientY: 300 });
    expect(await w.page.textContent("[data-testid=tooltip]")).toMatch(/: 4\.000 /);
    expect(index).not.toBeNull();

    const mid = await heatmapPixels(w.page);
    await w.page.locator(".node[data-node='2:0'] .bias").click();
    // Nothing typed: said in the box, which stays open; nothing changes.
    await w.page.fill("[data-testid=param-input]", "");
    await w.page.press("[data-testid=param-input]", "Enter");
    expect(await w.page.textContent("[data-testid=param-problem]")).toBe("a finite number, please (nothing was changed)");
    expect(await w.page.isVisible("[data-testid=param-editor]")).toBe(true);
    expect(await heatmapPixels(w.page)).toBe(mid);
    await w.page.fill("[data-testid=param-input]", "-3");
    await w.page.press("[data-testid=param-input]", "Enter");
    await w.page.waitForFunction((b) => (document.querySelector("[data-testid=output-heatmap]") as HTMLCanvasElement).toDataURL() !== b, mid);

    // From the keyboard: the weights are one stop of Tab, the arrow keys go from one to the next
    // (not stepping training), each says its value, opens with Enter, and the focus comes back to it.
    expect(await w.page.locator("svg.edges path.hit[tabindex='0'], .bias[tabindex='0']").count()).toBe(1);
    const first = w.page.locator("svg.edges path.hit[data-param='0']");
    await first.focus();
    expect(await first.getAttribute("role")).toBe("button");
    expect(await first.getAttribute("tabindex")).toBe("0");
    expect(await first.getAttribute("aria-label")).toMatch(/^weight from X₁ to neuron 1 of layer 1: -?\d/);
    const focusedParam = (): Promise<string | null | undefined> => w.page.evaluate(() => document.activeElement?.getAttribute("data-param"));
    await w.page.keyboard.press("ArrowRight");
    expect(await focusedParam()).toBe("1");
    await w.page.keyboard.press("ArrowLeft");
    expect(await focusedParam()).toBe("0");
    expect(await epochOf(w.page)).toBe(0);
    const later = await heatmapPixels(w.page);
    await w.page.keyboard.press("Enter");
    expect(await w.page.isVisible("[data-testid=param-editor]")).toBe(true);
    await w.page.keyboard.type("2.5");
    await w.page.keyboard.press("Enter");
    await w.page.waitForFunction((b) => (document.querySelector("[data-testid=output-heatmap]") as HTMLCanvasElement).toDataURL() !== b, later);
    expect(await w.page.evaluate(() => document.activeElement?.classList.contains("hit"))).toBe(true);
    expect(await first.getAttribute("aria-label")).toMatch(/: 2\.500 \(Enter to edit, arrow keys for the next weight\)$/);
    // A bias too, with Space; Escape closes its box and changes nothing.
    const bias = w.page.locator(".node[data-node='0:0'] .bias");
    await bias.focus();
    await w.page.keyboard.press(" ");
    expect(await w.page.isVisible("[data-testid=param-editor]")).toBe(true);
    await w.page.keyboard.press("Escape");
    expect(await w.page.locator("[data-testid=param-editor]").count()).toBe(0);
    expect(await w.page.evaluate(() => document.activeElement?.classList.contains("bias"))).toBe(true);
    expect(await epochOf(w.page)).toBe(0);
    await clean(w);
  });

  it("adding a layer changes the diagram and the URL; removing it restores both", async () => {
    const w = await openPage(session());
    await w.page.click("[data-testid=add-layer]");
    await w.page.waitForFunction(() => location.hash.includes("networkShape=4,2,2"));
    expect(await w.page.textContent("[data-testid=layer-count]")).toBe("3 hidden layers");
    expect(await w.page.locator(".node[data-node]").count()).toBe(4 + 2 + 2 + 1);
    await w.page.click("[data-testid=add-neuron-2]");
    await w.page.waitForFunction(() => location.hash.includes("networkShape=4,2,3"));
    await w.page.click("[data-testid=remove-layer]");
    await w.page.waitForFunction(() => location.hash.includes("networkShape=4,2&"));
    expect(await w.page.locator(".node[data-node]").count()).toBe(4 + 2 + 1);
    await clean(w);
  });

  it("a double click on + adds two layers (the button stays under the pointer), and training that was playing plays on", async () => {
    // Playing at 60 epochs a second: what is checked is that it plays on, not how fast.
    const w = await openPage(session(), "#speed=60");
    const at = async (id: string) => (await w.page.locator(`[data-testid=${id}]`).boundingBox())!;
    const plus = await at("add-layer");
    await w.page.click("[data-testid=play]");
    await waitForEpoch(w.page, ">", 0);
    await w.page.dblclick("[data-testid=add-layer]");
    await w.page.waitForFunction(() => location.hash.includes("networkShape=4,2,2,2"));
    expect(await at("add-layer")).toEqual(plus);
    // Both changes restarted training from epoch 0, and it goes on playing.
    await waitForEpoch(w.page, ">", 0);
    expect(await w.page.getAttribute("[data-testid=play]", "aria-pressed")).toBe("true");
    await w.page.dblclick("[data-testid=add-neuron-1]");
    await w.page.waitForFunction(() => location.hash.includes("networkShape=4,4,2,2"));
    const epoch = await waitForEpoch(w.page, ">", 0);
    await waitForEpoch(w.page, ">", epoch);
    await clean(w);
  });

  it("a reload restores the set-up, seed included", async () => {
    const w = await openPage(session());
    await w.page.selectOption("[data-testid=learningRate]", "0.1");
    await w.page.click(".dataset-thumb[data-dataset=xor]");
    await w.page.waitForFunction(() => location.hash.includes("dataset=xor") && location.hash.includes("learningRate=0.1&"));
    await waitForEpoch(w.page, "=", 0);
    const loss = await lossOf(w.page, "test");
    await w.page.reload();
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.1");
    expect(await w.page.getAttribute(".dataset-thumb.selected", "data-dataset")).toBe("xor");
    // The chosen dataset is the one pressed, for a screen reader as for the eye.
    expect(await w.page.$$eval(".dataset-thumb[aria-pressed=true]", (b) => b.map((x) => x.getAttribute("data-dataset")))).toEqual(["xor"]);
    expect(await w.page.locator(".dataset-thumb[aria-pressed=false]").count()).toBe(3);
    expect(await lossOf(w.page, "test")).toBe(loss);
    // Copy link puts that link on the clipboard and says so on the button.
    await session().context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(session().server.url).origin });
    await w.page.click("[data-testid=copy-link]");
    const said = await w.page.waitForFunction(() => {
      const b = document.querySelector<HTMLElement>("[data-testid=copy-link]");
      return b?.dataset.copied === "true" ? b.textContent : null;
    });
    expect(await said.jsonValue()).toBe("Link copied");
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await w.page.evaluate(() => location.href));
    expect(copied).toContain("dataset=xor");
    await clean(w);
  });

  it("opens a TensorFlow Playground link as the same set-up, classroom flags included", async () => {
    const link =
      "#activation=relu&batchSize=20&dataset=spiral&regDataset=reg-plane&learningRate=0.01&regularizationRate=0.001&noise=10&networkShape=6,3&seed=0.47231&showTestData=true&discretize=false&percTrainData=70&x=true&y=true&xTimesY=true&xSquared=false&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L2&learningRate_hide=true";
    const w = await openPage(session(), link);
    expect(await w.page.locator("[data-testid=notices]").count()).toBe(0);
    expect(await w.page.inputValue("[data-testid=activations]")).toBe("relu");
    expect(await w.page.inputValue("[data-testid=regularizations]")).toBe("L2");
    expect(await w.page.inputValue("[data-testid=batchSize]")).toBe("20");
    expect(await w.page.inputValue("[data-testid=percTrainData]")).toBe("70");
    expect(await w.page.isChecked("[data-testid=show-test-data]")).toBe(true);
    expect(await w.page.getAttribute(".dataset-thumb.selected", "data-dataset")).toBe("spiral");
    expect(await w.page.locator(".node[data-node]").count()).toBe(6 + 3 + 1);
    expect(await w.page.locator(".node.input:not(.off)").count()).toBe(4);
    expect(await w.page.isVisible(".ui-learningRate")).toBe(false);
    expect(await w.page.isVisible(".ui-activation")).toBe(true);
    await clean(w);
  });

  it("a bad link falls back to defaults with a visible notice, never a blank page", async () => {
    const w = await openPage(session(), "#learningRate=abc&networkShape=4,999&dataset=moons&zzz=1&%zz");
    const notice = await w.page.textContent("[data-testid=notices]");
    expect(notice).toMatch(/learningRate/);
    expect(notice).toMatch(/networkShape/);
    expect(notice).toMatch(/dataset/);
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.03");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await clean(w);
  });

  it("lays itself out again for a new width, and not for a new height (a phone's address bar hiding as it scrolls)", async () => {
    const w = await openPage(session());
    const marked = () => w.page.evaluate(() => (document.querySelector("[data-testid=step]") as HTMLElement & { mark?: number }).mark);
    await w.page.evaluate(() => void ((document.querySelector("[data-testid=step]") as HTMLElement & { mark?: number }).mark = 1));
    await w.page.setViewportSize({ width: 1280, height: 500 });
    await w.page.waitForTimeout(400); // past the resize handler's 200 ms
    expect(await marked()).toBe(1);
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=step]") as HTMLElement & { mark?: number }).mark === undefined);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await clean(w);
  });

  it("fits a 390-px phone screen without sideways scrolling of the page", async () => {
    const w = await openPage(session(), "", { width: 390, height: 844 });
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(colors(await w.page.screenshot({ fullPage: true }))).toBeGreaterThan(50);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await clean(w);
  });
});
