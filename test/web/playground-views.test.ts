/**
 * The playground's views panel and step inspector in a real headless Chromium, against the CLI:
 * every view draws and follows the training, the landscape takes clicked edges, the morph and the
 * inspector are the CLI's own pictures and numbers, and the model, a view and the spreadsheet download.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { train } from "../../src/nn/train.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { predictProba } from "../../src/nn/predict.ts";
import { firstIteration } from "../../src/experiment/first-iteration.ts";
import { hiddenMorphScene, toSvg, VIEWS } from "../../src/viz/index.ts";
import type { Trace } from "../../src/nn/trace.ts";
import { CATALOGUES } from "../../src/web/i18n.ts";
import { clean, downloadBytes, epochOf, lossOf, openPage, pauseAndSettle, useSession, waitForEpoch } from "./browser.ts";

const session = useSession();

/** The exported experiment of the page's set-up, prepared as the CLI prepares it. */
async function exported(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  const json = JSON.parse((await downloadBytes(download)).toString("utf8"));
  return prepareExperiment(validateExperiment(json));
}

async function openView(page: Page, tab: string): Promise<string> {
  await page.click(`.view-tab[data-view=${tab}]`);
  await page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t, tab);
  return page.innerHTML("[data-testid=view-picture]");
}

describe("the playground page", () => {
  it("every view beyond the Playground's draws, and changes while training", async () => {
    const w = await openPage(session(), "#networkShape=3");
    for (const tab of ["hidden", "landscape", "surface", "history"]) {
      if (tab === "history") await w.page.click("[data-testid=step]");
      const first = await openView(w.page, tab);
      expect(first, tab).toMatch(/^<svg/);
      // Three neurons are a cube, which turns when dragged: the hint says so.
      if (tab === "hidden") expect(await w.page.isVisible(`.view-hint:text("${CATALOGUES.en["views.cube"]}")`)).toBe(true);
      const drawn = Number(await w.page.getAttribute("[data-testid=view-picture]", "data-drawn"));
      await w.page.click("[data-testid=play]");
      await w.page.waitForFunction((d) => Number(document.querySelector("[data-testid=view-picture]")?.getAttribute("data-drawn")) > d + 1, drawn);
      const paused = await pauseAndSettle(w.page);
      // The view draws the network training stopped at, without an error.
      await w.page.waitForFunction((e) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-epoch") === String(e), paused);
      expect(await w.page.innerHTML("[data-testid=view-picture]"), tab).not.toBe(first);
      expect(await w.page.textContent("[data-testid=view-message]")).toBe("");
    }
    await clean(w);
  });

  it("hidden space without a hidden layer says how to add one, and shows no engine error", async () => {
    const w = await openPage(session(), "#networkShape=");
    await w.page.click(".view-tab[data-view=hidden]");
    await w.page.waitForFunction((note) => document.querySelector(".views .view-controls")?.textContent?.includes(note), CATALOGUES.en["views.noHidden"]);
    await w.page.waitForTimeout(300);
    expect(await w.page.textContent("[data-testid=view-message]")).toBe("");
    await clean(w);
  });

  it("with the landscape open, two clicked edges become its two parameters", async () => {
    const w = await openPage(session());
    await openView(w.page, "landscape");
    const edges = w.page.locator("svg.edges path.hit");
    await edges.nth(0).dispatchEvent("click", { clientX: 300, clientY: 300 });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-0]") as HTMLSelectElement)?.value === "W1[0,0]");
    await edges.nth(2).dispatchEvent("click", { clientX: 300, clientY: 300 });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-1]") as HTMLSelectElement)?.value === "W1[1,0]");
    await w.page.waitForFunction(() => /The cost over W1\[0,0\] and W1\[1,0\]/.test(document.querySelector("[data-testid=view-picture]")?.textContent ?? ""));
    expect(await w.page.locator("[data-testid=param-editor]").count()).toBe(0);
    await clean(w);
  });

  it("the hidden-space morph at 0 and at 1 is the CLI's own picture of input space and hidden space", async () => {
    const w = await openPage(session(), "#networkShape=2");
    const p = await exported(w.page);
    const atOne = await openView(w.page, "hidden");
    // Two neurons are a plane: no cube to turn, so no hint that it turns.
    expect(await w.page.isVisible(`.view-hint:text("${CATALOGUES.en["views.cube"]}")`)).toBe(false);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(atOne)![1]);
    // The same SVG as the page drew, serialised by the page's DOM like the one it shows.
    const asShown = (svg: string): Promise<string> => w.page.evaluate((text) => {
      const d = document.createElement("div");
      d.innerHTML = text;
      return d.innerHTML;
    }, svg);
    expect(atOne).toBe(await asShown(toSvg(VIEWS.hidden({ model: p.model, split: p.split, prepared: p }, { width, layer: 1 }), { idPrefix: "hidden" })));
    const drawn = Number(await w.page.getAttribute("[data-testid=view-picture]", "data-drawn"));
    await w.page.fill("[data-testid=morph]", "0");
    await w.page.dispatchEvent("[data-testid=morph]", "input");
    await w.page.waitForFunction((d) => Number(document.querySelector("[data-testid=view-picture]")?.getAttribute("data-drawn")) > d, drawn);
    await w.page.waitForTimeout(400);
    const atZero = await w.page.innerHTML("[data-testid=view-picture]");
    expect(atZero).toBe(await asShown(toSvg(hiddenMorphScene(p.model, p.split, 0, { width, layer: 1 }), { idPrefix: "morph" })));
    expect(atZero).not.toBe(atOne);
    await clean(w);
  });

  it("the step inspector's matrices are glassbox steps' to 1e-12, at the learning rate chosen while training, and apply performs that update", async () => {
    const w = await openPage(session(), "#dataset=xor&regularization=L2&regularizationRate=0.01");
    // A learning rate chosen once the network is there takes effect in place (no restart): the
    // step, the inspector's update and apply all use it.
    await w.page.selectOption("[data-testid=learningRate]", "0.3");
    await w.page.waitForFunction(() => /learningRate=0\.3(&|$)/.test(location.hash));
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await openView(w.page, "steps");
    const pageTrace = (await w.page.evaluate(() => (globalThis as unknown as { glassbox: { trace(): Promise<unknown> } }).glassbox.trace())) as Trace;
    const p = await exported(w.page); // trains epoch 1 as the page did
    train(p.model, p.data, p.config);
    const cli = firstIteration(p);
    expect(pageTrace.steps.map((x) => x.name)).toEqual(cli.steps.map((x) => x.name));
    let worst = 0;
    cli.steps.forEach((step, i) => step.value.forEach((row, r) => row.forEach((v, c) => (worst = Math.max(worst, Math.abs(v - pageTrace.steps[i].value[r][c]) / Math.max(1, Math.abs(v)))))));
    expect(worst).toBeLessThan(1e-12);
    // Step through, then apply: the loss moves, the epoch does not.
    await w.page.click("[data-testid=step-next]");
    await w.page.waitForFunction(() => /step 2 of \d+/.test(document.querySelector("[data-testid=step-label]")?.textContent ?? ""));
    const loss = await lossOf(w.page, "train");
    await w.page.click("[data-testid=step-apply]");
    await w.page.waitForFunction((l) => document.querySelector("[data-testid=loss-train]")?.getAttribute("data-value") !== l, String(loss));
    expect(await epochOf(w.page)).toBe(1);
    const after = (await w.page.evaluate(() => (globalThis as unknown as { glassbox: { trace(): Promise<unknown> } }).glassbox.trace())) as Trace;
    // Apply sets the inspector's W1' exactly. (The CLI's agrees to rounding only: Chromium's Math
    // functions and Node's (exp, tanh, and the data generators' cos and log) may differ in the last bit.)
    const W1 = after.steps.find((x) => x.name === "W1")!.value;
    expect(W1).toEqual(pageTrace.steps.find((x) => x.name === "W1'")!.value);
    expect(W1).not.toEqual(pageTrace.steps.find((x) => x.name === "W1")!.value);
    // The inspector starts the next iteration at its first step, its label too.
    await w.page.waitForFunction(() => /step 1 of \d+/.test(document.querySelector("[data-testid=step-label]")?.textContent ?? ""));
    // An update outside the epochs: the exported file says it cannot replay it.
    const [download] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export]")]);
    expect(JSON.parse((await downloadBytes(download)).toString("utf8")).description).toMatch(/changed during the run/);
    // Playing with the inspector open, another language keeps training.
    await w.page.click("[data-testid=play]");
    const before = await waitForEpoch(w.page, ">", 1);
    await w.page.click("[data-testid=lang]");
    await w.page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
    await waitForEpoch(w.page, ">", before + 50);
    await pauseAndSettle(w.page);
    await clean(w);
  });

  it("the model, a view and the spreadsheet download; the CLI reads the model and predicts as the page", async () => {
    const w = await openPage(session(), "#dataset=gauss");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    const [model] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export-model]")]);
    const json = JSON.parse((await downloadBytes(model)).toString("utf8"));
    const m = modelFromJson(json);
    const p = await exported(w.page);
    train(p.model, p.data, p.config);
    const a = predictProba(m, p.raw.test!.X).data;
    const b = predictProba(p.model, p.raw.test!.X).data;
    let worst = 0;
    a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[i]))));
    expect(worst).toBeLessThan(1e-12);
    await openView(w.page, "surface");
    const [svg] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=view-svg]")]);
    expect((await downloadBytes(svg)).toString("utf8")).toMatch(/^<svg[^>]*>/);
    const [png] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=view-png]")]);
    expect((await downloadBytes(png)).subarray(1, 4).toString()).toBe("PNG");
    const [xlsx] = await Promise.all([w.page.waitForEvent("download", { timeout: 60_000 }), w.page.click("[data-testid=spreadsheet]")]);
    expect((await downloadBytes(xlsx)).subarray(0, 2).toString()).toBe("PK");
    await clean(w);
  });
});
