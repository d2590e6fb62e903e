import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The page is built once for the tests that serve it.
    globalSetup: ["test/web/global-setup.ts"],
    testTimeout: 120_000,
    // Both cores (vitest's default leaves one idle on a two-core machine, and the browser tests
    // spend much of their time waiting on the page), and one module graph per worker instead of
    // one per file: loading the engine again for each of ~90 files cost a fifth of the run. So
    // tests see the default engine as the files before them left it: those that change its
    // settings or the environment put them back (afterEach/finally), and none counts on its
    // memory being empty (a limit is set above what it holds).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
    // No run cache unless a test asks for one (each test trains what it draws).
    env: { GLASSBOX_CACHE: "off" },
    hookTimeout: 120_000,
  },
});
