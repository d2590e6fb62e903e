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

/** An SVG as the page shows it: serialised by the page's DOM, like the picture it drew. */
function asShown(page: Page, svg: string): Promise<string> {
  return page.evaluate((text) => {
    const d = document.createElement("div");
    d.innerHTML = text;
    return d.innerHTML;
  }, svg);
}

const picture = (page: Page): Promise<string> => page.innerHTML("[data-testid=view-picture]");
const drawnCount = async (page: Page): Promise<number> => Number(await page.getAttribute("[data-testid=view-picture]", "data-drawn"));

/** Waits for the next picture after `before` drawings, then for the panel to settle (no drawing asked for in 400 ms). */
async function nextPicture(page: Page, before: number): Promise<string> {
  await page.waitForFunction((d) => Number(document.querySelector("[data-testid=view-picture]")?.getAttribute("data-drawn")) > d, before);
  let last = await drawnCount(page);
  for (;;) {
    await page.waitForTimeout(400);
    const now = await drawnCount(page);
    if (now === last) return picture(page);
    last = now;
  }
}

async function setMorph(page: Page, t: number): Promise<string> {
  const before = await drawnCount(page);
  await page.fill("[data-testid=morph]", String(t));
  await page.dispatchEvent("[data-testid=morph]", "input");
  return nextPicture(page, before);
}

/** Drags across the view's picture by (dx, dy) pixels, as a user turning the cube does. */
async function drag(page: Page, dx: number, dy: number): Promise<string> {
  const before = await drawnCount(page);
  await page.locator("[data-testid=view-picture]").scrollIntoViewIfNeeded();
  const box = (await page.locator("[data-testid=view-picture]").boundingBox())!;
  // Whole pixels: the angle the page turns to is then exact (half a degree per pixel across, 0.3 up and down).
  const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy);
  await page.mouse.up();
  return nextPicture(page, before);
}

/** The two parameters the landscape's title names ("W1[0,0] and W3[0,1]"). */
const cost = async (page: Page): Promise<string | null> => /(?:The cost over|损失随) ([Wb]\d+\[[\d,]+\]) (?:and|和) ([Wb]\d+\[[\d,]+\])/.exec((await page.textContent("[data-testid=view-picture]")) ?? "")?.slice(1).join(" and ") ?? null;
const menus = (page: Page): Promise<string> => page.evaluate(() => [0, 1].map((k) => (document.querySelector(`[data-testid=landscape-param-${k}]`) as HTMLSelectElement).value).join(" and "));

async function openView(page: Page, tab: string): Promise<string> {
  await page.click(`.view-tab[data-view=${tab}]`);
  await page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t, tab);
  return page.innerHTML("[data-testid=view-picture]");
}

describe("the playground page", () => {
  it("every view beyond the Playground's draws, and changes while training", async () => {
    // At 60 epochs a second: a view changes over its redraws all the same, and the worker rests between epochs.
    const w = await openPage(session(), "#networkShape=3&speed=60");
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
    const w = await openPage(session(), "#percTrainData=10");
    await openView(w.page, "landscape");
    const edges = w.page.locator("svg.edges path.hit");
    await edges.nth(0).dispatchEvent("click", { clientX: 300, clientY: 300 });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-0]") as HTMLSelectElement)?.value === "W1[0,0]");
    await edges.nth(2).dispatchEvent("click", { clientX: 300, clientY: 300 });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-1]") as HTMLSelectElement)?.value === "W1[1,0]");
    await w.page.waitForFunction(() => /The cost over W1\[0,0\] and W1\[1,0\]/.test(document.querySelector("[data-testid=view-picture]")?.textContent ?? ""));
    expect(await w.page.locator("[data-testid=param-editor]").count()).toBe(0);
    // The two drawn are marked on the diagram, horizontal then vertical; another view clears the marks.
    const picked = (): Promise<string[]> => w.page.$$eval("svg.edges path[data-picked]", (ps) => ps.map((p) => `${p.getAttribute("data-picked")}:${p.getAttribute("data-param")}`).sort());
    await w.page.waitForFunction(() => document.querySelectorAll("svg.edges path[data-picked]").length === 2);
    expect(await picked()).toEqual([`x:${await edges.nth(0).getAttribute("data-param")}`, `y:${await edges.nth(2).getAttribute("data-param")}`].sort());
    // Every control of the page has a name of its own, and no label holds two controls (it would name only the first).
    const unnamed = await w.page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>("select, input, button, [role=button]")];
      const name = (c: HTMLElement): string => (c.getAttribute("aria-label") ?? (c as HTMLInputElement).labels?.[0]?.textContent ?? c.textContent ?? c.getAttribute("title") ?? "").trim();
      const crowded = [...document.querySelectorAll("label")].filter((l) => l.querySelectorAll("select, input, button").length > 1).map((l) => `label: ${l.textContent}`);
      return [...crowded, ...controls.filter((c) => name(c) === "").map((c) => c.outerHTML.slice(0, 80))];
    });
    expect(unnamed).toEqual([]);
    expect(await w.page.getAttribute("[data-testid=landscape-param-1]", "aria-label")).toBe("Parameter along the vertical axis");
    await w.page.click(".view-tab[data-view=history]");
    expect(await picked()).toEqual([]);
    await clean(w);
  });

  it("the hidden-space morph at 0 and at 1 is the CLI's own picture of input space and hidden space", async () => {
    const w = await openPage(session(), "#networkShape=2");
    const p = await exported(w.page);
    const atOne = await openView(w.page, "hidden");
    // Two neurons are a plane: no cube to turn, so no hint that it turns.
    expect(await w.page.isVisible(`.view-hint:text("${CATALOGUES.en["views.cube"]}")`)).toBe(false);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(atOne)![1]);
    expect(atOne).toBe(await asShown(w.page, toSvg(VIEWS.hidden({ model: p.model, split: p.split, prepared: p }, { width, layer: 1 }), { idPrefix: "hidden" })));
    const drawn = Number(await w.page.getAttribute("[data-testid=view-picture]", "data-drawn"));
    await w.page.fill("[data-testid=morph]", "0");
    await w.page.dispatchEvent("[data-testid=morph]", "input");
    await w.page.waitForFunction((d) => Number(document.querySelector("[data-testid=view-picture]")?.getAttribute("data-drawn")) > d, drawn);
    await w.page.waitForTimeout(400);
    const atZero = await w.page.innerHTML("[data-testid=view-picture]");
    expect(atZero).toBe(await asShown(w.page, toSvg(hiddenMorphScene(p.model, p.raw, 0, { width, layer: 1 }), { idPrefix: "morph" })));
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

describe("the views panel's choices", () => {
  it("the cube keeps its angle into the morph, and dragging during the morph turns it: each the CLI's picture at that angle", async () => {
    const w = await openPage(session(), "#networkShape=3");
    const p = await exported(w.page);
    const first = await openView(w.page, "hidden");
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(first)![1]);
    const morph = (t: number, azimuth: number, elevation: number): Promise<string> => asShown(w.page, toSvg(hiddenMorphScene(p.model, p.raw, t, { width, layer: 1, angle: { azimuth, elevation } }), { idPrefix: "morph" }));
    // Turned at t = 1 (from −35°, 30°: half a degree per pixel across, 0.3 up and down), then the slider moved.
    await drag(w.page, 40, 20);
    expect(await setMorph(w.page, 0.5)).toBe(await morph(0.5, -15, 36));
    // Dragged during the morph: it turns from where it was.
    expect(await drag(w.page, -60, 10)).toBe(await morph(0.5, -45, 39));
    await clean(w);
  });

  it("with an extra feature on (X₁X₂), the output surface and the morph are drawn over the raw plane, as the CLI draws them", async () => {
    const w = await openPage(session(), "#networkShape=2&xTimesY=true");
    const p = await exported(w.page);
    expect(p.model.inputs).toEqual(["x1", "x2", "x1*x2"]);
    const surface = await openView(w.page, "surface");
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(surface)![1]);
    const angle = { azimuth: -35, elevation: 30 };
    expect(surface).toBe(await asShown(w.page, toSvg(VIEWS.surface({ model: p.model, split: p.split, prepared: p }, { width, angle }), { idPrefix: "surface" })));
    expect(await w.page.textContent("[data-testid=view-message]")).toBe("");
    await openView(w.page, "hidden");
    expect(await setMorph(w.page, 0)).toBe(await asShown(w.page, toSvg(hiddenMorphScene(p.model, p.raw, 0, { width, layer: 1, angle }), { idPrefix: "morph" })));
    expect(await w.page.isVisible(".view-save")).toBe(true);
    await clean(w);
  });

  it("over data of three columns, the surface and the morph say so in the page's language, with no picture and nothing to download", async () => {
    const w = await openPage(session(), "#lang=zh");
    const three = ["a,b,c,y", ...Array.from({ length: 30 }, (_, i) => `${i % 5},${i % 3},${i % 7},${i % 2}`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "three.csv", mimeType: "text/csv", buffer: Buffer.from(three.join("\n")) });
    await w.page.waitForFunction(() => document.querySelectorAll(".node.input").length === 3);
    const says = CATALOGUES.zh["views.needsPlane"].replace("{columns}", "3");
    await w.page.click(".view-tab[data-view=surface]");
    await w.page.waitForFunction((m) => document.querySelector("[data-testid=view-message]")?.textContent === m, says);
    expect(await w.page.innerHTML("[data-testid=view-picture]")).toBe("");
    expect(await w.page.isVisible(".view-save")).toBe(false);
    await w.page.click(".view-tab[data-view=hidden]");
    await w.page.waitForFunction(() => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === "hidden");
    await w.page.fill("[data-testid=morph]", "0.5");
    await w.page.dispatchEvent("[data-testid=morph]", "input");
    await w.page.waitForFunction((m) => document.querySelector("[data-testid=view-message]")?.textContent === m, says);
    expect(await w.page.innerHTML("[data-testid=view-picture]")).toBe("");
    expect(await w.page.isVisible(".view-save")).toBe(false);
    await clean(w);
  });

  it("the landscape's menus show the pair drawn: one chosen keeps the other, the same one twice is refused in words", async () => {
    const w = await openPage(session());
    await openView(w.page, "landscape");
    // The default pair, named in both menus.
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-1]") as HTMLSelectElement)?.value !== "");
    const defaults = await menus(w.page);
    expect(await cost(w.page)).toBe(defaults);
    const second = defaults.split(" and ")[1];
    // Only the first menu chosen: drawn with it, the second kept.
    let before = await drawnCount(w.page);
    await w.page.selectOption("[data-testid=landscape-param-0]", "W1[0,0]");
    await nextPicture(w.page, before);
    expect(await cost(w.page)).toBe(`W1[0,0] and ${second}`);
    expect(await menus(w.page)).toBe(`W1[0,0] and ${second}`);
    // The same parameter in both: refused, said, and the menus still show the picture.
    before = await drawnCount(w.page);
    await w.page.selectOption("[data-testid=landscape-param-1]", "W1[0,0]");
    expect(await w.page.textContent("[data-testid=landscape-note]")).toBe(CATALOGUES.en["views.sameParam"].replace("{name}", "W1[0,0]"));
    await w.page.waitForTimeout(400);
    expect(await drawnCount(w.page)).toBe(before);
    expect(await menus(w.page)).toBe(`W1[0,0] and ${second}`);
    expect(await cost(w.page)).toBe(`W1[0,0] and ${second}`);
    // The second chosen alone: the first kept.
    await w.page.selectOption("[data-testid=landscape-param-1]", "W1[1,0]");
    await nextPicture(w.page, before);
    expect(await cost(w.page)).toBe("W1[0,0] and W1[1,0]");
    expect(await w.page.textContent("[data-testid=landscape-note]")).toBe("");
    await clean(w);
  });

  it("another language keeps the landscape's mode and parameters, and the cube's angle", async () => {
    // A tenth of the data for training: each landscape is a grid of losses over it, drawn several times here.
    const w = await openPage(session(), "#networkShape=3&percTrainData=10");
    await openView(w.page, "landscape");
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=landscape-param-1]") as HTMLSelectElement)?.value !== "");
    let before = await drawnCount(w.page);
    await w.page.selectOption("[data-testid=landscape-param-0]", "W1[1,0]");
    await nextPicture(w.page, before);
    before = await drawnCount(w.page);
    await w.page.selectOption("[data-testid=landscape-mode]", "3d");
    const chosen = await nextPicture(w.page, before);
    expect(chosen).toContain('class="cube"');
    const pair = await menus(w.page);
    await w.page.click("[data-testid=lang]");
    await w.page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
    await w.page.waitForFunction(() => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === "landscape");
    expect(await w.page.inputValue("[data-testid=landscape-mode]")).toBe("3d");
    expect(await menus(w.page)).toBe(pair);
    expect(await cost(w.page)).toBe(pair);
    // The same drawing, in the page's words now.
    await w.page.waitForFunction(() => /损失随/.test(document.querySelector("[data-testid=view-picture]")?.textContent ?? ""));
    expect(await picture(w.page)).toContain('class="cube"');
    // Back in English: the very picture of before the switch (the network has not trained since).
    const switchBack = async (tab: string): Promise<void> => {
      await w.page.click("[data-testid=lang]");
      await w.page.waitForFunction(() => document.documentElement.lang === "en");
      await w.page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t && !/[\u4e00-\u9fff]/.test(document.querySelector("[data-testid=view-picture]")?.textContent ?? ""), tab);
    };
    await switchBack("landscape");
    expect(await picture(w.page)).toBe(chosen);
    // The cube, turned, then the language switched there and back: still turned.
    await openView(w.page, "hidden");
    const turned = await drag(w.page, 40, 20);
    await w.page.click("[data-testid=lang]");
    await w.page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
    await switchBack("hidden");
    expect(await picture(w.page)).toBe(turned);
    await clean(w);
  });
});
