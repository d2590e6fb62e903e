/**
 * JSON written to a file in pieces, never as one string: a run of a large network with many
 * snapshots can be larger than the longest string V8 makes (about 512 MB). The output is the
 * same text as `JSON.stringify(value)`.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { writeAtomicWith } from "../render/files.ts";

const CHUNK = 1 << 20;

/** Writes `value` as JSON to the open file `fd`. */
export function writeJsonTo(fd: number, value: unknown): void {
  let buf = "";
  const put = (s: string) => {
    buf += s;
    if (buf.length >= CHUNK) {
      writeSync(fd, buf);
      buf = "";
    }
  };
  const emit = (v: unknown, inArray: boolean): void => {
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
      if (Array.isArray(v)) {
        const a = v as ArrayLike<unknown>;
        put("[");
        for (let i = 0; i < a.length; i++) {
          if (i > 0) put(",");
          emit(a[i], true);
        }
        put("]");
        return;
      }
      put("{");
      let first = true;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
        if (!first) put(",");
        first = false;
        put(JSON.stringify(k) + ":");
        emit(x, false);
      }
      put("}");
      return;
    }
    const s = JSON.stringify(v);
    put(s === undefined ? (inArray ? "null" : "null") : s);
  };
  emit(value, false);
  if (buf) writeSync(fd, buf);
}

/** Writes `value` as JSON to `file`, whole or not at all (a temporary file, then renamed). */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeAtomicWith(file, (tmp) => {
    const fd = openSync(tmp, "w");
    try {
      writeJsonTo(fd, value);
    } finally {
      closeSync(fd);
    }
  });
}
