import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Tests that hold the engine's memory and settings, or drive the page against the engine in this
 * process, run each file in a process of its own; the others share one module graph per worker
 * (loading the engine again for each of ~90 files cost a fifth of the run).
 */
const ISOLATED = ["test/core/**/*.test.ts", "test/nn/**/*.test.ts", "test/web/**/*.test.ts", "test/walkthroughs/**/*.test.ts"];

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
    projects: [
      { extends: true, test: { name: "own-process", include: ISOLATED, isolate: true } },
      { extends: true, test: { name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
    ],
  },
});
