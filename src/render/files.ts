/**
 * Output files are written whole or not at all: to a temporary name first, then renamed.
 * A set of files (frames, a gallery) is written the same way, file by file, after every one of
 * them has been made in memory, so an error while drawing leaves nothing behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../core/errors.ts";

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeAtomicWith(file, (tmp) => writeFileSync(tmp, content));
}

/** `write` fills a temporary file beside `file`, which is then renamed into place (or removed on failure). */
export function writeAtomicWith(file: string, write: (tmp: string) => void): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw new UserError(`cannot create the folder "${dir}" for ${file}`);
  }
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    write(tmp);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Writes several finished files (names relative to `dir`) all together or not at all: every one
 * goes to a temporary name first; only when all are written are they renamed into place. If any
 * fails, the temporaries (and any already renamed) are removed.
 */
export function writeFilesAtomic(dir: string, files: Iterable<readonly [name: string, content: string | Uint8Array]>): string[] {
  const list = [...files];
  const temps: [tmp: string, file: string][] = [];
  const placed: string[] = [];
  const undo = () => {
    for (const [tmp] of temps) rmSync(tmp, { force: true, recursive: false });
    for (const f of placed) rmSync(f, { force: true });
  };
  try {
    for (const [name, content] of list) {
      const file = join(dir, name);
      const parent = dirname(file);
      try {
        mkdirSync(parent, { recursive: true });
      } catch {
        throw new UserError(`cannot create the folder "${parent}" for ${file}`);
      }
      const tmp = join(parent, `.${basename(file)}.${process.pid}.tmp`);
      temps.push([tmp, file]);
      try {
        writeFileSync(tmp, content);
      } catch (e) {
        throw new UserError(`cannot write "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; nothing was written`);
      }
    }
    for (const [tmp, file] of temps) {
      try {
        renameSync(tmp, file);
      } catch (e) {
        throw new UserError(`cannot write "${file}": ${(e as NodeJS.ErrnoException).code === "EISDIR" ? "it is a folder" : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)}; nothing was written`);
      }
      placed.push(file);
    }
  } catch (e) {
    undo();
    throw e;
  }
  return placed;
}

/** `frame-001.png`, `frame-002.png`, …: numbered so that they sort in order. */
export function numberedName(prefix: string, i: number, count: number, ext: string): string {
  const width = Math.max(2, String(count).length);
  return `${prefix}${String(i + 1).padStart(width, "0")}.${ext}`;
}
