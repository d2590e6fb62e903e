// The library as plain JavaScript for other projects: dist/lib/index.js (Node) and
// dist/lib/browser.js (browsers and bundlers), dependencies left as imports, with type
// declarations in dist/lib/types (tsc). Run by `npm run build:lib` and by `prepare`.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "lib");
rmSync(out, { recursive: true, force: true });

const common = { bundle: true, format: "esm", target: "es2022", packages: "external", sourcemap: true, logLevel: "warning", absWorkingDir: root };
await build({ ...common, entryPoints: ["src/index.ts"], outfile: join(out, "index.js"), platform: "node" });
await build({ ...common, entryPoints: ["src/browser.ts"], outfile: join(out, "browser.js"), platform: "browser" });

// Declarations only, without checking the types again: `npm test` type-checks the sources (this
// halves the build; the declarations are the same types, unions written in declaration order).
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.lib.json"), "--noCheck"], { stdio: "inherit", cwd: root });

// The declarations name their neighbours as the sources do ("./x.ts"); a consumer's tsc resolves
// "./x.js" next to x.d.ts under every module resolution, so rewrite the relative specifiers.
const { readdirSync, readFileSync, writeFileSync } = await import("node:fs");
const relTs = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g;
for (const entry of readdirSync(join(out, "types"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(relTs, "$1$2.js$3");
  if (fixed !== text) writeFileSync(file, fixed);
}
