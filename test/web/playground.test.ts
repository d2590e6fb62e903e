/**
 * The playground in a real headless Chromium, as a user meets it: what is on the screen, what a
 * click does, what the URL and an exported file hold. Nothing here reads the page's internals.
 */
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { forward, createWorkspace, lossTotal, reportedLoss } from "../../src/nn/propagation.ts";
import { train } from "../../src/nn/train.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { predictProba } from "../../src/nn/predict.ts";
import { firstIteration } from "../../src/experiment/first-iteration.ts";
import { hiddenMorphScene, toSvg, VIEWS } from "../../src/viz/index.ts";
import type { Trace } from "../../src/nn/trace.ts";
import { CATALOGUES } from "../../src/web/i18n.ts";
import { FEATURE_LABEL } from "../../src/web/setup.ts";
import { clean, epochOf, lossOf, openPage, openSession, pauseAndSettle, waitForEpoch, type Session, type Watched } from "./browser.ts";

let s: Session;

/** An exported experiment trained as `glassbox train` trains it: its test loss after the last update. */
function cliTestLoss(json: unknown): number {
  const p = prepareExperiment(validateExperiment(json));
  train(p.model, p.data, p.config);
  const ws = createWorkspace(p.model, p.data.testX!.rows);
  forward(p.model, p.data.testX!.data, ws);
  return reportedLoss(p.model, lossTotal(p.model, p.data.testY!, ws), ws.n, 0);
}
beforeAll(async () => {
  s = await openSession();
});
afterAll(async () => {
  await s?.close();
});

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

async function playFor(page: Page, ms: number): Promise<void> {
  await page.click("[data-testid=play]");
  await page.waitForTimeout(ms);
  await pauseAndSettle(page);
}

describe("the playground page", () => {
  it("loads with no errors, asks nothing of the network, is cross-origin isolated and not blank", async () => {
    const w = await openPage(s);
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
    const w = await openPage(s);
    const before = await lossOf(w.page, "train");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 2);
    await w.page.waitForTimeout(200);
    expect(await epochOf(w.page)).toBe(2);
    expect(await w.page.textContent("[data-testid=epoch]")).toBe("000,002");
    expect(await lossOf(w.page, "train")).not.toBe(before);
    await clean(w);
  });

  it("play on the default set-up brings the test loss under 0.1, redrawing the heatmaps as it goes", async () => {
    const w = await openPage(s);
    const r0 = await refreshes(w.page);
    await w.page.click("[data-testid=play]");
    const deadline = Date.now() + 60_000;
    let loss = Infinity;
    while (Date.now() < deadline && !(loss < 0.1)) {
      await w.page.waitForTimeout(100);
      loss = await lossOf(w.page, "test");
    }
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
    it(`trains: ${name}`, async () => {
      const w = await openPage(s, hash);
      expect(await w.page.locator("[data-testid=notices]").count()).toBe(0);
      const first = await lossOf(w.page, "train");
      await playFor(w.page, 1200);
      await waitForEpoch(w.page, (e) => e > 5);
      const later = await lossOf(w.page, "train");
      expect(Number.isFinite(later)).toBe(true);
      expect(later).toBeLessThan(first);
      await clean(w);
    });
  }

  it("is keyboard operable: → steps, space plays and pauses, R resets", async () => {
    const w = await openPage(s);
    await w.page.keyboard.press("ArrowRight");
    await waitForEpoch(w.page, (e) => e === 1);
    await w.page.keyboard.press("Space");
    await waitForEpoch(w.page, (e) => e > 1);
    const paused = await pauseAndSettle(w.page, "space");
    await w.page.waitForTimeout(300);
    expect(await epochOf(w.page)).toBe(paused);
    await w.page.keyboard.press("r");
    await waitForEpoch(w.page, (e) => e === 0);
    expect(await w.page.getAttribute("[data-testid=play]", "title")).toMatch(/space/);
    await clean(w);
  });

  it("a feature clicked on joins the network and the URL", async () => {
    const w = await openPage(s);
    await w.page.click(".node.input[data-feature=xSquared]");
    await w.page.waitForFunction(() => location.hash.includes("xSquared=true"));
    await waitForEpoch(w.page, (e) => e === 0);
    expect(await w.page.locator(".node.input:not(.off)").count()).toBe(3);
    expect(await w.page.locator("svg.edges path.hit").count()).toBe(3 * 4 + 4 * 2 + 2);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    await clean(w);
  });

  it("a clicked weight, and a clicked bias, take effect at once", async () => {
    const w = await openPage(s);
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
    await w.page.fill("[data-testid=param-input]", "-3");
    await w.page.press("[data-testid=param-input]", "Enter");
    await w.page.waitForFunction((b) => (document.querySelector("[data-testid=output-heatmap]") as HTMLCanvasElement).toDataURL() !== b, mid);
    await clean(w);
  });

  it("adding a layer changes the diagram and the URL; removing it restores both", async () => {
    const w = await openPage(s);
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

  it("a reload restores the set-up, seed included", async () => {
    const w = await openPage(s);
    await w.page.selectOption("[data-testid=learningRate]", "0.1");
    await w.page.click(".dataset-thumb[data-dataset=xor]");
    await w.page.waitForFunction(() => location.hash.includes("dataset=xor") && location.hash.includes("learningRate=0.1&"));
    await waitForEpoch(w.page, (e) => e === 0);
    const loss = await lossOf(w.page, "test");
    await w.page.reload();
    await waitForEpoch(w.page, (e) => e === 0);
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.1");
    expect(await w.page.getAttribute(".dataset-thumb.selected", "data-dataset")).toBe("xor");
    expect(await lossOf(w.page, "test")).toBe(loss);
    await clean(w);
  });

  it("opens a TensorFlow Playground link as the same set-up, classroom flags included", async () => {
    const link =
      "#activation=relu&batchSize=20&dataset=spiral&regDataset=reg-plane&learningRate=0.01&regularizationRate=0.001&noise=10&networkShape=6,3&seed=0.47231&showTestData=true&discretize=false&percTrainData=70&x=true&y=true&xTimesY=true&xSquared=false&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L2&learningRate_hide=true";
    const w = await openPage(s, link);
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
    const w = await openPage(s, "#learningRate=abc&networkShape=4,999&dataset=moons&zzz=1&%zz");
    const notice = await w.page.textContent("[data-testid=notices]");
    expect(notice).toMatch(/learningRate/);
    expect(notice).toMatch(/networkShape/);
    expect(notice).toMatch(/dataset/);
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.03");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    await clean(w);
  });

  it("the exported experiment trains from the CLI's engine to the same loss", async () => {
    const w = await openPage(s, "#dataset=xor&xTimesY=true&regularization=L2&regularizationRate=0.001&batchSize=7");
    for (let k = 1; k <= 5; k++) {
      await w.page.click("[data-testid=step]");
      await waitForEpoch(w.page, (e) => e === k);
    }
    await w.page.waitForTimeout(100);
    const pageLoss = await lossOf(w.page, "test");
    const [download] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export]")]);
    const json = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(json.train.epochs).toBe(5);
    const cliLoss = cliTestLoss(json);
    expect(Math.abs(cliLoss - pageLoss) / cliLoss).toBeLessThan(1e-12);
    await clean(w);
  });

  /** The exported experiment of the page's set-up, prepared as the CLI prepares it. */
  async function exported(page: Page) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
    const json = JSON.parse(readFileSync((await download.path())!, "utf8"));
    return prepareExperiment(validateExperiment(json));
  }

  async function openView(page: Page, tab: string): Promise<string> {
    await page.click(`.view-tab[data-view=${tab}]`);
    await page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t, tab);
    return page.innerHTML("[data-testid=view-picture]");
  }

  it("every view beyond the Playground's draws, and changes while training", async () => {
    const w = await openPage(s, "#networkShape=3");
    for (const tab of ["hidden", "landscape", "surface", "history"]) {
      if (tab === "history") await w.page.click("[data-testid=step]");
      const first = await openView(w.page, tab);
      expect(first, tab).toMatch(/^<svg/);
      const drawn = Number(await w.page.getAttribute("[data-testid=view-picture]", "data-drawn"));
      await w.page.click("[data-testid=play]");
      await w.page.waitForFunction((d) => Number(document.querySelector("[data-testid=view-picture]")?.getAttribute("data-drawn")) > d + 1, drawn);
      await pauseAndSettle(w.page);
      await w.page.waitForTimeout(400);
      expect(await w.page.innerHTML("[data-testid=view-picture]"), tab).not.toBe(first);
      expect(await w.page.textContent("[data-testid=view-message]")).toBe("");
    }
    await clean(w);
  });

  it("with the landscape open, two clicked edges become its two parameters", async () => {
    const w = await openPage(s);
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
    const w = await openPage(s, "#networkShape=2");
    const p = await exported(w.page);
    const atOne = await openView(w.page, "hidden");
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

  it("the step inspector's matrices are glassbox steps' to 1e-12, and apply performs that update", async () => {
    const w = await openPage(s, "#dataset=xor&regularization=L2&regularizationRate=0.01");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
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
    const W1 = after.steps.find((x) => x.name === "W1")!.value;
    expect(W1).toEqual(cli.steps.find((x) => x.name === "W1'")!.value);
    await clean(w);
  });

  it("the model, a view and the spreadsheet download; the CLI reads the model and predicts as the page", async () => {
    const w = await openPage(s, "#dataset=gauss");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    const [model] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export-model]")]);
    const json = JSON.parse(readFileSync((await model.path())!, "utf8"));
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
    expect(readFileSync((await svg.path())!, "utf8")).toMatch(/^<svg[^>]*>/);
    const [png] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=view-png]")]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
    const [xlsx] = await Promise.all([w.page.waitForEvent("download", { timeout: 60_000 }), w.page.click("[data-testid=spreadsheet]")]);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe("PK");
    await clean(w);
  });

  it("fits a 390-px phone screen without sideways scrolling of the page", async () => {
    const w = await openPage(s, "", { width: 390, height: 844 });
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(colors(await w.page.screenshot({ fullPage: true }))).toBeGreaterThan(50);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    await clean(w);
  });
});

describe("the walkthroughs and your own data in the page", () => {
  it("every walkthrough of examples/ opens from the menu and trains, with the right picture for its data", async () => {
    const w = await openPage(s);
    const names = await w.page.$$eval("[data-testid=example] option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""));
    expect(names).toEqual(expect.arrayContaining(["moons-deep", "one-feature", "three-classes", "gauss-two-neurons", "circles-three-neurons", "spiral-layers", "twelve-steps"]));
    for (const name of names) {
      await w.page.selectOption("[data-testid=example]", name);
      await w.page.waitForFunction((n) => location.hash.includes(`example=${n}`), name);
      await waitForEpoch(w.page, (e) => e === 0);
      await w.page.click("[data-testid=step]");
      await waitForEpoch(w.page, (e) => e === 1);
      expect(await w.page.textContent("[data-testid=error]"), name).toBe("");
    }
    await clean(w);
  });

  it("a walkthrough exports as its own file, trained as far as the page trained it, to the page's loss", async () => {
    const w = await openPage(s, "#example=three-classes");
    await waitForEpoch(w.page, (e) => e === 0);
    for (let k = 1; k <= 3; k++) {
      await w.page.click("[data-testid=step]");
      await waitForEpoch(w.page, (e) => e === k);
    }
    await w.page.waitForTimeout(100);
    const pageLoss = await lossOf(w.page, "test");
    const [download] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export]")]);
    const json = JSON.parse(readFileSync((await download.path())!, "utf8"));
    const file = JSON.parse(readFileSync("examples/three-classes.json", "utf8"));
    expect({ data: json.data, model: json.model, init: json.init, loss: json.loss }).toEqual({ data: file.data, model: file.model, init: file.init, loss: file.loss });
    expect(json.train).toEqual({ ...file.train, epochs: 3 });
    const cliLoss = cliTestLoss(json);
    expect(Math.abs(cliLoss - pageLoss) / cliLoss).toBeLessThan(1e-12);
    await clean(w);
  });

  it("the one-feature walkthrough is the 1-D mode: x against the output, one curve per hidden neuron", async () => {
    const w = await openPage(s, "#example=one-feature");
    await w.page.waitForFunction(() => document.querySelector("[data-testid=output-other] svg") !== null);
    const svg = await w.page.innerHTML("[data-testid=output-other]");
    expect(svg).toMatch(/hidden neuron 1/);
    expect(svg).toMatch(/hidden neuron 2/);
    expect(svg).not.toMatch(/hidden neuron 3/);
    // The file's own learning rate (0.1), not the Playground's default.
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.1");
    await clean(w);
  });

  it("three classes get three coloured regions", async () => {
    const w = await openPage(s, "#example=three-classes");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    await w.page.waitForTimeout(200);
    const hues = await w.page.$eval("[data-testid=output-heatmap]", (c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < d.length; i += 4 * 97) {
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        // The dominant channel pattern tells blue, orange and green apart.
        seen.add(b > r && b > g ? "blue" : r > b && r >= g ? "orange" : g > r && g > b ? "green" : "other");
      }
      return [...seen];
    });
    expect(hues).toEqual(expect.arrayContaining(["blue", "orange", "green"]));
    expect(await w.page.locator(".node[data-node^='1:']").count()).toBe(3);
    await clean(w);
  });

  it("a CSV of your own trains; a bad one shows its line and column and leaves the data as it was", async () => {
    const w = await openPage(s);
    const rows = ["a,b,label", ...Array.from({ length: 60 }, (_, i) => `${(i % 10) / 3},${Math.floor(i / 10) / 2},${(i % 10) / 3 + Math.floor(i / 10) / 2 > 3 ? 1 : 0}`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, (e) => e === 0);
    expect(await w.page.locator(".node.input").count()).toBe(2);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, (e) => e === 1);
    const hash = await w.page.evaluate(() => location.hash);

    const bad = "a,b,label\n1,2,0\n3,x,1\n";
    await w.page.setInputFiles("[data-testid=open-file]", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    const message = await w.page.textContent("[data-testid=file-error]");
    expect(message).toMatch(/line 3/);
    expect(message).toMatch(/"b"/);
    expect(message).toMatch(/nothing was changed/);
    expect(await w.page.evaluate(() => location.hash)).toBe(hash);
    expect(await epochOf(w.page)).toBe(1);
    // A reload in the same tab keeps the opened file.
    await w.page.reload();
    await waitForEpoch(w.page, (e) => e === 0);
    expect(await w.page.locator(".node.input").count()).toBe(2);
    await clean(w);
  });
});

describe("experiment files opened in the page", () => {
  it("read as the CLI reads them: comments allowed, a mistake named by line and column", async () => {
    const w = await openPage(s);
    const good = ['{', '  // two moons, as the CLI would train them', '  "data": { "dataset": "moons", "samples": 80, "seed": 2 },', '  /* one hidden layer */', '  "model": { "layers": [{ "units": 3, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }] },', '  "train": { "epochs": 10, },', '}'].join("\n");
    await w.page.setInputFiles("[data-testid=open-file]", { name: "commented.json", mimeType: "application/json", buffer: Buffer.from(good) });
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, (e) => e === 0);
    // Layer 0 of the diagram is the first hidden layer: the file's three tanh neurons.
    expect(await w.page.locator(".node[data-node^='0:']").count()).toBe(3);
    const hash = await w.page.evaluate(() => location.hash);

    const broken = '{\n  "data": { "dataset": "moons" },\n  "model": { "layers": [{ "units": 1 }] ]\n}';
    await w.page.setInputFiles("[data-testid=open-file]", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/broken\.json .*line 3, column \d+/);
    expect(await w.page.evaluate(() => location.hash)).toBe(hash);
    await clean(w);
  });
});

/**
 * Every text the page shows, and every title and aria-label, with the views' SVG pictures left out
 * (they are the CLI's, in English) and the names that are data (walkthrough files, parameters).
 */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const data = (e: Element | null): boolean => !!e?.closest("svg, script, style, noscript, select[data-testid=example] option:not([value='']), select[data-testid^=landscape-param] option:not([value=''])");
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!data(n.parentElement) && n.textContent!.trim()) out.push(n.textContent!.trim());
    for (const e of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
      if (data(e) && e.tagName !== "svg") continue;
      for (const a of ["title", "aria-label", "placeholder"]) if (e.getAttribute(a)?.trim()) out.push(e.getAttribute(a)!.trim());
    }
    return out;
  });
}

/** Latin words (two letters or more) that no Chinese string of the catalogue contains: English left untranslated. */
function untranslated(texts: string[]): string[] {
  const words = (s: string): string[] => s.match(/[A-Za-z]{2,}/g) ?? [];
  const allowed = new Set(["Glassbox", ...Object.values(CATALOGUES.zh).flatMap(words), ...Object.values(FEATURE_LABEL).flatMap(words)]);
  return texts.filter((text) => words(text).some((w) => !allowed.has(w)));
}

describe("the page in two languages", () => {
  it("in Chinese (lang=zh) no label, tooltip or message is left in English; the switch changes the language and the URL, not the training", async () => {
    const w = await openPage(s, "#lang=zh");
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-Hans");
    await page.click("[data-testid=step]");
    await waitForEpoch(page, (e) => e === 1);
    const texts = await pageTexts(page);
    // Tooltips and captions that appear on hover, every view's controls, the classroom footer.
    await page.hover(".node[data-node='0:0']");
    await page.waitForFunction(() => /神经元/.test(document.querySelector("[data-testid=heatmap-caption]")?.textContent ?? ""));
    texts.push(...(await pageTexts(page)));
    await page.hover("svg.edges path.hit >> nth=0", { force: true });
    await page.waitForFunction(() => !(document.querySelector("[data-testid=tooltip]") as HTMLElement).hidden);
    texts.push(...(await pageTexts(page)));
    await page.click("footer.classroom summary");
    for (const tab of ["hidden", "landscape", "surface", "history", "steps"]) {
      await page.click(`.view-tab[data-view=${tab}]`);
      await page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t, tab);
      texts.push(...(await pageTexts(page)));
    }
    expect(texts.some((x) => x.includes("学习率"))).toBe(true);
    expect(texts.some((x) => x.includes("单步检视"))).toBe(true);
    expect(untranslated(texts)).toEqual([]);
    expect(await epochOf(page)).toBe(1);

    // To English: every string the page writes, the URL says lang=en, the network is the one trained.
    await page.click("[data-testid=lang]");
    await page.waitForFunction(() => location.hash.includes("lang=en"));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.getAttribute("[data-testid=play]", "title")).toBe(CATALOGUES.en["transport.play.title"]);
    expect(await page.textContent(".middle h2")).toBe("Network");
    const english = await pageTexts(page);
    expect(english.filter((x) => /[\u4e00-\u9fff]/.test(x))).toEqual([CATALOGUES.en["lang.other"]]);
    expect(await epochOf(page)).toBe(1);
    expect(await page.textContent("[data-testid=epoch]")).toBe("000,001");
    await page.click("[data-testid=step]");
    await waitForEpoch(page, (e) => e === 2);

    // And back: a reload keeps the language the link names.
    await page.click("[data-testid=lang]");
    await page.waitForFunction(() => location.hash.includes("lang=zh"));
    expect(await page.textContent(".middle h2")).toBe(CATALOGUES.zh["network.heading"]);
    await page.reload();
    await waitForEpoch(page, (e) => e === 0);
    expect(await page.textContent("[data-testid=show-test-data] + *, label.ui-showTestData")).toContain("显示测试数据");
    await clean(w);
  });

  it("a browser that reads Chinese gets the Chinese page; the link's lang=en wins over it", async () => {
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(s.server.url);
    await waitForEpoch(page, (e) => e >= 0);
    expect(await page.textContent("label.ui-learningRate .label")).toBe("学习率");
    expect(await page.evaluate(() => location.hash)).not.toMatch(/lang=/);
    await page.evaluate(() => (location.hash = `${location.hash}&lang=en&batchSize=0`));
    await page.waitForFunction(() => document.querySelector("label.ui-learningRate .label")?.textContent === "Learning rate");
    expect(await page.textContent("[data-testid=notices]")).toContain('batchSize: "0" is not a whole number from 1 to 30; using 10');
    await context.close();
  });
});
