#!/usr/bin/env node
// The glassbox command. It runs the compiled JavaScript in dist/cli (built at install by
// `prepare`, or by `npm run build`) while that build is current: every source it was built from
// is unchanged since (dist/cli/build.json lists them). Otherwise (sources edited after the build,
// or no build) it runs the sources through tsx's loader, slower to start but never old code,
// and says so on a terminal.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** null when dist/cli is current, else why not (for the note). */
function staleness() {
  let build;
  try {
    build = JSON.parse(readFileSync(join(root, "dist", "cli", "build.json"), "utf8"));
  } catch {
    return "there is no compiled build (dist/cli)";
  }
  for (const file of build.inputs) {
    let mtime;
    try {
      mtime = statSync(join(root, file)).mtimeMs;
    } catch {
      return `${file} is gone since the build`;
    }
    if (mtime > build.builtAt) return `${file} changed since the build`;
  }
  return null;
}

const stale = process.env.GLASSBOX_TSX === "1" ? "GLASSBOX_TSX=1" : staleness();
let run;
if (stale === null) {
  ({ run } = await import("../dist/cli/main.js"));
} else {
  if (process.stderr.isTTY && process.env.GLASSBOX_TSX !== "1") process.stderr.write(`glassbox: ${stale}: running the sources through tsx (\`npm run build\` compiles them again)\n`);
  const { register } = await import("tsx/esm/api");
  register();
  ({ run } = await import("../src/cli/main.ts"));
}
process.exitCode = await run(process.argv.slice(2));
