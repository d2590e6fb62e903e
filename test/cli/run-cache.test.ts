/**
 * Pictures train only what they draw and never the same run twice: `--epoch K` trains K epochs,
 * trained runs are cached by content (a corrupt or foreign entry is ignored and rewritten), and a
 * run file without snapshots gets them recomputed from its experiment.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.ts";
import { captureEachTest } from "./capture.ts";

const c = captureEachTest("glassbox-cache-");
let cache: string;
beforeEach(() => {
  cache = join(c.dir, ".glassbox-cache");
  vi.stubEnv("GLASSBOX_CACHE", cache);
});
afterEach(() => void vi.unstubAllEnvs());

const EXPERIMENT = { data: { dataset: "moons", samples: 60, seed: 3, testFraction: 0.25 }, model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { optimizer: "adam", learningRate: 0.05, epochs: 40 } };
function experiment(json: object = EXPERIMENT, name = "exp.json"): string {
  const f = join(c.dir, name);
  writeFileSync(f, JSON.stringify(json));
  return f;
}
const entries = () => (existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith(".json")) : []);
const lastLine = () => c.out.at(-1) ?? "";

async function plot(...args: string[]): Promise<string> {
  const target = join(c.dir, `p${c.out.length}.svg`);
  expect(await run(["plot", ...args, "--out", target, "--width", "300", "--height", "220", "--resolution", "12"]), c.err.join("")).toBe(0);
  return readFileSync(target, "utf8");
}

describe("the run cache", () => {
  it("trains an experiment once: the second picture reads the run from .glassbox-cache/", async () => {
    const f = experiment();
    const first = await plot("boundary", f);
    expect(lastLine()).toContain("(trained 40 epochs)");
    expect(entries()).toHaveLength(1);
    const second = await plot("boundary", f);
    expect(lastLine()).toContain("(trained 40 epochs, read from the run cache)");
    expect(second).toBe(first);
    // Another view of the same run reads it too; another epoch count is another entry.
    await plot("hidden", f);
    expect(lastLine()).toContain("read from the run cache");
    await plot("boundary", f, "--epochs", "20");
    expect(lastLine()).toContain("(trained 20 epochs)");
    expect(entries()).toHaveLength(2);
  });

  it("keys by content: a changed experiment trains again, the same content under another name does not", async () => {
    await plot("boundary", experiment());
    await plot("boundary", experiment(EXPERIMENT, "copy.json"));
    expect(lastLine()).toContain("read from the run cache");
    await plot("boundary", experiment({ ...EXPERIMENT, train: { ...EXPERIMENT.train, learningRate: 0.04 } }, "changed.json"));
    expect(lastLine()).toContain("(trained 40 epochs)");
    expect(entries()).toHaveLength(2);
  });

  it("ignores a corrupt or foreign entry and writes it again", async () => {
    const f = experiment();
    const picture = await plot("boundary", f);
    const [name] = entries();
    const entry = join(cache, name);
    const good = readFileSync(entry, "utf8");
    for (const bad of [good.slice(0, good.length / 2), JSON.stringify({ ...JSON.parse(good), key: "0".repeat(32) }), "[]"]) {
      writeFileSync(entry, bad);
      expect(await plot("boundary", f)).toBe(picture);
      expect(lastLine()).toContain("(trained 40 epochs)");
      expect(JSON.parse(readFileSync(entry, "utf8")).key).toBe(name.replace(/\.json$/, ""));
    }
    await plot("boundary", f);
    expect(lastLine()).toContain("read from the run cache");
  });

  it("is off with GLASSBOX_CACHE=off", async () => {
    vi.stubEnv("GLASSBOX_CACHE", "off");
    const f = experiment();
    await plot("boundary", f);
    await plot("boundary", f);
    expect(lastLine()).toContain("(trained 40 epochs)");
    expect(existsSync(cache)).toBe(false);
  });
});

describe("--epoch K", () => {
  it("trains only K epochs for a view of the model at K, the same model as the full run's snapshot", async () => {
    const f = experiment({ ...EXPERIMENT, record: { paramsAt: [7] } });
    const atSeven = await plot("boundary", f, "--epoch", "7");
    expect(lastLine()).toContain("(trained 7 epochs)");
    expect(atSeven).toContain("Decision boundary after epoch 7");
    // The run file of the full 40 epochs holds epoch 7's parameters: the same picture.
    expect(await run(["train", f, "--out", join(c.dir, "run.json")])).toBe(0);
    expect(await plot("boundary", join(c.dir, "run.json"), "--epoch", "7")).toBe(atSeven);
    expect(lastLine()).toContain("(run file");
    expect(lastLine()).not.toContain("recomputed");
  });

  it("past the epochs trained is a one-line mistake", async () => {
    const target = join(c.dir, "b.svg");
    expect(await run(["plot", "boundary", experiment(), "--epoch", "41", "--out", target])).toBe(2);
    expect(c.err.join("").trim()).toMatch(/^glassbox: --epoch 41 is past the 40 epochs trained: choose 0\.\.40/);
    expect(existsSync(target)).toBe(false);
  });
});

describe("a run file without snapshots", () => {
  it("gets them recomputed from its experiment for --epoch and trajectory", async () => {
    vi.stubEnv("GLASSBOX_CACHE", "off");
    const f = experiment();
    const atSeven = await plot("boundary", f, "--epoch", "7");
    expect(await run(["train", f, "--out", join(c.dir, "run.json")])).toBe(0);
    expect(JSON.parse(readFileSync(join(c.dir, "run.json"), "utf8")).snapshots).toEqual([]);
    expect(await plot("boundary", join(c.dir, "run.json"), "--epoch", "7")).toBe(atSeven);
    expect(lastLine()).toMatch(/run file .*run\.json, its snapshots recomputed from .*exp\.json/);
    const trajectory = await plot("trajectory", join(c.dir, "run.json"));
    expect(trajectory).toMatch(/at \d+ recorded epochs/);
    expect(lastLine()).toContain("recomputed");
  });

  it("refuses when the experiment changed since the run was trained", async () => {
    const f = experiment();
    expect(await run(["train", f, "--out", join(c.dir, "run.json")])).toBe(0);
    experiment({ ...EXPERIMENT, train: { ...EXPERIMENT.train, learningRate: 0.03 } });
    const target = join(c.dir, "t.svg");
    expect(await run(["plot", "trajectory", join(c.dir, "run.json"), "--out", target])).toBe(2);
    const e = c.err.join("").trim();
    expect(e.split("\n")).toHaveLength(1);
    expect(e).toMatch(/training .*exp\.json again gives loss .* at epoch \d+ where the run recorded .*: the experiment changed since the run was trained: train it again/);
    expect(existsSync(target)).toBe(false);
  });
});
