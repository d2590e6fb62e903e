import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The page is built once for the tests that serve it.
    globalSetup: ["test/web/global-setup.ts"],
    testTimeout: 120_000,
    // No run cache unless a test asks for one (each test trains what it draws).
    env: { GLASSBOX_CACHE: "off" },
    hookTimeout: 120_000,
  },
});
