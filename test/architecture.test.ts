/**
 * The layers of DESIGN §1: a module may import only from its own layer or lower ones,
 * and the layers that run in the browser (core, nn, data generators, viz) import nothing from Node.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const ORDER = ["core", "nn", "data", "experiment", "viz", "render", "animate", "bench", "cli"];
const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const layerOf = (file: string): string => relative(SRC, file).split(sep)[0];
const imports = (file: string): string[] => [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]);

describe("architecture", () => {
  const all = files(SRC).filter((f) => ORDER.includes(layerOf(f)));

  it("lower layers never import higher ones", () => {
    const wrong: string[] = [];
    for (const f of all) {
      const mine = ORDER.indexOf(layerOf(f));
      for (const spec of imports(f).filter((s) => s.startsWith("."))) {
        const target = layerOf(join(f, "..", spec));
        if (ORDER.indexOf(target) > mine) wrong.push(`${relative(SRC, f)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("core, nn and viz use no Node built-ins (they run in the browser too)", () => {
    const wrong = all
      .filter((f) => ["core", "nn", "viz"].includes(layerOf(f)))
      .flatMap((f) => imports(f).filter((s) => s.startsWith("node:")).map((s) => `${relative(SRC, f)} imports ${s}`));
    expect(wrong).toEqual([]);
  });
});
