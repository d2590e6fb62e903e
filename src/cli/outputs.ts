/**
 * Output paths checked before any work: each names a file that can be written (not a folder,
 * not under a regular file, in a folder that can be made or written), no two outputs name the
 * same file, and no output names one of the command's inputs.
 */
import { accessSync, constants, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../core/errors.ts";

export interface Output {
  /** The flag that named it (`--out`, `--model`, …), for the message. */
  flag: string;
  path: string;
  /** A folder that files are written into (`--frames-dir`, gallery `--out`). */
  folder?: boolean;
}

export interface Input {
  what: string;
  path: string;
}

/** The absolute path with symbolic links resolved as far as the path exists. */
function canonical(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      const up = dirname(p);
      if (up === p) return resolve(path);
      rest.push(p.slice(up.length + (up.endsWith("/") ? 0 : 1)));
      p = up;
    }
  }
}

function stat(path: string) {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") return "under-file" as const;
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws a UserError naming the flag and the fix for the first output that cannot be written. */
export function checkOutputs(outputs: readonly (Output | undefined | false)[], inputs: readonly (Input | undefined | false)[] = []): void {
  const outs = outputs.filter((o): o is Output => !!o && !!o.path);
  const ins = inputs.filter((i): i is Input => !!i && !!i.path);
  const seen = new Map<string, Output>();
  for (const o of outs) {
    const at = `${o.flag} "${o.path}"`;
    const real = canonical(o.path);
    for (const i of ins) {
      if (canonical(i.path) === real) throw new UserError(`${at} is the ${i.what}: writing there would replace it; choose another name`);
    }
    const twin = seen.get(real);
    if (twin) throw new UserError(`${twin.flag} and ${o.flag} both name "${o.path}": one would replace the other; give each its own file`);
    seen.set(real, o);
    const s = stat(o.path);
    if (s === "under-file") throw new UserError(`${at}: a part of that path is a file, not a folder; choose a path in a folder`);
    if (s && !o.folder && s.isDirectory()) throw new UserError(`${at} is a folder: name a file, e.g. "${join(o.path, o.flag === "--model" ? "model.json" : "out")}${o.flag === "--model" ? "" : "…"}"`);
    if (s && o.folder && !s.isDirectory()) throw new UserError(`${at} is a file, not a folder: name a folder (it is made if missing)`);
    if (s && !writable(o.path)) throw new UserError(`${at} cannot be written (permission denied): choose another place`);
    // The nearest folder that exists must be a folder we may write in (the rest is made).
    let up = o.folder && s ? o.path : dirname(resolve(o.path));
    for (;;) {
      const u = stat(up);
      if (u === "under-file" || (u && !u.isDirectory())) throw new UserError(`${at}: "${up}" is a file, not a folder; choose a path in a folder`);
      if (u) {
        if (!writable(up)) throw new UserError(`${at}: the folder "${up}" is not writable (permission denied); choose another place`);
        break;
      }
      const next = dirname(up);
      if (next === up) break;
      up = next;
    }
  }
}
