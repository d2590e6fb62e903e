/** Runs CLI commands in-process with their output captured, each test in a fresh temporary folder. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, vi } from "vitest";

export interface Captured {
  dir: string;
  out: string[];
  err: string[];
}

/** Call in beforeEach; restore with vi.restoreAllMocks() in afterEach. */
export function startCapture(prefix: string): Captured {
  const c: Captured = { dir: mkdtempSync(join(tmpdir(), prefix)), out: [], err: [] };
  vi.spyOn(console, "log").mockImplementation((...a) => void c.out.push(a.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (c.out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (c.err.push(String(s)), true));
  return c;
}

/**
 * For a test file: before each test a fresh folder and capture in `c` (the same object, refilled),
 * after it the console and streams given back.
 */
export function captureEachTest(prefix: string): Captured {
  const c: Captured = { dir: "", out: [], err: [] };
  beforeEach(() => void Object.assign(c, startCapture(prefix)));
  afterEach(() => void vi.restoreAllMocks());
  return c;
}
