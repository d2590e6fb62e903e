/**
 * Where the TypeScript reference scripts write (the TypeScript side of fixtures.py): by default a
 * fresh temporary folder, then each file is compared with the committed one under test/fixtures
 * ("same", or that it differs, exit code 1), so running a script changes nothing in the
 * repository; with `--update` they write the committed fixtures themselves.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const UPDATE = process.argv.includes("--update");

let tmp: string | null = null;
const written = new Map<string, string>();

/** The path to write for the committed file `committed` (absolute): itself with --update, else its twin in a temporary folder. */
export function fixture(committed: string): string {
  const rel = relative(ROOT, committed);
  if (!UPDATE) tmp ??= mkdtempSync(join(tmpdir(), "glassbox-reference-"));
  const target = UPDATE ? committed : join(tmp!, rel);
  mkdirSync(dirname(target), { recursive: true });
  written.set(committed, target);
  return target;
}

/** After the script wrote its files: says what it wrote (--update), or compares each with the committed one. */
export function finish(): void {
  if (UPDATE) {
    for (const committed of written.keys()) console.log("wrote", relative(ROOT, committed));
    return;
  }
  let same = true;
  for (const [committed, target] of written) {
    if (!existsSync(target)) continue;
    const name = relative(ROOT, committed);
    if (!existsSync(committed)) {
      same = false;
      console.log(`${name}: new (not committed yet)`);
      continue;
    }
    const a = readFileSync(committed);
    const b = readFileSync(target);
    const equal = a.equals(b) || (name.endsWith(".json") && isDeepStrictEqual(JSON.parse(a.toString("utf8")), JSON.parse(b.toString("utf8"))));
    same &&= equal;
    console.log(`${name}: ${equal ? "same" : `differs (${a.length} bytes committed, ${b.length} now)`}`);
  }
  if (same) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    return;
  }
  console.log(`(nothing in the repository changed; the new files are in ${tmp}; rerun with --update to commit them as the fixtures)`);
  process.exitCode = 1;
}
