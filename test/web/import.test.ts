/**
 * Importing models into the page, choosing a CSV's columns and the step inspector's hover
 * arithmetic, in a real headless Chromium: the page's predictions against `glassbox import` then
 * `glassbox predict` on the same files and points, the inspector's text against `glassbox steps`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/commands/import.ts";
import { predictCommand } from "../../src/cli/commands/predict.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { firstIteration } from "../../src/experiment/first-iteration.ts";
import { train } from "../../src/nn/train.ts";
import { modelToJson } from "../../src/nn/serialize.ts";
import { fmt } from "../../src/viz/format.ts";
import { CATALOGUES } from "../../src/web/i18n.ts";
import { clean, downloadBytes, epochOf, openPage, type Watched, useSession, waitForEpoch } from "./browser.ts";

const FIXTURES = "test/fixtures/interop";
const POINTS = [[0.5, -1.2], [2, 0.3], [-0.7, -0.1], [1.1, 1.9], [-2.2, 0.8], [0, 0]];

const session = useSession();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "glassbox-import-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (path: string, name = path.split("/").pop()!) => ({ name, mimeType: "application/octet-stream", buffer: readFileSync(path) });

/** Chooses files in the page's picker and waits until the imported model's network is ready (or its error shows). */
async function choose(page: Page, files: ReturnType<typeof file>[]): Promise<void> {
  await page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
  await page.setInputFiles("[data-testid=open-file]", files);
  const names = files.map((f) => f.name);
  // The page has the model (its network is in the worker) once the diagram is redrawn for it with no pending problem.
  await page.waitForFunction(
    (ns) => {
      const g = (globalThis as unknown as { glassbox: { imported: { name: string; ready: boolean } | null } }).glassbox;
      return (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "" || (!!g.imported && ns.includes(g.imported.name) && g.imported.ready);
    },
    names,
  );
}

async function pagePredict(page: Page, rows: number[][]): Promise<number[][]> {
  return (await page.evaluate((r) => (globalThis as unknown as { glassbox: { predict(r: number[][]): Promise<number[][]> } }).glassbox.predict(r), rows)) as number[][];
}

/** `glassbox import --from FORMAT FILE --out m.json` (a Glassbox file as it is), then `glassbox predict --model m.json --csv points.csv --out p.csv`: each row's outputs. */
function cliPredict(format: "glassbox" | "sklearn" | "tfjs" | "onnx", path: string, rows: number[][]): number[][] {
  const model = format === "glassbox" ? path : join(dir, `${format}.json`);
  if (format !== "glassbox") importCommand(path, { from: format, out: model }, () => undefined);
  const names = JSON.parse(readFileSync(model, "utf8")).featureNames as string[];
  const csv = join(dir, "points.csv");
  writeFileSync(csv, [names.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n");
  const out = join(dir, "predictions.csv");
  predictCommand({ model, csv, out }, () => undefined);
  const [header, ...lines] = readFileSync(out, "utf8").trim().split("\n");
  const cols = header.split(",");
  const probs = cols.map((c, i) => (c.startsWith("p(") ? i : -1)).filter((i) => i >= 0);
  const values = cols.map((c, i) => (c.startsWith("predicted") ? i : -1)).filter((i) => i >= 0);
  return lines.map((l) => {
    const cells = l.split(",").map(Number);
    // One sigmoid unit: the page's output is p(second class).
    if (probs.length === 2) return [cells[probs[1]]];
    return (probs.length ? probs : values).map((i) => cells[i]);
  });
}

function worst(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    row.forEach((v, j) => (w = Math.max(w, Math.abs(v - b[i][j]))));
  });
  return w;
}

/** A Glassbox model file trained here, with a feature map and a scaler: the page must apply both as predict does. */
function glassboxModelFile(): string {
  const p = prepareExperiment(
    validateExperiment({
      data: { dataset: "xor", samples: 120, seed: 3 },
      inputs: ["x1", "x2", "x1*x2"],
      scale: "standard",
      model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
      train: { optimizer: "adam", learningRate: 0.05, epochs: 20 },
    }),
  );
  train(p.model, p.data, p.config);
  const path = join(dir, "glassbox-model.json");
  writeFileSync(path, JSON.stringify(modelToJson(p.model)));
  return path;
}

describe("importing a model into the page", () => {
  it("each format imports; the page predicts as glassbox import + predict on the same points; the network trains on from its weights", async () => {
    const w = await openPage(session());
    const cases: [string, "glassbox" | "sklearn" | "tfjs" | "onnx", string, ReturnType<typeof file>[], number][] = [
      ["Glassbox model", "glassbox", "", [], 1e-12],
      ["scikit-learn", "sklearn", `${FIXTURES}/sklearn-binary.json`, [file(`${FIXTURES}/sklearn-binary.json`)], 1e-12],
      ["TensorFlow.js", "tfjs", `${FIXTURES}/tfjs-dense/model.json`, [file(`${FIXTURES}/tfjs-dense/model.json`), file(`${FIXTURES}/tfjs-dense/group1-shard1of1.bin`)], 1e-7],
      ["ONNX", "onnx", `${FIXTURES}/glassbox-binary-f32.onnx`, [file(`${FIXTURES}/glassbox-binary-f32.onnx`)], 1e-7],
    ];
    const gb = glassboxModelFile();
    cases[0][2] = gb;
    cases[0][3] = [file(gb)];
    for (const [name, format, path, files, tol] of cases) {
      await choose(w.page, files);
      expect(await w.page.textContent("[data-testid=file-error]"), name).toBe("");
      await waitForEpoch(w.page, "=", 0);
      expect(await w.page.textContent("[data-testid=imported-summary]"), name).toContain(path.split("/").pop()!);
      const page = await pagePredict(w.page, POINTS);
      // The same converted weights on both sides: the same numbers (float32 formats to float32 precision at most).
      expect(worst(page, cliPredict(format, path, POINTS)), name).toBeLessThan(tol);
    }
    // TensorFlow.js' own predictions (its fixture) agree to float32 precision.
    const expected = JSON.parse(readFileSync(`${FIXTURES}/tfjs-expected.json`, "utf8")).dense as { X: number[][]; predict: number[][] };
    await choose(w.page, cases[2][3]);
    await waitForEpoch(w.page, "=", 0);
    expect(worst(await pagePredict(w.page, expected.X), expected.predict)).toBeLessThan(1e-6);
    // The diagram is the model's (2 inputs, its layers), the output is drawn over the plane, and a step trains from its weights.
    expect(await w.page.locator(".node.input").count()).toBe(2);
    expect(await w.page.getAttribute("[data-testid=heatmap]", "data-refreshes")).not.toBeNull();
    const before = await pagePredict(w.page, POINTS);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    expect(worst(await pagePredict(w.page, POINTS), before)).toBeGreaterThan(0);
    // The set-up's menus that train it are offered; its activations, loss, problem and start are its own.
    const menus = async (): Promise<string[]> => w.page.$$eval(".topbar select", (s) => s.map((x) => x.getAttribute("data-testid")!));
    expect(await menus()).toEqual(["speed", "learningRate", "regularizations", "regularRate", "optimizer"]);
    // Another optimiser trains again from the imported weights, with it.
    await w.page.selectOption("[data-testid=optimizer]", "momentum");
    await w.page.waitForFunction(() => location.hash.includes("optimizer=momentum"));
    await waitForEpoch(w.page, "=", 0);
    expect(await menus()).toEqual(["speed", "learningRate", "regularizations", "regularRate", "optimizer", "momentum"]);
    expect(worst(await pagePredict(w.page, POINTS), before)).toBe(0);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    expect(worst(await pagePredict(w.page, POINTS), before)).toBeGreaterThan(0);
    await clean(w);
  });

  it("a model with other input widths: over a CSV chosen with it everything trains; alone, its diagram and an explanation", async () => {
    const w = await openPage(session());
    const torch = JSON.parse(readFileSync("test/fixtures/interop/torch-expected.json", "utf8")).mlp as { X: number[][]; predict: number[][] };
    const csv = ["x1,x2,x3,y", ...torch.X.map((r, i) => `${r.join(",")},${torch.predict[i][0] > 0.6 ? 1 : 0}`), ...torch.X.map((r, i) => `${r.map((v) => v / 2).join(",")},${i % 2}`)].join("\n");
    await choose(w.page, [file(`${FIXTURES}/torch-mlp.onnx`)]);
    await w.page.waitForSelector("[data-testid=views-need-data]");
    expect(await w.page.textContent("[data-testid=heatmap]")).toMatch(/reads 3 input columns \(x1, x2, x3\)/);
    // Nothing to train: play, step, reset and the GIF are off, and no settings are offered.
    for (const id of ["play", "step", "reset", "gif"]) expect(await w.page.isDisabled(`[data-testid=${id}]`), id).toBe(true);
    expect(await w.page.$$eval(".topbar select", (s) => s.map((x) => x.getAttribute("data-testid")))).toEqual(["speed", "learningRate"]);
    // Nor do the keys step or play what is not shown.
    const shown = await w.page.textContent("[data-testid=epoch]");
    await w.page.locator("body").press("ArrowRight");
    await w.page.locator("body").press(" ");
    await w.page.waitForTimeout(300);
    expect(await w.page.textContent("[data-testid=epoch]")).toBe(shown);
    expect(await w.page.locator(".node.input").count()).toBe(3);
    // Its weights are on the diagram's edges.
    expect(await w.page.locator("svg.edges path:not(.hit)").count()).toBeGreaterThan(0);
    await choose(w.page, [file(`${FIXTURES}/torch-mlp.onnx`), { name: "torch.csv", mimeType: "text/csv", buffer: Buffer.from(csv) }]);
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.locator("[data-testid=views-need-data]").count()).toBe(0);
    for (const id of ["play", "step", "reset", "gif"]) expect(await w.page.isDisabled(`[data-testid=${id}]`), id).toBe(false);
    expect(worst(await pagePredict(w.page, torch.X), cliPredict("onnx", `${FIXTURES}/torch-mlp.onnx`, torch.X))).toBeLessThan(1e-12);
    expect(worst(await pagePredict(w.page, torch.X), torch.predict)).toBeLessThan(1e-6);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    expect(await w.page.textContent("[data-testid=error]")).toBe("");
    await clean(w);
  });

  it("a bad model file shows its error in place and keeps the model shown", async () => {
    const w = await openPage(session());
    await choose(w.page, [file(`${FIXTURES}/sklearn-binary.json`)]);
    await waitForEpoch(w.page, "=", 0);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    const shown = await pagePredict(w.page, POINTS);
    const summary = await w.page.textContent("[data-testid=imported-summary]");
    for (const [bad, message] of [
      [[file(`${FIXTURES}/tfjs-conv/model.json`), file(`${FIXTURES}/tfjs-conv/group1-shard1of1.bin`)], /Conv2D.*the page is unchanged/],
      [[file(`${FIXTURES}/tfjs-dense/model.json`)], /group1-shard1of1\.bin: choose or drop both files together/],
      [[{ name: "cut.onnx", mimeType: "application/octet-stream", buffer: readFileSync(`${FIXTURES}/torch-mlp.onnx`).subarray(0, 200) }], /Cannot import cut\.onnx: .*the page is unchanged/],
    ] as const) {
      await w.page.setInputFiles("[data-testid=open-file]", [...bad]);
      await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
      expect(await w.page.textContent("[data-testid=file-error]")).toMatch(message);
      expect(await w.page.textContent("[data-testid=imported-summary]")).toBe(summary);
      expect(await epochOf(w.page)).toBe(1);
      expect(worst(await pagePredict(w.page, POINTS), shown)).toBe(0);
      await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
    }
    // Closing the model returns to the Playground's own network.
    await w.page.click("[data-testid=close-model]");
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.locator("[data-testid=imported]").count()).toBe(0);
    expect(await w.page.locator(".node.input").count()).toBe(7);
    await clean(w);
  });
});

describe("a CSV's columns, chosen in the page", () => {
  it("a CSV whose last column holds one value opens to its columns with that error, not to a network with nothing to learn", async () => {
    const w = await openPage(session());
    const rows = ["x,y,label", ...Array.from({ length: 20 }, (_, i) => `${i / 4},${(i % 5) / 2},0`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await w.page.waitForSelector("[data-testid=csv-columns]");
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/column "label" holds the same value \(0\) on every line \(2–21\)/);
    expect(await w.page.evaluate(() => location.hash)).not.toContain("example=file");
    // Another target trains.
    await w.page.check("[data-testid=csv-target-1]");
    await w.page.click("[data-testid=csv-apply]");
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, "=", 0);
    await clean(w);
  });

  it("trains on the chosen columns; no feature, a one-valued target or a non-numeric cell is refused in place, naming line and column", async () => {
    const w = await openPage(session());
    const rows = ["a,b,note,c,same,label", ...Array.from({ length: 60 }, (_, i) => `${(i % 10) / 3},${i % 7},${i === 41 ? "n/a" : i},${Math.floor(i / 10) / 2},5,${(i % 10) / 3 + Math.floor(i / 10) / 2 > 3 ? 1 : 0}`)];
    await w.page.setInputFiles("[data-testid=open-file]", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await w.page.waitForSelector("[data-testid=csv-columns]");
    // The default: every column but the last as a feature, the last as the target; "note" is not numeric on line 43.
    expect(await w.page.textContent("[data-testid=file-error]")).toMatch(/line 43.*"note"|"note".*line 43/);
    expect(await w.page.locator("[data-testid=csv-columns] input[type=checkbox]:checked").count()).toBe(5);
    expect(await w.page.isChecked("[data-testid=csv-target-5]")).toBe(true);

    // Features a and c, target label.
    for (const k of [1, 2, 4]) await w.page.uncheck(`[data-testid=csv-feature-${k}]`);
    await w.page.click("[data-testid=csv-apply]");
    await w.page.waitForFunction(() => location.hash.includes("example=file"));
    await waitForEpoch(w.page, "=", 0);
    expect(await w.page.$$eval(".node.input .name", (ns) => ns.map((n) => n.textContent))).toEqual(["a", "c"]);
    await w.page.click("[data-testid=step]");
    await waitForEpoch(w.page, "=", 1);
    expect(await w.page.textContent("[data-testid=error]")).toBe("");
    // Two features: the points are plotted over the plane.
    expect(await w.page.locator("[data-testid=output-heatmap]").count()).toBe(1);

    const refused: [() => Promise<void>, RegExp][] = [
      [async () => {
        await w.page.uncheck("[data-testid=csv-feature-0]");
        await w.page.uncheck("[data-testid=csv-feature-3]");
      }, /at least one feature column/],
      [async () => {
        await w.page.check("[data-testid=csv-feature-0]");
        await w.page.check("[data-testid=csv-target-4]");
      }, /column "same" holds the same value \(5\) on every line \(2–61\)/],
      [async () => {
        await w.page.check("[data-testid=csv-target-5]");
        await w.page.check("[data-testid=csv-feature-2]");
      }, /line 43.*"note"|"note".*line 43/],
    ];
    for (const [act, message] of refused) {
      await w.page.evaluate(() => (document.querySelector("[data-testid=file-error]")!.textContent = ""));
      await act();
      await w.page.click("[data-testid=csv-apply]");
      await w.page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
      expect(await w.page.textContent("[data-testid=file-error]")).toMatch(message);
      expect(await epochOf(w.page)).toBe(1);
      expect(await w.page.$$eval(".node.input .name", (ns) => ns.map((n) => n.textContent))).toEqual(["a", "c"]);
    }
    await clean(w);
  });
});

describe("the step inspector's hover arithmetic", () => {
  it("a hovered cell's arithmetic has glassbox steps' numbers; the arrow keys move it without stepping training", async () => {
    const w = await openPage(session(), "#networkShape=3");
    const { page } = w;
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
    const cli = firstIteration(prepareExperiment(validateExperiment(JSON.parse((await downloadBytes(download)).toString("utf8")))));
    const v = (name: string) => cli.steps.find((x) => x.name === name)!.value;
    const f = (x: number) => (fmt(x, 4).startsWith("−") ? `(${fmt(x, 4)})` : fmt(x, 4));
    await page.click(".view-tab[data-view=steps]");
    await page.waitForFunction(() => document.querySelector("[data-testid=step-arithmetic]")?.getAttribute("data-cell") === "Z1[0,0]");
    // Z1 is 8 shown rows × 3 units: hover row 1, unit 2 (the result table is drawn last).
    const cells = page.locator("[data-testid=view-picture] svg rect.cell, [data-testid=view-picture] svg rect[class^=cell]");
    const n = await cells.count();
    // (Moved again while the picture is being redrawn under the pointer.)
    for (let tries = 0; (await page.getAttribute("[data-testid=step-arithmetic]", "data-cell")) !== "Z1[1,2]"; tries++) {
      expect(tries).toBeLessThan(20);
      const target = cells.nth(n - 24 + 1 * 3 + 2);
      await target.scrollIntoViewIfNeeded();
      const box = (await target.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2 + (tries % 3) - 1, box.y + box.height / 2);
      await page.waitForTimeout(150);
    }
    const [A, W, b, Z] = [v("A0"), v("W1"), v("b1"), v("Z1")];
    expect(await page.textContent("[data-testid=step-arithmetic]")).toBe(`Z1[1,2] = Σₖ A0[1,k]·W1[2,k] + b1[2] = ${f(A[1][0])}×${f(W[2][0])} + ${f(A[1][1])}×${f(W[2][1])} + ${f(b[0][2])} = ${fmt(Z[1][2], 4)}`);
    // The picture marks that cell and its sources.
    expect(await page.locator("[data-testid=view-picture] svg rect.highlight").count()).toBe(1);
    expect(await page.locator("[data-testid=view-picture] svg rect.source").count()).toBe(2 + 2 + 1);

    // Keyboard: focus the picture; ↓ and → move the cell, and → does not step the training.
    await page.focus("[data-testid=view-picture]");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.querySelector("[data-testid=step-arithmetic]")?.getAttribute("data-cell") === "Z1[2,2]");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => document.querySelector("[data-testid=step-arithmetic]")?.getAttribute("data-cell") === "Z1[2,1]");
    expect(await page.textContent("[data-testid=step-arithmetic]")).toContain(`= ${fmt(Z[2][1], 4)}`);
    expect(await epochOf(page)).toBe(0);

    // The update of a weight: θ − η·g with the trace's numbers (the last step).
    const steps = cli.steps.filter((x) => x.phase !== "given").length;
    for (let k = 1; k < steps - 1; k++) await page.click("[data-testid=step-next]");
    await page.waitForFunction((k) => document.querySelector("[data-testid=step-arithmetic]")?.getAttribute("data-cell") === "W2'[0,0]" && new RegExp(`step ${k} of`).test(document.querySelector("[data-testid=step-label]")?.textContent ?? ""), steps - 1);
    const [W2, dW2, W2u] = [v("W2"), v("dW2"), v("W2'")];
    expect(await page.textContent("[data-testid=step-arithmetic]")).toBe(`W2'[0,0] = W2[0,0] − η·dW2[0,0] = ${fmt(W2[0][0], 4)} − ${cli.learningRate}×${f(dW2[0][0])} = ${fmt(W2u[0][0], 4)}`);
    await clean(w);
  });
});

/** Every text and tooltip of the page outside the views' pictures, with the data's own names (files, columns, classes) taken out. */
async function englishLeft(page: Page, dataNames: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const skip = (e: Element | null): boolean => !!e?.closest("svg, script, style, noscript, select option:not([value='']), .node, [data-testid=step-arithmetic]");
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement) && n.textContent!.trim()) out.push(n.textContent!.trim());
    for (const e of document.querySelectorAll("[title], [aria-label]")) for (const a of ["title", "aria-label"]) if (!skip(e) && e.getAttribute(a)?.trim()) out.push(e.getAttribute(a)!.trim());
    return out;
  });
  const words = (x: string): string[] => x.match(/[A-Za-z]{2,}/g) ?? [];
  const allowed = new Set(["Glassbox", ...Object.values(CATALOGUES.zh).flatMap(words), ...dataNames.flatMap(words)]);
  return texts.filter((x) => words(x).some((w) => !allowed.has(w)));
}

describe("importing and choosing columns in Chinese", () => {
  it("the imported model's box, the explanation of a model that does not fit, the CSV's columns and the inspector's hover hint are all Chinese (the arithmetic itself is numbers and names) and fit 390 px", async () => {
    // On a phone's 390 px, with nothing scrolling sideways.
    const w = await openPage(session(), "#lang=zh", { width: 390, height: 844 });
    const { page } = w;
    const narrow = async (): Promise<void> => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await choose(page, [file(`${FIXTURES}/sklearn-binary.json`)]);
    await waitForEpoch(page, "=", 0);
    await page.click(".view-tab[data-view=steps]");
    await page.waitForSelector("[data-testid=step-arithmetic]:not([hidden])");
    expect(await page.textContent("[data-testid=imported]")).toContain(CATALOGUES.zh["import.heading"]);
    await narrow();
    const texts = await englishLeft(page, ["sklearn-binary.json", "x1", "x2", "no", "yes"]);
    await choose(page, [file(`${FIXTURES}/torch-mlp.onnx`)]);
    await page.waitForSelector("[data-testid=views-need-data]");
    await narrow();
    texts.push(...(await englishLeft(page, ["torch-mlp.onnx", "x1", "x2", "x3"])));
    await page.setInputFiles("[data-testid=open-file]", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from("a,b,label\n1,2,0\n3,1,1\n2,2,0\n") });
    await page.waitForSelector("[data-testid=csv-columns]");
    // Once the file's network is ready the page is built again: choose in that one.
    await waitForEpoch(page, "=", 0);
    await page.click("[data-testid=csv-target-0]");
    await page.uncheck("[data-testid=csv-feature-1]");
    await page.click("[data-testid=csv-apply]");
    await page.waitForFunction(() => (document.querySelector("[data-testid=file-error]")?.textContent ?? "") !== "");
    await narrow();
    texts.push(...(await englishLeft(page, ["mine.csv", "a", "b", "label"])));
    expect(texts).toEqual([]);
    await clean(w);
  });
});
