/**
 * The protobuf wire format, as much as ONNX files need: varints (int64 as two's complement),
 * 32- and 64-bit fixed values, and length-delimited fields (strings, bytes, messages, packed
 * lists). A message decodes to its fields by number; the ONNX schema (field numbers and types)
 * lives in onnx.ts. Reading past the end throws a TruncatedError.
 */

export class TruncatedError extends Error {
  constructor(readonly at: number) {
    super(`the data ends inside a field (at byte ${at})`);
  }
}

export class WireError extends Error {}

export type FieldValue = { wire: 0; value: bigint } | { wire: 1; value: DataView } | { wire: 2; value: Uint8Array } | { wire: 5; value: DataView };

export type Fields = Map<number, FieldValue[]>;

/** Every field of one message, in order, grouped by field number. */
export function decodeMessage(bytes: Uint8Array): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw new TruncatedError(pos);
      const b = bytes[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    throw new WireError(`a varint longer than 10 bytes at byte ${pos}`);
  };
  const take = (n: number): number => {
    if (pos + n > bytes.length) throw new TruncatedError(bytes.length);
    const start = pos;
    pos += n;
    return start;
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw new WireError(`field number 0 at byte ${pos}`);
    let value: FieldValue;
    if (wire === 0) value = { wire, value: varint() };
    else if (wire === 1) value = { wire, value: new DataView(view.buffer, view.byteOffset + take(8), 8) };
    else if (wire === 5) value = { wire, value: new DataView(view.buffer, view.byteOffset + take(4), 4) };
    else if (wire === 2) {
      const n = Number(varint());
      value = { wire, value: bytes.subarray(take(n), pos) };
    } else throw new WireError(`wire type ${wire} at byte ${pos} (not a protobuf message ONNX uses)`);
    const list = fields.get(field);
    if (list) list.push(value);
    else fields.set(field, [value]);
  }
  return fields;
}

const text = new TextDecoder("utf-8", { fatal: false });

/** Field readers over a decoded message; repeated scalars accept packed and unpacked forms. */
export const read = {
  bytes(f: Fields, n: number): Uint8Array[] {
    return (f.get(n) ?? []).filter((v) => v.wire === 2).map((v) => v.value as Uint8Array);
  },
  string(f: Fields, n: number): string {
    const b = read.bytes(f, n);
    return b.length ? text.decode(b[b.length - 1]) : "";
  },
  strings(f: Fields, n: number): string[] {
    return read.bytes(f, n).map((b) => text.decode(b));
  },
  messages(f: Fields, n: number): Fields[] {
    return read.bytes(f, n).map(decodeMessage);
  },
  message(f: Fields, n: number): Fields | undefined {
    const b = read.bytes(f, n);
    return b.length ? decodeMessage(b[b.length - 1]) : undefined;
  },
  /** int64/int32 values (negative ones as two's complement), packed or not. */
  ints(f: Fields, n: number): number[] {
    const out: number[] = [];
    for (const v of f.get(n) ?? []) {
      if (v.wire === 0) out.push(Number(BigInt.asIntN(64, v.value)));
      else if (v.wire === 2) {
        const packed = decodePackedVarints(v.value);
        out.push(...packed.map((x) => Number(BigInt.asIntN(64, x))));
      }
    }
    return out;
  },
  int(f: Fields, n: number, fallback = 0): number {
    const all = read.ints(f, n);
    return all.length ? all[all.length - 1] : fallback;
  },
  floats(f: Fields, n: number): number[] {
    return fixedValues(f, n, 5, 4, (dv, at) => dv.getFloat32(at, true));
  },
  doubles(f: Fields, n: number): number[] {
    return fixedValues(f, n, 1, 8, (dv, at) => dv.getFloat64(at, true));
  },
};

/** A repeated fixed-width field, one value per field (its own wire type) or packed (wire 2), little-endian. */
function fixedValues(f: Fields, n: number, wire: 1 | 5, size: 4 | 8, get: (dv: DataView, at: number) => number): number[] {
  const out: number[] = [];
  for (const v of f.get(n) ?? []) {
    if (v.wire === wire) out.push(get(v.value as DataView, 0));
    else if (v.wire === 2) {
      const dv = new DataView(v.value.buffer, v.value.byteOffset, v.value.byteLength);
      for (let i = 0; i + size <= v.value.byteLength; i += size) out.push(get(dv, i));
    }
  }
  return out;
}

function decodePackedVarints(bytes: Uint8Array): bigint[] {
  const out: bigint[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= bytes.length) throw new TruncatedError(pos);
      const b = bytes[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    out.push(result);
  }
  return out;
}

/** Builds one message's bytes, field by field (fields in the order written). */
export class MessageWriter {
  private chunks: Uint8Array[] = [];

  private raw(b: Uint8Array): void {
    this.chunks.push(b);
  }
  private key(field: number, wire: number): void {
    this.raw(varintBytes(BigInt((field << 3) | wire)));
  }
  int(field: number, v: number | bigint): this {
    this.key(field, 0);
    this.raw(varintBytes(BigInt.asUintN(64, BigInt(v))));
    return this;
  }
  bytes(field: number, b: Uint8Array): this {
    this.key(field, 2);
    this.raw(varintBytes(BigInt(b.length)));
    this.raw(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  message(field: number, m: MessageWriter): this {
    return this.bytes(field, m.finish());
  }
  float(field: number, v: number): this {
    this.key(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.raw(b);
    return this;
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function varintBytes(v: bigint): Uint8Array {
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Uint8Array.from(out);
}
