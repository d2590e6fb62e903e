/** `glassbox sheet`: a whole .xlsx or nothing; user mistakes are one line and exit 2. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { captureEachTest } from "../cli/capture.ts";
import { ROOT } from "../helpers.ts";

describe("glassbox sheet", () => {
  const c = captureEachTest("glassbox-sheet-");

  it("writes the workbook", async () => {
    const out = join(c.dir, "one.xlsx");
    expect(await run(["sheet", join(ROOT, "examples/twelve-steps.json"), "--out", out, "--iterations", "20"])).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["data", "parameters", "forward", "backward", "descent"]);
    expect(c.out.join("\n")).toContain("20 iterations, live formulas");
    expect(readdirSync(c.dir)).toEqual(["one.xlsx"]);
  });

  it.each([
    ["a wrong extension", ["--out", "x.xls"], '--out "'],
    ["no --out", [], "--out"],
    ["--iterations 0", ["--out", "x.xlsx", "--iterations", "0"], "--iterations needs a whole number"],
  ])("rejects %s: one line, exit 2, nothing written", async (_what, flags, expected) => {
    const args = flags.map((f) => (f.startsWith("x.") ? join(c.dir, f) : f));
    expect(await run(["sheet", join(ROOT, "examples/one-feature.json"), ...args])).toBe(2);
    expect(c.err.join("")).toContain(expected);
    expect(c.err.join("").trim().split("\n")).toHaveLength(1);
    expect(readdirSync(c.dir)).toEqual([]);
  });

  it("rejects a network too large for a spreadsheet before writing anything", async () => {
    const out = join(c.dir, "m.xlsx");
    expect(await run(["sheet", join(ROOT, "examples/moons-deep.json"), "--out", out])).toBe(2);
    expect(c.err.join("")).toMatch(/more than a spreadsheet can recalculate .*: use fewer samples or smaller layers/);
    expect(existsSync(out)).toBe(false);
  });
});
