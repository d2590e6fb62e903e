/**
 * The layers of ARCHITECTURE §1: a module may import only from its own layer or lower ones,
 * and the layers that run in the browser (core, nn, data, experiment, interop, viz, and src/browser.ts
 * over them) pull in nothing from Node, directly or through a package: each is bundled for the
 * browser as the page's bundler would, and the bundle of the browser entry is run where there is
 * no Node (no process, Buffer, require).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import { runInContext, createContext } from "node:vm";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const ORDER = ["core", "nn", "data", "experiment", "interop", "viz", "sheet", "render", "animate", "bench", "cli", "web"];
const SRC = join(ROOT, "src");
const BROWSER_LAYERS = ["core", "nn", "data", "experiment", "interop", "viz", "sheet", "web"];
const BROWSER_ENTRY = join(SRC, "browser.ts");

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

  it("the browser layers use no Node built-ins (they run in the browser too)", () => {
    const wrong = [...all.filter((f) => BROWSER_LAYERS.includes(layerOf(f))), BROWSER_ENTRY]
      .flatMap((f) => imports(f).filter((s) => s.startsWith("node:")).map((s) => `${relative(SRC, f)} imports ${s}`));
    expect(wrong).toEqual([]);
  });

  it("the browser layers name nothing of Node, not even in strings (require, process.getBuiltinModule, node: modules)", () => {
    const wrong = [...all.filter((f) => BROWSER_LAYERS.includes(layerOf(f))), BROWSER_ENTRY].flatMap((f) => nodeUse(readFileSync(f, "utf8")).map((use) => `${relative(SRC, f)}: ${use}`));
    expect(wrong).toEqual([]);
  });

  it("Node's capabilities reach the engine only from the Node entry points (src/node-engine.ts), which no browser layer imports", () => {
    const engineFile = join(SRC, "node-engine.ts");
    // it is the Node side: it does name Node (else the capabilities would be looked up from core)
    expect(nodeUse(readFileSync(engineFile, "utf8")).length).toBeGreaterThan(0);
    const wrong = [...all.filter((f) => BROWSER_LAYERS.includes(layerOf(f))), BROWSER_ENTRY].flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith(".") && join(f, "..", s) === engineFile)
        .map((s) => `${relative(SRC, f)} imports ${s}`),
    );
    expect(wrong).toEqual([]);
    for (const entry of ["index.ts", join("cli", "main.ts")]) expect(readFileSync(join(SRC, entry), "utf8"), entry).toMatch(/installNodeEngine\(\)/);
  });

  it("the page (web) imports only browser layers", () => {
    const wrong = all
      .filter((f) => layerOf(f) === "web")
      .flatMap((f) => imports(f).filter((s) => s.startsWith(".") && !BROWSER_LAYERS.includes(layerOf(join(f, "..", s)))).map((s) => `${relative(SRC, f)} imports ${s}`));
    expect(wrong).toEqual([]);
  });

  it("the browser entry imports only browser layers", () => {
    const wrong = imports(BROWSER_ENTRY)
      .filter((s) => !s.startsWith(".") || !BROWSER_LAYERS.includes(layerOf(join(BROWSER_ENTRY, "..", s))))
      .map((s) => `browser.ts imports ${s}`);
    expect(wrong).toEqual([]);
  });

  for (const layer of [...BROWSER_LAYERS, "browser.ts"]) {
    it(`${layer} bundles for the browser without a Node built-in`, async () => {
      const entryPoints = layer === "browser.ts" ? [BROWSER_ENTRY] : all.filter((f) => layerOf(f) === layer);
      const { pulled, errors } = await bundleForBrowser(entryPoints);
      expect(errors).toEqual([]);
      expect(pulled).toEqual([]);
    });
  }

  it("the browser entry's bundle loads and trains where there is no Node", async () => {
    const { code } = await bundleForBrowser([BROWSER_ENTRY], "iife");
    // What a module worker has (no process, Buffer, require, global).
    const context = createContext({ performance, WebAssembly: (globalThis as Record<string, unknown>).WebAssembly, TextEncoder, TextDecoder, console, setTimeout, clearTimeout, queueMicrotask });
    runInContext(`${code}\nglobalThis.glassbox = glassbox;`, context);
    const losses = runInContext(
      `(() => {
        const g = globalThis.glassbox;
        const experiment = g.validateExperiment({
          data: { csv: "data/d.csv", target: "y" },
          model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] },
          train: { epochs: 3 },
        });
        const files = { "data/d.csv": "x1,x2,y\\n0,0,0\\n1,1,1\\n0,1,1\\n" };
        const { run } = g.runExperiment(g.prepareExperiment(experiment, (path) => files[path]));
        return run.history.loss;
      })()`,
      context,
    ) as number[];
    expect(losses).toHaveLength(3);
    expect(losses.every(Number.isFinite)).toBe(true);
  });
});

/**
 * Node named in code, strings included (a module name in a string reaches Node as surely as an
 * import): `require(`, `getBuiltinModule`, and "node:…" module names. Comments are left out.
 */
function nodeUse(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const found: string[] = [];
  for (const [pattern, what] of [
    [/\brequire\s*\(/g, "require("],
    [/\bgetBuiltinModule\b/g, "process.getBuiltinModule"],
    [/["'`]node:[\w/]+/g, "a node: module name"],
  ] as const) {
    for (const m of code.matchAll(pattern)) found.push(`${what} (${m[0].trim()})`);
  }
  return found;
}

const BUILTIN = new RegExp(`^(node:|(${builtinModules.map((m) => m.replace(/[/\\^$.*+?()[\]{}|-]/g, "\\$&")).join("|")})(/|$))`);

/** Bundles as a browser bundler would; lists every module that pulls a Node built-in. */
async function bundleForBrowser(entryPoints: string[], format: "esm" | "iife" = "esm") {
  const pulled: string[] = [];
  const where = (file: string): string => (file.includes("node_modules") ? file.slice(file.lastIndexOf("node_modules")) : relative(ROOT, file));
  const spotBuiltins: Plugin = {
    name: "spot-node-builtins",
    setup(b) {
      b.onResolve({ filter: BUILTIN }, (args) => {
        pulled.push(`${where(args.importer)} imports ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints,
    outdir: "out",
    bundle: true,
    write: false,
    platform: "browser",
    format,
    // Shared modules written once rather than into every entry's bundle (a layer has many entries);
    // what is resolved, and so what pulls a built-in, is the same.
    splitting: format === "esm",
    globalName: format === "iife" ? "glassbox" : undefined,
    plugins: [spotBuiltins],
    logLevel: "silent",
  }).catch((e: { errors?: { text: string }[] }) => ({ errors: e.errors ?? [{ text: String(e) }], warnings: [], outputFiles: [] }));
  return {
    pulled: [...new Set(pulled)].sort(),
    errors: result.errors.map((e) => e.text),
    code: result.outputFiles?.map((f) => f.text).join("\n") ?? "",
  };
}
