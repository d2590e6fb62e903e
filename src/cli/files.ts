/** Output files are written whole or not at all (src/render/files.ts); names are checked here. */
import { UserError } from "../core/errors.ts";

export { writeFileAtomic, writeFilesAtomic } from "../render/files.ts";

/** The output format implied by a file name, checked against what the command can write. */
export function outputKind<T extends string>(file: string, allowed: readonly T[], flag = "--out"): T {
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase() as T;
  if (!file.includes(".") || !allowed.includes(ext)) {
    throw new UserError(`${flag} "${file}": the file name must end in ${allowed.map((a) => "." + a).join(" or ")}`);
  }
  return ext;
}
