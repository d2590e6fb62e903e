/**
 * A text printer for generated functions, for debugging: `toWat(fn)` gives the function in the
 * WebAssembly text format (flat instructions, one a line, indented by nesting), decoded from the
 * bytes the writer emitted with the same instruction table (./emit.ts `OPS`), so what is printed
 * is what runs.
 */
import type { Fn } from "./emit.ts";
import { OPS, T, type Immediate } from "./ops.ts";

const TYPE_NAMES = new Map<number, string>(Object.entries(T).map(([n, code]) => [code, n]));

/** Opcode bytes (as a string key) → [name, immediate]. */
const BY_CODE = new Map<string, [string, Immediate]>(Object.entries(OPS).map(([n, [bytes, imm]]) => [bytes.join(","), [n, imm]]));

function typeName(t: number): string {
  return TYPE_NAMES.get(t) ?? `0x${t.toString(16)}`;
}

export function toWat(fn: Fn): string {
  const code = fn.code;
  let at = 0;
  const uleb = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = code[at++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
    }
  };
  const sleb = (): bigint => {
    let result = 0n;
    let shift = 0n;
    let b: number;
    do {
      b = code[at++];
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    if (b & 0x40) result -= 1n << shift;
    return result;
  };
  const local = (i: number): string => `$${i < fn.params.length ? "p" : "l"}${i}`;
  const lines: string[] = [];
  const params = fn.params.map((t, i) => `(param ${local(i)} ${typeName(t)})`).join(" ");
  const results = fn.results.map((t) => ` (result ${typeName(t)})`).join("");
  lines.push(`(func $${fn.name}${params ? ` ${params}` : ""}${results}`);
  fn.localTypes.forEach((t, i) => lines.push(`  (local ${local(fn.params.length + i)} ${typeName(t)})`));
  let depth = 1;
  while (at < code.length) {
    const start = at;
    const first = code[at++];
    const key = first === 0xfd || first === 0xfc ? [first, ...lebBytes(code, at)] : [first];
    if (key.length > 1) at += key.length - 1;
    const entry = BY_CODE.get(key.join(","));
    if (!entry) throw new Error(`toWat: unknown opcode ${key.map((b) => `0x${b.toString(16)}`).join(" ")} at byte ${start} of ${fn.name}`);
    const [opName, imm] = entry;
    let text: string = opName;
    switch (imm) {
      case "block":
        at++; // the empty block type
        break;
      case "label":
        text += ` ${uleb()}`;
        break;
      case "local":
        text += ` ${local(uleb())}`;
        break;
      case "memarg": {
        uleb(); // alignment: the natural one
        const offset = uleb();
        if (offset !== 0) text += ` offset=${offset}`;
        break;
      }
      case "i32":
      case "i64":
        text += ` ${sleb()}`;
        break;
      case "f64": {
        const value = new Float64Array(new Uint8Array(code.slice(at, at + 8)).buffer)[0];
        at += 8;
        text += ` ${Object.is(value, -0) ? "-0" : String(value)}`;
        break;
      }
      case "v128": {
        const bytes = code.slice(at, at + 16);
        at += 16;
        text += ` i64x2 ${bytes.every((b) => b === 0) ? "0 0" : bytes.join(" ")}`;
        break;
      }
      case "lane":
        text += ` ${code[at++]}`;
        break;
      case "memory":
        at++;
        break;
      case "none":
        break;
    }
    if (opName === "end") depth--;
    lines.push(`${"  ".repeat(Math.max(depth, 0))}${text}`);
    if (opName === "block" || opName === "loop" || opName === "if") depth++;
  }
  lines.push(")");
  return lines.join("\n");
}

/** The LEB128 bytes of a prefixed opcode starting at `at`. */
function lebBytes(code: readonly number[], at: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = code[at++];
    out.push(b);
    if ((b & 0x80) === 0) return out;
  }
}
