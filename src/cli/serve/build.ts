/**
 * Builds the playground page (src/web) with Vite into dist/web, once: a build is reused while no
 * file it depends on (the sources, the lockfile) is newer than it. `serve`, the browser tests and
 * `bench:page` all call this, so they serve the same files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.ts";

export const ROOT = PACKAGE_ROOT;
export const WEB_SRC = join(ROOT, "src/web");
export const WEB_DIST = join(ROOT, "dist/web");
const STAMP = ".build-stamp";
/** What the page bundles: every layer that runs in the browser, and the build's own inputs. */
const INPUT_DIRS = ["src/core", "src/nn", "src/data", "src/experiment", "src/viz", "src/web", "src/browser.ts"];
const INPUT_FILES = ["package-lock.json", "src/cli/serve/build.ts"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const f of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, f)));
  return newest;
}

function inputsStamp(): string {
  return String(Math.max(...[...INPUT_DIRS, ...INPUT_FILES].map((p) => newestMtime(join(ROOT, p)))));
}

export function isBuildCurrent(): boolean {
  const stamp = join(WEB_DIST, STAMP);
  return existsSync(join(WEB_DIST, "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === inputsStamp();
}

/** Builds the page unless the last build is current. Returns whether it built. */
export async function buildPage(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  if (!options.force && isBuildCurrent()) return false;
  const stamp = inputsStamp();
  const { build } = await import("vite");
  options.log?.("building the playground page…");
  await build({
    configFile: false,
    root: WEB_SRC,
    base: "./",
    logLevel: "warn",
    publicDir: false,
    worker: { format: "es" },
    build: {
      outDir: WEB_DIST,
      emptyOutDir: true,
      target: "es2022",
      // Everything inline-able stays a file: the CSP allows no data: scripts.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
    },
  });
  writeFileSync(join(WEB_DIST, STAMP), stamp);
  return true;
}
