/**
 * `npm run bench:page`: the playground's speed as a user sees it, in headless Chromium. For each
 * set-up (TensorFlow Playground's default, and the spiral with 6 hidden layers of 8), press play
 * and measure for 20 s: epochs/s from the page's epoch counter, frames/s from
 * requestAnimationFrame, heatmap refreshes/s from the page's own count; median of 3 runs.
 * Writes out/bench/page-results.json and out/bench/PAGE.md (untracked); with `-- --update`, the
 * committed bench/page-results.json and the "Playground" section of bench/RESULTS.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withPageSection } from "../src/bench/page-section.ts";
import { buildPage, ROOT } from "../src/cli/serve/build.ts";
import { epochOf, openPage, openSession } from "../test/web/browser.ts";

const SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 20);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);

const SETUPS = [
  { name: "default (circle, X₁ X₂, 4-2 tanh, lr 0.03, batch 10, 50 % train)", hash: "", targets: { epochs: 600, fps: 55 } },
  { name: "spiral, 6 hidden layers × 8 tanh", hash: "#dataset=spiral&networkShape=8,8,8,8,8,8", targets: { epochs: 200, fps: 50 } },
  { name: "default, hidden-space view open (3 neurons)", hash: "#networkShape=3", tab: "hidden", targets: { epochs: 600, fps: 55 } },
  { name: "default, loss-landscape view open", hash: "", tab: "landscape", targets: { epochs: 600, fps: 55 } },
  // Compare's six multiples train in a second worker beside the page's own training (no epoch limit).
  { name: "default, Compare open: six multiples training too", hash: "", compare: true, targets: { epochs: 600, fps: 50 } },
];

const UPDATE = process.argv.includes("--update");

interface Measure {
  epochsPerSecond: number;
  fps: number;
  worstFrameMs: number;
  heatmapsPerSecond: number;
  epochs: number;
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function main(): Promise<void> {
  await buildPage({ log: console.error });
  const session = await openSession();
  const results: { setup: string; hash: string; runs: Measure[]; median: Measure; targets: { epochs: number; fps: number } }[] = [];
  try {
    for (const setup of SETUPS) {
      const runs: Measure[] = [];
      for (let r = 0; r < RUNS; r++) {
        const { page } = await openPage(session, setup.hash);
        if ("tab" in setup) await page.click(`.view-tab[data-view=${setup.tab}]`);
        if ("compare" in setup) {
          await page.click("[data-testid=compare-toggle]");
          await page.selectOption("[data-testid=compare-stop]", "Infinity");
          // Opening (and choosing the limit) starts the multiples: wait until they play.
          await page.waitForSelector("[data-testid=compare-play][data-playing=true]");
        }
        // A string, not a function: tsx's helpers (__name) do not exist in the page.
        await page.evaluate("(() => { window.__frames = []; const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); }; requestAnimationFrame(tick); })()");
        const refreshes = async (): Promise<number> => Number((await page.getAttribute("[data-testid=heatmap]", "data-refreshes")) ?? 0);
        await page.click("[data-testid=play]");
        await page.waitForTimeout(1000); // warm-up: kernels compiled, slices sized
        const e0 = await epochOf(page);
        const h0 = await refreshes();
        const t0 = Date.now();
        await page.evaluate("window.__frames = []");
        await page.waitForTimeout(SECONDS * 1000);
        const e1 = await epochOf(page);
        const h1 = await refreshes();
        const frames = (await page.evaluate("window.__frames")) as number[];
        const elapsed = (Date.now() - t0) / 1000;
        await page.click("[data-testid=play]");
        const gaps = frames.slice(1).map((t, i) => t - frames[i]);
        const m: Measure = {
          epochsPerSecond: (e1 - e0) / elapsed,
          fps: frames.length > 1 ? ((frames.length - 1) * 1000) / (frames[frames.length - 1] - frames[0]) : 0,
          worstFrameMs: gaps.length ? Math.max(...gaps) : 0,
          heatmapsPerSecond: (h1 - h0) / elapsed,
          epochs: e1,
        };
        runs.push(m);
        console.error(`${setup.name}, run ${r + 1}: ${m.epochsPerSecond.toFixed(0)} epochs/s, ${m.fps.toFixed(1)} fps (worst frame ${m.worstFrameMs.toFixed(0)} ms), heatmaps ${m.heatmapsPerSecond.toFixed(1)}/s`);
        await page.close();
      }
      const med: Measure = {
        epochsPerSecond: median(runs.map((m) => m.epochsPerSecond)),
        fps: median(runs.map((m) => m.fps)),
        worstFrameMs: median(runs.map((m) => m.worstFrameMs)),
        heatmapsPerSecond: median(runs.map((m) => m.heatmapsPerSecond)),
        epochs: median(runs.map((m) => m.epochs)),
      };
      results.push({ setup: setup.name, hash: setup.hash, runs, median: med, targets: setup.targets });
    }
  } finally {
    await session.close();
  }

  const date = new Date().toISOString().slice(0, 10);
  const dir = join(ROOT, UPDATE ? "bench" : join("out", "bench"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "page-results.json"), `${JSON.stringify({ date, seconds: SECONDS, runs: RUNS, results }, null, 2)}\n`);
  const lines = [
    "## Playground (npm run bench:page)",
    "",
    `${date} · headless Chromium (Debian), ${SECONDS} s of play per run, median of ${RUNS} runs. Epochs/s from the page's epoch counter, frames/s from requestAnimationFrame, heatmap refreshes/s from the page's own count (the output and every neuron's map are redrawn together).`,
    "",
    "| set-up | epochs/s | target | frames/s | target | worst frame | heatmaps/s | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.setup} | ${r.median.epochsPerSecond.toFixed(0)} | ≥ ${r.targets.epochs} | ${r.median.fps.toFixed(1)} | ≥ ${r.targets.fps} | ${r.median.worstFrameMs.toFixed(0)} ms | ${r.median.heatmapsPerSecond.toFixed(1)} | ≥ 10 |`),
    "",
  ];
  if (UPDATE) {
    const file = join(dir, "RESULTS.md");
    const old = existsSync(file) ? readFileSync(file, "utf8") : "";
    writeFileSync(file, withPageSection(old, lines.join("\n")));
  } else writeFileSync(join(dir, "PAGE.md"), lines.join("\n"));
  console.log(lines.join("\n"));
  console.error(`wrote ${join(dir, "page-results.json")} and ${UPDATE ? join(dir, "RESULTS.md") : join(dir, "PAGE.md")}${UPDATE ? "" : " (npm run bench:page -- --update writes the committed bench/ files)"}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
