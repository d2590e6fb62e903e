import { defineConfig } from "vitest/config";

/** The long golden runs (`npm run test:golden`): apart from `npm test`, run by CI after it. */
export default defineConfig({
  test: {
    include: ["test/golden/**/*.golden.ts"],
    testTimeout: 600_000,
    env: { GLASSBOX_CACHE: "off" },
  },
});
