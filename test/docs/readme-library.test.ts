/**
 * The README's library examples, run as written: the ```ts blocks of "The library" → "Examples",
 * in order as one program, with `"glassbox"` resolved to this checkout's source. Every line with
 * a `// →` comment must print exactly that comment.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ROOT } from "../helpers.ts";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

/** The text of a README section: from its heading to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}"`);
  const level = heading.indexOf(" ");
  const rest = text.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

const library = section(readme, "## The library");
const examples = section(library, "### Examples");
const blocks = [...examples.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const program = blocks.join("\n").replaceAll(`from "glassbox"`, `from ${JSON.stringify(pathToFileURL(join(ROOT, "src", "index.ts")).href)}`);
/** What the `// →` comments promise, in order. */
const promised = program
  .split("\n")
  .map((line) => / \/\/ → (.*)$/.exec(line)?.[1])
  .filter((v): v is string => v !== undefined);

const dir = mkdtempSync(join(tmpdir(), "glassbox-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's library examples", () => {
  it("has examples of training, stopping, snapshots, divergence, predictions, the trace, files and pictures", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const name of ["train(", "onEpoch", "paramsAt", "TrainingDivergedError", "predict(", "predictProba(", "score(", "trace(", "modelToJson(", "modelFromJson(", "toSvg(", "svgToPng("]) expect(program).toContain(name);
    expect(promised.length).toBeGreaterThanOrEqual(8);
  });

  it("run as written, print what their comments say, and write their files", async () => {
    const file = join(dir, "readme-examples.ts");
    writeFileSync(file, program);
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void printed.push(a.map((v) => (typeof v === "string" ? v : inspect(v))).join(" ")));
    const cwd = process.cwd();
    process.chdir(dir); // the examples write model.json, boundary.svg and boundary.png where they run
    try {
      await import(pathToFileURL(file).href);
    } finally {
      process.chdir(cwd);
      log.mockRestore();
    }
    expect(printed).toEqual(promised);
    for (const f of ["model.json", "boundary.svg", "boundary.png"]) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, "boundary.svg"), "utf8")).toMatch(/^<svg [^>]*width="600"/);
    expect([...readFileSync(join(dir, "boundary.png")).subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  });
});
