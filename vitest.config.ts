import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Files that change the default engine's settings (threads, fast kernels, limits) each run in a
 * process of its own; the others share one module graph per worker (loading the engine again for
 * each file cost a fifth of the run). A new file that calls an engine setter belongs here
 * (test/isolation.test.ts checks it). The browser tests share too (test/web, and
 * engine-browser.test.ts, whose setters run in the page's worker): none sets Node's engine, and a
 * process of their own cost each file its start-up and its imports again (playwright-core, the
 * server, the engine: about 6 CPU-s a run). The load test keeps its own process: it measures
 * that process's heap.
 */
export const ISOLATED = [
  "test/core/engine.test.ts",
  "test/core/fast-pass.test.ts",
  "test/core/wasm-workspaces.test.ts",
  "test/nn/passes.test.ts",
  "test/web/load.test.ts",
];

export default defineConfig({
  test: {
    // The page is built once for the tests that serve it.
    globalSetup: ["test/web/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Both cores: vitest's default leaves one idle on a two-core machine, and the browser tests
    // spend much of their time waiting on the page.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No run cache unless a test asks for one (each test trains what it draws).
    env: { GLASSBOX_CACHE: "off" },
    // Modules as transformed, kept on disk between runs (keyed by each file's content, Vitest's
    // version and this config): a run transforms again only what changed (about 2.5 CPU-s of the
    // main process and esbuild a run). `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true, fsModuleCachePath: "node_modules/.cache/glassbox/vitest" },
    projects: [
      { extends: true, test: { name: "own-process", include: ISOLATED, isolate: true } },
      { extends: true, test: { name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
    ],
  },
});
