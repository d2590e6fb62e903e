/** Run files are streamed to disk in pieces: the same text as JSON.stringify, whole or not at all. */
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeJsonAtomic } from "../../src/cli/json-stream.ts";

describe("writeJsonAtomic", () => {
  const dir = mkdtempSync(join(tmpdir(), "glassbox-json-"));
  it("writes exactly JSON.stringify's text (property), leaving no temporary file", () => {
    const file = join(dir, "v.json");
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        writeJsonAtomic(file, v);
        expect(readFileSync(file, "utf8")).toBe(JSON.stringify(v));
      }),
      { numRuns: 200 },
    );
    writeJsonAtomic(file, { a: undefined, b: [1, undefined, -0, 1e-7], c: "é\u2028" });
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify({ a: undefined, b: [1, undefined, -0, 1e-7], c: "é\u2028" }));
    expect(readdirSync(dir)).toEqual(["v.json"]);
  });
  it("a run larger than one chunk", () => {
    const file = join(dir, "big.json");
    const big = { snapshots: Array.from({ length: 50 }, (_, k) => ({ epoch: k, W: Array.from({ length: 3000 }, (_, i) => Math.sin(i * k)) })) };
    writeJsonAtomic(file, big);
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(big));
  });
});
