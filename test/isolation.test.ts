/**
 * A test file that changes the default engine's settings must run in a process of its own
 * (vitest.config.ts `ISOLATED`): the other files share a module graph, and so the engine, per worker.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ISOLATED } from "../vitest.config.ts";

const ROOT = join(import.meta.dirname, "..");
const SETTERS = /\b(setThreads|setFastKernels|setSplitThreshold|setWorkspaceLimit|setFusedMultiplyAdd|setColumnListMinWidth|setPassRows|setDefaultEngine)\s*\(/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const isolated = (file: string): boolean =>
  ISOLATED.some((pattern) => (pattern.endsWith("/**/*.test.ts") ? file.startsWith(pattern.slice(0, -"**/*.test.ts".length)) && file.endsWith(".test.ts") : file === pattern));

describe("test isolation", () => {
  it("every test file that calls an engine setter runs in a process of its own", () => {
    const tests = files(join(ROOT, "test")).filter((f) => f.endsWith(".ts"));
    // Only *.test.ts files run in vitest's processes (engine-browser.worker.ts sets up a browser worker).
    const setting = tests.filter((f) => f.endsWith(".test.ts") && SETTERS.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
    expect(setting.length).toBeGreaterThan(3);
    expect(setting.filter((f) => !isolated(f))).toEqual([]);
  });
});
