/**
 * The playground in its two languages, in a real headless Chromium: in Chinese nothing is left in
 * English, the switch changes the language and the URL but not the training, and a browser that
 * reads Chinese gets the Chinese page unless the link says otherwise.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../src/web/i18n.ts";
import { EXAMPLE_TITLES_ZH } from "../../src/web/i18n/examples-zh.ts";
import { FEATURE_LABEL } from "../../src/web/setup.ts";
import { clean, epochOf, openPage, useSession, waitForEpoch } from "./browser.ts";

const session = useSession();

/**
 * Every text the page shows, and every title and aria-label, with the views' SVG pictures left out
 * (they are the CLI's, in English) and the names that are data (parameters).
 */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const data = (e: Element | null): boolean => !!e?.closest("svg, script, style, noscript, select[data-testid^=landscape-param] option:not([value=''])");
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!data(n.parentElement) && n.textContent!.trim()) out.push(n.textContent!.trim());
    for (const e of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
      if (data(e) && e.tagName !== "svg") continue;
      for (const a of ["title", "aria-label", "placeholder"]) if (e.getAttribute(a)?.trim()) out.push(e.getAttribute(a)!.trim());
    }
    return out;
  });
}

/** Latin words (two letters or more) that no Chinese string of the catalogue contains, numbers spelt out aside: English left untranslated. */
function untranslated(texts: string[]): string[] {
  const words = (s: string): string[] => s.match(/[A-Za-z]{2,}/g) ?? [];
  const allowed = new Set(["Glassbox", "NaN", "Infinity", ...Object.values(CATALOGUES.zh).flatMap(words), ...Object.values(EXAMPLE_TITLES_ZH).flatMap(words), ...Object.values(FEATURE_LABEL).flatMap(words)]);
  return texts.filter((text) => words(text).some((w) => !allowed.has(w)));
}

describe("the page in two languages", () => {
  it("in Chinese (lang=zh) no label, tooltip or message is left in English; the switch changes the language and the URL, not the training", async () => {
    const w = await openPage(session(), "#lang=zh");
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-Hans");
    await page.click("[data-testid=step]");
    await waitForEpoch(page, "=", 1);
    const texts = await pageTexts(page);
    // Tooltips and captions that appear on hover, every view's controls, the classroom footer.
    await page.hover(".node[data-node='0:0']");
    await page.waitForFunction(() => /神经元/.test(document.querySelector("[data-testid=heatmap-caption]")?.textContent ?? ""));
    texts.push(...(await pageTexts(page)));
    await page.hover("svg.edges path.hit >> nth=0", { force: true });
    await page.waitForFunction(() => !(document.querySelector("[data-testid=tooltip]") as HTMLElement).hidden);
    texts.push(...(await pageTexts(page)));
    await page.click("footer.classroom summary");
    // The pictures too: the worker draws them with the page's words (viz/words), names aside.
    const pictures: string[] = [];
    for (const tab of ["hidden", "landscape", "surface", "history", "steps"]) {
      await page.click(`.view-tab[data-view=${tab}]`);
      await page.waitForFunction((t) => document.querySelector("[data-testid=view-picture]")?.getAttribute("data-shows") === t, tab);
      texts.push(...(await pageTexts(page)));
      pictures.push(...(await page.$$eval("[data-testid=view-picture] svg text", (ts) => ts.map((x) => x.textContent ?? ""))));
    }
    const names = /(?:binary|categorical)-c\w*…?|L-BFGS|loss(?=\[|\s+\()|log(?=\()|[A-Za-z]+\d+(?:\[[\d,]+\])?'?|f'\([A-Z]\d+\)|tanh|relu|sigmoid|linear|softmax|mse|sse/g;
    expect(pictures.length).toBeGreaterThan(20);
    expect(pictures.filter((s) => /[A-Za-z]{2,}/.test(s.replace(names, "")))).toEqual([]);
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
    await waitForEpoch(page, "=", 2);

    // And back: a reload keeps the language the link names.
    await page.click("[data-testid=lang]");
    await page.waitForFunction(() => location.hash.includes("lang=zh"));
    expect(await page.textContent(".middle h2")).toBe(CATALOGUES.zh["network.heading"]);
    await page.reload();
    await waitForEpoch(page, "=", 0);
    expect(await page.textContent("[data-testid=show-test-data] + *, label.ui-showTestData")).toContain("显示测试数据");
    await clean(w);
  });

  it("a browser that reads Chinese gets the Chinese page; the link's lang=en wins over it", async () => {
    const context = await session().browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(session().server.url);
    await waitForEpoch(page, ">=", 0);
    expect(await page.textContent("label.ui-learningRate .label")).toBe("学习率");
    expect(await page.evaluate(() => location.hash)).not.toMatch(/lang=/);
    await page.evaluate(() => (location.hash = `${location.hash}&lang=en&batchSize=0`));
    await page.waitForFunction(() => document.querySelector("label.ui-learningRate .label")?.textContent === "Learning rate");
    expect(await page.textContent("[data-testid=notices]")).toContain('batchSize: "0" is not a whole number from 1 to 30; using 10');
    await context.close();
  });

  it("a run that diverges says so in the page's own terms, in either language (the learning rate to lower, not an experiment file's field)", async () => {
    const setup = "activation=linear&problem=regression&regDataset=reg-plane&learningRate=10";
    const stopped = async (lang: "en" | "zh"): Promise<{ message: string; texts: string[] }> => {
      const w = await openPage(session(), `#${setup}&lang=${lang}`);
      await w.page.click("[data-testid=play]");
      await w.page.waitForFunction(() => document.querySelector("[data-testid=error]")?.textContent !== "");
      const result = { message: (await w.page.textContent("[data-testid=error]"))!, texts: await pageTexts(w.page) };
      // The counter and the losses are those of the parameters shown.
      const shown = /after epoch (\d+)|第 (\d+) 轮之后/.exec(result.message);
      expect(await epochOf(w.page)).toBe(shown ? Number(shown[1] ?? shown[2]) : 0);
      await clean(w);
      return result;
    };
    const en = await stopped("en");
    expect(en.message).toMatch(/^Training stopped: the loss diverged at epoch \d+: it (became NaN|became Infinity|grew from .+ to .+)\. The network is shown as it was (before training|after epoch \d+, its last good parameters)\. Lower the learning rate \(now 10\) and reset the network\.$/);
    const zh = await stopped("zh");
    expect(zh.message).toMatch(/^训练已停止：损失在第 \d+ 轮发散：.+请降低学习率（当前为 10）并重置网络。$/);
    expect(untranslated(zh.texts)).toEqual([]);
  });
});
