/** Output files are written whole or not at all: to a temporary name first, then renamed. */
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

/** The output format implied by a file name, checked against what the command can write. */
export function outputKind<T extends string>(file: string, allowed: readonly T[], flag = "--out"): T {
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase() as T;
  if (!file.includes(".") || !allowed.includes(ext)) {
    throw new UserError(`${flag} "${file}": the file name must end in ${allowed.map((a) => "." + a).join(" or ")}`);
  }
  return ext;
}
