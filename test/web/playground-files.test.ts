/**
 * What the playground exports and opens, in a real headless Chromium: an exported experiment
 * trains under the CLI to the page's loss, every walkthrough opens and trains with the right
 * picture, and a CSV or an experiment file of your own opens, or says where it is wrong.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { forward, createWorkspace, lossTotal, reportedLoss } from "../../src/nn/propagation.ts";
import { train } from "../../src/nn/train.ts";
import { clean, downloadBytes, epochOf, lossOf, openPage, useSession, waitForEpoch } from "./browser.ts";

const session = useSession();

/** An exported experiment trained as `glassbox train` trains it: its test loss after the last update. */
function cliTestLoss(json: unknown): number {
  const p = prepareExperiment(validateExperiment(json));
  train(p.model, p.data, p.config);
  const ws = createWorkspace(p.model, p.data.testX!.rows);
  forward(p.model, p.data.testX!.data, ws);
  return reportedLoss(p.model, lossTotal(p.model, p.data.testY!, ws), ws.n, 0);
}

/** Steps `epochs` epochs one at a time, then exports: the page's test loss and the exported experiment. */
async function stepThenExport(page: Page, epochs: number): Promise<{ pageLoss: number; json: { train: Record<string, unknown> } & Record<string, unknown> }> {
  for (let k = 1; k <= epochs; k++) {
    await page.click("[data-testid=step]");
    await waitForEpoch(page, "=", k);
  }
  await page.waitForTimeout(100);
  const pageLoss = await lossOf(page, "test");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  return { pageLoss, json: JSON.parse((await downloadBytes(download)).toString("utf8")) };
}

describe("the playground page", () => {
  it("the exported experiment trains from the CLI's engine to the same loss", async () => {
    const w = await openPage(session(), "#dataset=xor&xTimesY=true&regularization=L2&regularizationRate=0.001&batchSize=7");
    const { pageLoss, json } = await stepThenExport(w.page, 5);
    expect(json.train.epochs).toBe(5);
    const cliLoss = cliTestLoss(json);
    expect(Math.abs(cliLoss - pageLoss) / cliLoss).toBeLessThan(1e-12);
    await clean(w);
  });
});

describe("the walkthroughs and your own data in the page", () => {
  it("every walkthrough of examples/ opens from the menu and trains, with the right picture for its data", async () => {
    const w = await openPage(session());
    const names = await w.page.$$eval("[data-testid=example] option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""));
    expect(names).toEqual(expect.arrayContaining(["moons-deep", "one-feature", "three-classes", "gauss-two-neurons", "circles-three-neurons", "spiral-layers", "twelve-steps"]));
    for (const name of names) {
      await w.page.selectOption("[data-testid=example]", name);
      await w.page.waitForFunction((n) => location.hash.includes(`example=${n}`), name);
      await waitForEpoch(w.page, "=", 0);
      await w.page.click("[data-testid=step]");
      await waitForEpoch(w.page, "=", 1);
      expect(await w.page.textContent("[data-testid=error]"), name).toBe("");
    }
    await clean(w);
  });

  it("a walkthrough trains at its own learning rate and shows its test points, which the box hides; back on the Playground's data its own settings return", async () => {
    const w = await openPage(session(), "#learningRate=0.3");
    const testPoints = (): Promise<string | null> => w.page.getAttribute("canvas[data-test-points]", "data-test-points");
    expect(await testPoints()).toBe("0");
    await w.page.selectOption("[data-testid=example]", "moons-deep");
    await w.page.waitForFunction(() => location.hash.includes("example=moons-deep"));
    await waitForEpoch(w.page, "=", 0);
    const file = JSON.parse(readFileSync("examples/moons-deep.json", "utf8"));
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe(String(file.train.learningRate));
    expect(await w.page.isChecked("[data-testid=show-test-data]")).toBe(true);
    expect(Number(await testPoints())).toBeGreaterThan(0);
    await w.page.uncheck("[data-testid=show-test-data]");
    await w.page.waitForFunction(() => document.querySelector("canvas[data-test-points]")?.getAttribute("data-test-points") === "0");
    await w.page.selectOption("[data-testid=example]", "");
    await w.page.waitForFunction(() => !location.hash.includes("example="));
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.3");
    expect(await w.page.isChecked("[data-testid=show-test-data]")).toBe(false);
    expect(await testPoints()).toBe("0");
    await clean(w);
  });

  it("a walkthrough exports as its own file, trained as far as the page trained it, to the page's loss", async () => {
    const w = await openPage(session(), "#example=three-classes");
    await waitForEpoch(w.page, "=", 0);
    // The page's learning rate, chosen on the running network, is the only setting it changes in
    // the file's training (Adam, batches of 32): the rest stays the file's.
    await w.page.selectOption("[data-testid=learningRate]", "0.03");
    await w.page.waitForFunction(() => location.hash.includes("learningRate=0.03&"));
    const { pageLoss, json } = await stepThenExport(w.page, 3);
    const file = JSON.parse(readFileSync("examples/three-classes.json", "utf8"));
    expect({ data: json.data, model: json.model, init: json.init, loss: json.loss }).toEqual({ data: file.data, model: file.model, init: file.init, loss: file.loss });
    expect(json.train).toEqual({ ...file.train, learningRate: 0.03, epochs: 3 });
    const cliLoss = cliTestLoss(json);
    expect(Math.abs(cliLoss - pageLoss) / cliLoss).toBeLessThan(1e-12);
    await clean(w);
  });

  it("a walkthrough stops where glassbox train stops, at its own train.epochs and the CLI's loss; play goes on past it", async () => {
    const w = await openPage(session(), "#example=three-classes");
    const file = JSON.parse(readFileSync("examples/three-classes.json", "utf8"));
    const epochs: number = file.train.epochs;
    await w.page.click("[data-testid=play]");
    await w.page.waitForFunction((n) => document.querySelector("[data-testid=play]")?.getAttribute("data-paused-at") === String(n), epochs);
    expect(await epochOf(w.page)).toBe(epochs);
    expect(await w.page.getAttribute("[data-testid=play]", "aria-pressed")).toBe("false");
    const message = w.page.locator("[data-testid=error]");
    expect(await message.textContent()).toContain(`its ${epochs} epochs (train.epochs)`);
    expect(await message.getAttribute("class")).toContain("is-notice");
    // The file's own run, as the CLI trains it.
    const cliLoss = cliTestLoss(file);
    expect(Math.abs(cliLoss - (await lossOf(w.page, "test"))) / cliLoss).toBeLessThan(1e-12);
    await w.page.click("[data-testid=play]");
    await waitForEpoch(w.page, ">", epochs);
    expect(await message.textContent()).toBe("");
    await w.page.click("[data-testid=play]");
    await clean(w);
  });

  it("the one-feature walkthrough is the 1-D mode: x against the output, one curve per hidden neuron", async () => {
    const w = await openPage(session(), "#example=one-feature");
    await w.page.waitForFunction(() => document.querySelector("[data-testid=output-other] svg") !== null);
    const svg = await w.page.innerHTML("[data-testid=output-other]");
    expect(svg).toMatch(/hidden neuron 1/);
    expect(svg).toMatch(/hidden neuron 2/);
    expect(svg).not.toMatch(/hidden neuron 3/);
    // The file's own learning rate (0.1), not the Playground's default.
    expect(await w.page.inputValue("[data-testid=learningRate]")).toBe("0.1");
    // A picture of the plane says where this data's output is drawn instead, not of extra features it has none of.
    await w.page.click(".view-tab[data-view=surface]");
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=view-message]")?.textContent ?? "") !== "");
    const message = await w.page.textContent("[data-testid=view-message]");
    expect(message).toMatch(/this data has one: its output is the curve along x in the Output panel/);
    expect(message).not.toMatch(/X₁X₂/);
    await clean(w);
  });

  it("three classes get three coloured regions", async () => {
    const w = await openPage(session(), "#example=three-classes");
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
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
    const w = await openPage(session());
    const rows = ["a,b,label", ...Array.from({ length: 60 }, (_, i) => `${(i % 10) / 3},${Math.floor(i / 10) / 2},${(i % 10) / 3 + Math.floor(i / 10) / 2 > 3 ? 1 : 0}`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.locator(".node.input").count()).toBe(2);
    // Its link works in this tab only, and says so.
    expect(await w.page.getAttribute("[data-testid=copy-link]", "title")).toMatch(/the file you opened is not in the link/);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
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
    // An empty file is said to be empty; an unclosed quote is named by its line.
    for (const [name, text, says] of [["empty.csv", "", /empty\.csv: is empty/], ["quote.csv", 'a,b,label\n1,2,0\n"3,4,1\n', /quote\.csv line 3: a quote/]] as const) {
      await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
      await w.page.setInputFiles("[data-testid=open-file]", { name, mimeType: "text/csv", buffer: Buffer.from(text) });
      await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
      expect(await w.page.textContent("[data-testid=file-error]")).toMatch(says);
      expect(await w.page.evaluate(() => location.hash)).toBe(hash);
    }
    // A reload in the same tab keeps the opened file.
    await w.page.reload();
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.locator(".node.input").count()).toBe(2);
    await clean(w);
  });
});

describe("the key under the output", () => {
  it("says what the picture shows: each class's colour, a file's value range, a hovered neuron's activation range", async () => {
    const w = await openPage(session(), "#example=three-classes");
    const key = () => w.page.evaluate(() => ({
      ticks: document.querySelector<HTMLElement>("[data-testid=colour-ticks]")!.hidden ? null : [...document.querySelectorAll("[data-testid=colour-ticks] span")].map((s) => s.textContent),
      classes: document.querySelector<HTMLElement>("[data-testid=class-legend]")!.hidden ? null : [...document.querySelectorAll("[data-testid=class-legend] span")].map((s) => s.textContent),
    }));
    await w.page.waitForFunction(() => !document.querySelector<HTMLElement>("[data-testid=class-legend]")!.hidden);
    expect(await key()).toEqual({ ticks: null, classes: ["0", "1", "2"] });
    expect(await w.page.textContent("[data-testid=heatmap-caption]")).toMatch(/; test points ringed in black$/);
    // A walkthrough without a test set: the caption names no test points.
    await w.page.selectOption("[data-testid=example]", "gauss-two-neurons");
    await w.page.waitForFunction(() => location.hash.includes("example=gauss-two-neurons"));
    await waitForEpoch(w.page, "=", 0);
    await w.page.waitForFunction(() => /^P\(/.test(document.querySelector("[data-testid=heatmap-caption]")?.textContent ?? ""));
    expect(await w.page.textContent("[data-testid=heatmap-caption]")).not.toMatch(/test/);
    // A CSV's ages: coloured from the youngest to the oldest (over −1…1 the whole plane was one orange).
    const rows = ["x1,x2,age"];
    for (let i = 0; i < 80; i++) rows.push(`${(i % 9) - 4},${Math.floor(i / 9) - 4},${30 + 3 * ((i % 9) - 4) + 2 * (Math.floor(i / 9) - 4)}`);
    const ages = rows.slice(1).map((r) => Number(r.split(",")[2]));
    const [lo, hi] = [Math.min(...ages), Math.max(...ages)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "age.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await w.page.click("[data-testid=step]");
    await w.page.waitForFunction((t) => document.querySelector("[data-testid=colour-ticks]")?.textContent === t, `${lo}${(lo + hi) / 2}${hi}`);
    // A hidden neuron hovered: its activation's colours (not a sigmoid's: −1 blue, 0 white, 1 orange).
    await w.page.hover(".node[data-node='0:0']");
    await w.page.waitForFunction(() => document.querySelector("[data-testid=colour-ticks]")?.textContent === "−101");
    // Three feature columns: the training GIF (two inputs at most) says to train on fewer columns, not to switch features off.
    const three = ["a,b,c,y", ...Array.from({ length: 30 }, (_, i) => `${i % 5},${i % 3},${i % 7},${i % 2}`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "three.csv", mimeType: "text/csv", buffer: Buffer.from(three.join("\n")) });
    await w.page.waitForFunction(() => document.querySelectorAll(".node.input").length === 3);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    await w.page.click("[data-testid=gif]");
    expect(await w.page.textContent("[data-testid=gif-message]")).toMatch(/this data has 3 \(for a CSV, train on one or two of its feature columns\)/);
    await clean(w);
  });
});

describe("a CSV's problems in the page's words", () => {
  it("are said in Chinese on the Chinese page, once each with what was left unchanged; a file of semicolons is named as one", async () => {
    const w = await openPage(session(), "#lang=zh");
    const open = async (name: string, text: string): Promise<string> => {
      await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
      await w.page.setInputFiles("[data-testid=open-file]", { name, mimeType: "text/csv", buffer: Buffer.from(text) });
      await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
      return (await w.page.textContent("[data-testid=file-error]"))!;
    };
    // Checked by the training worker (the cells), and by the page itself (the header).
    expect(await open("bad.csv", "a,b,label\n1,2,0\n3,x,1\n")).toBe('bad.csv 第 3 行 "b" 列："x" 不是数字——没有做任何更改。');
    expect(await open("semi.csv", "a;b;label\n1;2;0\n3;4;1\n")).toBe('semi.csv 第 1 行：只有一列，列名之间用";"分隔：Glassbox 读取用逗号分隔的值（请用逗号分隔单元格后再保存）——没有做任何更改。');
    // A target of one value: said once, with the ending said once.
    const one = await open("one.csv", "a,b,label\n1,2,0\n3,4,0\n");
    expect(one.match(/没有做任何更改/g)).toHaveLength(1);
    expect(one).not.toMatch(/未作任何改动/);
    // An experiment file's field of the wrong kind: where it is, then what is wrong, in Chinese.
    const file = JSON.stringify({ data: { dataset: "moons", samples: 40 }, model: { layers: [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { learningRate: -1 } });
    await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
    await w.page.setInputFiles("[data-testid=open-file]", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(file) });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/train\.learningRate：必须 > 0，实际是 -1/);
    await clean(w);
  });
});

describe("experiment files opened in the page", () => {
  it("read as the CLI reads them: comments allowed, a mistake named by line and column", async () => {
    const w = await openPage(session());
    const good = ['{', '  // two moons, as the CLI would train them', '  "data": { "dataset": "moons", "samples": 80, "seed": 2 },', '  /* one hidden layer */', '  "model": { "layers": [{ "units": 3, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }] },', '  "train": { "epochs": 10, },', '}'].join("\n");
    await w.page.setInputFiles("[data-testid=open-file]", { name: "commented.json", mimeType: "application/json", buffer: Buffer.from(good) });
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, "=", 0);
    // Layer 0 of the diagram is the first hidden layer: the file's three tanh neurons.
    expect(await w.page.locator(".node[data-node^='0:']").count()).toBe(3);
    const hash = await w.page.evaluate(() => location.hash);

    const broken = '{\n  "data": { "dataset": "moons" },\n  "model": { "layers": [{ "units": 1 }] ]\n}';
    await w.page.setInputFiles("[data-testid=open-file]", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/broken\.json .*line 3, column \d+.* — nothing was changed\.$/);
    expect(await w.page.evaluate(() => location.hash)).toBe(hash);
    // A mistake the engine finds in a file that parses: said of that file, with where in it.
    await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
    await w.page.setInputFiles("[data-testid=open-file]", { name: "odd.json", mimeType: "application/json", buffer: Buffer.from('{ "data": { "dataset": "moons" }, "hello": 1 }') });
    await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/^odd\.json: hello: .* — nothing was changed\.$/);
    expect(await w.page.evaluate(() => location.hash)).toBe(hash);
    await clean(w);
  });
});
