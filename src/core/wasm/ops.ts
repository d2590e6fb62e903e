/**
 * The instructions the kernel writer (./emit.ts) emits, each once: its encoding and its immediate,
 * read both by the writer and by the text printer (./wat.ts). Opcodes follow the WebAssembly 2.0
 * core spec and its fixed-width SIMD proposal (prefix 0xfd).
 */

/** Value types. */
export const T = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type T = (typeof T)[keyof typeof T];

/**
 * What follows an opcode: nothing, a block type, a label depth, a local index, a memory argument
 * (alignment, offset), a constant, a lane index, or memory.fill's memory index.
 */
export type Immediate = "none" | "block" | "label" | "local" | "memarg" | "i32" | "i64" | "f64" | "v128" | "lane" | "memory";

/** Every instruction the writer emits: text name → [opcode bytes (prefix + LEB128 opcode), immediate, natural alignment (log2)]. */
export const OPS = {
  block: [[0x02], "block"],
  loop: [[0x03], "block"],
  if: [[0x04], "block"],
  end: [[0x0b], "none"],
  br: [[0x0c], "label"],
  br_if: [[0x0d], "label"],
  select: [[0x1b], "none"],
  "local.get": [[0x20], "local"],
  "local.set": [[0x21], "local"],
  "local.tee": [[0x22], "local"],
  "i32.load": [[0x28], "memarg", 2],
  "f64.load": [[0x2b], "memarg", 3],
  "i32.store": [[0x36], "memarg", 2],
  // (the kernels store i32 pairs: alignment hint 4 bytes)
  "i64.store": [[0x37], "memarg", 2],
  "f64.store": [[0x39], "memarg", 3],
  "i32.const": [[0x41], "i32"],
  "i64.const": [[0x42], "i64"],
  "f64.const": [[0x44], "f64"],
  "i32.eq": [[0x46], "none"],
  "i32.ne": [[0x47], "none"],
  "i32.lt_s": [[0x48], "none"],
  "i32.ge_s": [[0x4e], "none"],
  "i32.ge_u": [[0x4f], "none"],
  "f64.gt": [[0x64], "none"],
  "i32.popcnt": [[0x69], "none"],
  "i32.add": [[0x6a], "none"],
  "i32.sub": [[0x6b], "none"],
  "i32.mul": [[0x6c], "none"],
  "i32.and": [[0x71], "none"],
  "i32.shl": [[0x74], "none"],
  "i32.shr_u": [[0x76], "none"],
  "i64.sub": [[0x7d], "none"],
  "f64.add": [[0xa0], "none"],
  "f64.mul": [[0xa2], "none"],
  "i64.extend_i32_u": [[0xad], "none"],
  "memory.fill": [[0xfc, 11], "memory"],
  "v128.load": [[0xfd, 0x00], "memarg", 4],
  "v128.load64_splat": [[0xfd, 0x0a], "memarg", 3],
  "v128.store": [[0xfd, 0x0b], "memarg", 4],
  "v128.const": [[0xfd, 0x0c], "v128"],
  "f64x2.splat": [[0xfd, 0x14], "none"],
  "f64x2.extract_lane": [[0xfd, 0x21], "lane"],
  "f64x2.replace_lane": [[0xfd, 0x22], "lane"],
  "f64x2.gt": [[0xfd, 0x4a], "none"],
  "v128.and": [[0xfd, 0x4e], "none"],
  "i64x2.bitmask": [[0xfd, 0xc4, 0x01], "none"],
  "f64x2.add": [[0xfd, 0xf0, 0x01], "none"],
  "f64x2.mul": [[0xfd, 0xf2, 0x01], "none"],
  "f64x2.relaxed_madd": [[0xfd, 0x87, 0x02], "none"],
} as const satisfies Record<string, readonly [readonly number[], Immediate, number?]>;

export type OpName = keyof typeof OPS;

export function uleb(out: number[], v: number): void {
  v >>>= 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

/** Signed LEB128 of an i32 or i64 constant. */
export function sleb(out: number[], value: number | bigint): void {
  let v = BigInt(value);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

