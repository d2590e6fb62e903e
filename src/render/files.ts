/**
 * Output files are written whole or not at all: to a temporary name first, then renamed.
 * A set of files (frames, a gallery) is written the same way, file by file, after every one of
 * them has been made in memory, so an error while drawing leaves nothing behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../core/errors.ts";

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UserError(`cannot create the folder "${dir}" for ${file}`);
  }
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Writes several finished files, each atomically (names relative to `dir`). */
export function writeFilesAtomic(dir: string, files: Iterable<readonly [name: string, content: string | Uint8Array]>): string[] {
  const written: string[] = [];
  for (const [name, content] of files) {
    const file = join(dir, name);
    writeFileAtomic(file, content);
    written.push(file);
  }
  return written;
}

/** `frame-001.png`, `frame-002.png`, …: numbered so that they sort in order. */
export function numberedName(prefix: string, i: number, count: number, ext: string): string {
  const width = Math.max(2, String(count).length);
  return `${prefix}${String(i + 1).padStart(width, "0")}.${ext}`;
}
