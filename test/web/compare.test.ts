/**
 * "Compare" and the training GIF in a real headless Chromium: the small multiples train, show
 * their accuracies and follow the articles' series; pause stops them, closing the panel stops
 * them, adopting one changes the page's set-up and link; the GIF downloads, decodes, and its
 * frames are `glassbox animate training`'s for the exported experiment.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ANIMATIONS, DEFAULT_FRAMES, snapshotEpochs, type AnimationInput } from "../../src/animate/index.ts";
import { pictureSourceFromExperiment } from "../../src/cli/commands/pictures.ts";
import type { FrameSequence } from "../../src/render/frames.ts";
import { svgToRgba } from "../../src/render/png.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { train } from "../../src/nn/train.ts";
import { boundaryScene } from "../../src/viz/views/boundary.ts";
import { toSvg } from "../../src/viz/svg.ts";
import { CATALOGUES } from "../../src/web/i18n.ts";
import { FEATURE_LABEL, toExperiment } from "../../src/web/setup.ts";
import { parseHash } from "../../src/web/url-state.ts";
import { svgHash } from "../../src/web/svg-hash.ts";
import { decodeGif } from "../render/decode.ts";
import { clean, downloadBytes, epochOf, openPage, pauseAndSettle, type Watched, useSession, waitForEpoch } from "./browser.ts";

const session = useSession();

interface Multiple {
  label: string;
  epoch: number;
  trainAccuracy: number;
  testAccuracy: number;
  done: boolean;
  text: string;
  picture: string;
}

async function multiples(page: Page): Promise<Multiple[]> {
  return page.$$eval("[data-testid=multiple]", (figures) =>
    figures.map((f) => {
      const d = (f as HTMLElement).dataset;
      return {
        label: d.label ?? "",
        epoch: Number(d.epoch ?? NaN),
        trainAccuracy: Number(d.trainAccuracy ?? NaN),
        testAccuracy: Number(d.testAccuracy ?? NaN),
        done: d.done === "true",
        text: f.querySelector("[data-testid=multiple-metrics]")?.textContent ?? "",
        picture: f.querySelector("[data-testid=multiple-picture]")?.getAttribute("data-svg") ?? "",
      };
    }),
  );
}

async function openCompare(page: Page, stopAt?: string): Promise<void> {
  await page.click("[data-testid=compare-toggle]");
  if (stopAt) await page.selectOption("[data-testid=compare-stop]", stopAt);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=multiple] img").length > 0);
}

/** What the CLI's engine and views make of the page's set-up with one change, after `epochs`: the test accuracy and the boundary picture's fingerprint. */
function cli(hash: string, patch: object, epochs: number, k: number): { accuracy: number; picture: string } {
  const p = prepareExperiment(validateExperiment(toExperiment({ ...parseHash(hash).setup, ...patch }, epochs)));
  train(p.model, p.data, p.config);
  const svg = toSvg(boundaryScene(p.model, p.split, { width: 220, height: 220, panel: true, title: "", subtitle: "", resolution: 40, showTest: false }), { idPrefix: `cmp${k}` });
  return { accuracy: evaluate(p.model, p.data.testX!.data, p.data.testY!, p.data.testX!.rows).accuracy, picture: svgHash(svg) };
}

describe("Compare", () => {
  it("trains six multiples of the neuron series live, with accuracies shown: more neurons fit the circle, as the CLI's engine finds", async () => {
    const w = await openPage(session());
    // Closed, it shows no multiple.
    expect(await w.page.locator("[data-testid=multiple]").count()).toBe(0);
    await openCompare(w.page, "300");
    expect(await w.page.locator("[data-testid=multiple]").count()).toBe(6);
    await w.page.waitForFunction(() => [...document.querySelectorAll("[data-testid=multiple]")].some((f) => Number((f as HTMLElement).dataset.epoch) > 0));
    const early = await multiples(w.page);
    await w.page.waitForFunction(() => [...document.querySelectorAll("[data-testid=multiple]")].every((f) => (f as HTMLElement).dataset.done === "true"), undefined, { timeout: 90_000 });
    const done = await multiples(w.page);
    expect(done.map((m) => m.label)).toEqual(["1 neuron", "2 neurons", "3 neurons", "6 neurons", "8 neurons", "30 neurons"]);
    expect(done.every((m) => m.epoch === 300)).toBe(true);
    // The pictures changed while they trained.
    expect(done.filter((m, k) => m.picture !== early[k].picture).length).toBeGreaterThanOrEqual(5);
    // Accuracies in the text, as percentages.
    for (const m of done) expect(m.text).toMatch(/\d+\.\d %.*\d+\.\d %/);
    const acc = done.map((m) => m.testAccuracy);
    // One tanh neuron draws one line through a circle; six or more enclose it.
    expect(acc[0]).toBeLessThan(0.8);
    for (const k of [3, 4, 5]) expect(acc[k]).toBeGreaterThan(0.95);
    expect(acc[0]).toBeLessThan(acc[2]);
    // The numbers are the engine's and the pictures the CLI's boundary view: the same experiment
    // trained by the CLI's code reaches the same accuracy and draws the same SVG.
    for (const [k, units] of [[0, 1], [4, 8]]) {
      const c = cli("", { networkShape: [units] }, 300, k);
      expect(acc[k]).toBeCloseTo(c.accuracy, 12);
      expect(done[k].picture).toBe(c.picture);
    }
    await clean(w);
  });

  it("pause and closing stop the multiples; a multiple adopted becomes the page's set-up and link", async () => {
    const w = await openPage(session());
    await openCompare(w.page, "Infinity");
    await w.page.selectOption("[data-testid=compare-preset]", "depth");
    await w.page.waitForFunction(() => document.querySelectorAll("[data-testid=multiple]").length === 3 && Number((document.querySelector("[data-testid=multiple]") as HTMLElement).dataset.epoch) > 0);
    expect((await multiples(w.page)).map((m) => m.label)).toEqual(["1 × 8", "2 × 4", "4 × 2"]);
    // Pause: the epochs stay; play: they go on.
    await w.page.click("[data-testid=compare-play]");
    await w.page.waitForFunction(() => document.querySelector("[data-testid=compare-play]")?.getAttribute("aria-pressed") === "false");
    await w.page.waitForTimeout(300);
    const paused = (await multiples(w.page)).map((m) => m.epoch);
    await w.page.waitForTimeout(500);
    expect((await multiples(w.page)).map((m) => m.epoch)).toEqual(paused);
    await w.page.click("[data-testid=compare-play]");
    await w.page.waitForFunction((e) => Number((document.querySelector("[data-testid=multiple]") as HTMLElement).dataset.epoch) > e, paused[0]);
    // Closed, nothing trains; opened again, it goes on from where it was.
    await w.page.click("[data-testid=compare-toggle]");
    await w.page.waitForTimeout(300);
    const closed = await w.page.$$eval("[data-testid=multiple]", (fs) => fs.map((f) => Number((f as HTMLElement).dataset.epoch)));
    await w.page.waitForTimeout(500);
    expect(await w.page.$$eval("[data-testid=multiple]", (fs) => fs.map((f) => Number((f as HTMLElement).dataset.epoch)))).toEqual(closed);
    await w.page.click("[data-testid=compare-toggle]");
    await w.page.waitForFunction((e) => Number((document.querySelector("[data-testid=multiple]") as HTMLElement).dataset.epoch) > e, closed[0]);
    // Adopt "2 × 4": the page's network, its link and the multiple's mark follow.
    await w.page.click("[data-testid=multiple][data-index='1'] [data-testid=adopt]");
    await w.page.waitForFunction(() => /networkShape=4,4(&|$)/.test(location.hash));
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.textContent("[data-testid=layer-count]")).toBe("2 hidden layers");
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=multiple][data-index='1'] [data-testid=adopt]") as HTMLButtonElement)?.disabled === true);
    expect(await w.page.textContent("[data-testid=multiple][data-index='1'] [data-testid=adopt]")).toBe("Your set-up");
    await clean(w);
  });
});

describe("Compare on a phone, in Chinese, by keyboard", () => {
  it("opens with the keyboard, fits 390 px without sideways scrolling, and leaves no label in English", async () => {
    const w = await openPage(session(), "#lang=zh", { width: 390, height: 844 });
    await w.page.focus("[data-testid=compare-toggle]");
    await w.page.keyboard.press("Enter");
    await w.page.waitForFunction(() => document.querySelectorAll("[data-testid=multiple]").length === 6);
    await w.page.selectOption("[data-testid=compare-preset]", "custom");
    await w.page.waitForFunction(() => document.querySelectorAll("[data-testid=multiple] img").length === 4);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const texts = await w.page.evaluate(() => {
      const out: string[] = [];
      for (const root of document.querySelectorAll("[data-testid=compare], .gif-export")) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest("svg") && n.textContent!.trim()) out.push(n.textContent!.trim());
        for (const e of root.querySelectorAll("[title], [aria-label]")) for (const a of ["title", "aria-label"]) if (e.getAttribute(a)?.trim()) out.push(e.getAttribute(a)!.trim());
      }
      return out;
    });
    expect(texts).toContain(CATALOGUES.zh["compare.heading"]);
    expect(texts).toContain(CATALOGUES.zh["gif.button"]);
    const words = (x: string): string[] => x.match(/[A-Za-z]{2,}/g) ?? [];
    const allowed = new Set([...Object.values(CATALOGUES.zh).flatMap(words), ...Object.values(FEATURE_LABEL).flatMap(words)]);
    expect(texts.filter((x) => words(x).some((word) => !allowed.has(word)))).toEqual([]);
    await clean(w);
  });
});

describe("the training GIF", () => {
  it("downloads, decodes, has glassbox animate's frames for the exported experiment, and its frames change over training", async () => {
    // With X₁X₂ on: a feature map computed from the two columns, drawn over their plane.
    const w = await openPage(session(), "#networkShape=3&dataset=xor&x1x2=true");
    await w.page.click("[data-testid=play]");
    await waitForEpoch(w.page, ">=", 300);
    await pauseAndSettle(w.page);
    const epochs = await epochOf(w.page);
    const [expDownload] = await Promise.all([w.page.waitForEvent("download"), w.page.click("[data-testid=export]")]);
    const exported = (await downloadBytes(expDownload)).toString("utf8");
    expect(JSON.parse(exported).train.epochs).toBe(epochs);
    // The page makes its GIF while the CLI's frames are made here.
    const gifDownload = w.page.waitForEvent("download", { timeout: 90_000 });
    await w.page.click("[data-testid=gif]");

    // What the CLI makes of the same experiment (glassbox animate training exported.json --width 640
    // --height 480: the same training, snapshots and frames); a few of its frames drawn by resvg.
    const dir = mkdtempSync(join(tmpdir(), "glassbox-gif-"));
    let seq: FrameSequence;
    try {
      writeFileSync(join(dir, "exported.json"), exported);
      const source = pictureSourceFromExperiment(join(dir, "exported.json"), true, { snapshotsAt: (p, e) => snapshotEpochs(p, e, Math.max(DEFAULT_FRAMES + 1, 200)), quiet: true });
      seq = ANIMATIONS.training.frames(source.input as AnimationInput, { width: 640, height: 480 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const compared = [0, 1, 20, 40, seq.count - 1];
    const cliFrames = compared.map((i) => svgToRgba(seq.svg(i)).data);

    const gif = decodeGif(new Uint8Array(await downloadBytes(await gifDownload)));
    expect(await w.page.textContent("[data-testid=gif-message]")).toContain(`epochs 0 to ${epochs.toLocaleString("en-US")}`);
    expect([gif.width, gif.height]).toEqual([640, 480]);
    expect(gif.frames.length).toBe(seq.count);
    expect(gif.frames.length).toBe(DEFAULT_FRAMES);
    expect(gif.delays).toEqual(gif.frames.map((_, i) => (i === seq.count - 1 ? seq.lastDelayMs : seq.delayMs)));
    // Over training the picture changes.
    expect(changedShare(gif.frames[0], gif.frames[gif.frames.length - 1])).toBeGreaterThan(0.1);
    // Frame by frame the browser's rasteriser and resvg draw the same picture: they differ in
    // anti-aliasing, the font and the GIF's 255 colours, not in what is drawn. (Measured: at most
    // 1.6 % of a frame's pixels differ by more than 48 of 255 in a channel, the mean by 3.4 of 255.)
    for (const [k, i] of compared.entries()) {
      const cli = cliFrames[k];
      expect(changedShare(gif.frames[i], cli), `frame ${i}`).toBeLessThan(0.03);
      expect(meanDiff(gif.frames[i], cli), `frame ${i}`).toBeLessThan(6);
    }
    // A new run: the message about the last one's GIF goes.
    await w.page.click("[data-testid=reset]");
    await waitForEpoch(w.page, "=", 0);
    await w.page.waitForFunction(() => document.querySelector("[data-testid=gif-message]")?.textContent === "");
    await clean(w);
  });
});

/** The share of pixels whose colour differs by more than 48 in some channel. */
function changedShare(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) > 48 || Math.abs(a[i + 1] - b[i + 1]) > 48 || Math.abs(a[i + 2] - b[i + 2]) > 48) n++;
  return n / (a.length / 4);
}
/** The mean absolute difference of the colour channels, 0–255. */
function meanDiff(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) d += Math.abs(a[i] - b[i]);
  return d / ((a.length / 4) * 3);
}
