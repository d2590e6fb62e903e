// The glassbox command as plain JavaScript: src/cli/main.ts bundled by esbuild into dist/cli
// (dependencies left as imports, one chunk per lazily loaded command), so that starting the
// command compiles no TypeScript. bin/glassbox.js runs it while it is current: dist/cli/build.json
// lists the sources it was built from and when; a source changed since (or missing) makes
// bin/glassbox.js run the sources through tsx instead. Run by `npm run build` and by `prepare`.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "cli");
const tmp = join(root, "dist", `cli.tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const builtAt = Date.now();
const result = await build({
  entryPoints: ["src/cli/main.ts"],
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
  absWorkingDir: root,
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith("src/")).sort();
writeFileSync(join(tmp, "build.json"), JSON.stringify({ builtAt, inputs }, null, 1) + "\n");
// Every chunk sits in dist/cli, two folders below the package's root as src/<layer>/ is, so the
// sources' `new URL("../../assets/…", import.meta.url)` resolve alike (src/cli/package-root.ts for the rest).
rmSync(out, { recursive: true, force: true });
const { renameSync } = await import("node:fs");
renameSync(tmp, out);
