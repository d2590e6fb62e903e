/**
 * A very small WebAssembly binary writer: just enough to emit the engine's matrix kernels at run
 * time, specialised to each layer's exact widths (fully unrolled, no build step, no binary in the
 * repository). Functions import one shared memory ("env", "memory") and take/return i32/f64.
 *
 * Only the instructions the kernels use are here. Opcodes follow the WebAssembly 2.0 core spec
 * and its fixed-width SIMD proposal (prefix 0xfd).
 */

/** Value types. */
export const T = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;
export type T = (typeof T)[keyof typeof T];

function uleb(out: number[], v: number): void {
  v >>>= 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

function sleb(out: number[], v: number): void {
  v |= 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

function name(out: number[], s: string): void {
  const bytes = new TextEncoder().encode(s);
  uleb(out, bytes.length);
  for (const b of bytes) out.push(b);
}

/** A local variable index, typed for readability. */
export type Local = number & { readonly __local?: never };

/** One function's body. Stack-machine instructions are appended in order. */
export class Fn {
  readonly code: number[] = [];
  private readonly localTypes: T[] = [];
  private depth = 0;
  constructor(
    readonly name: string,
    readonly params: readonly T[],
    readonly results: readonly T[],
  ) {}

  /** Parameter `i` as a local index. */
  param(i: number): Local {
    return i;
  }

  local(type: T): Local {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  /** Locals grouped into runs of equal type, as the code section wants them. */
  localDecls(): number[] {
    const out: number[] = [];
    const runs: [number, T][] = [];
    for (const t of this.localTypes) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    uleb(out, runs.length);
    for (const [count, t] of runs) {
      uleb(out, count);
      out.push(t);
    }
    return out;
  }

  private op(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }

  private simd(opcode: number): this {
    this.code.push(0xfd);
    uleb(this.code, opcode);
    return this;
  }

  private memarg(align: number, offset: number): this {
    uleb(this.code, align);
    uleb(this.code, offset);
    return this;
  }

  // --- control ---
  /** block … end; `body` gets the label depth to `br` out of it. */
  block(body: () => void): this {
    this.op(0x02, 0x40);
    this.depth++;
    body();
    this.depth--;
    return this.op(0x0b);
  }
  loop(body: () => void): this {
    this.op(0x03, 0x40);
    this.depth++;
    body();
    this.depth--;
    return this.op(0x0b);
  }
  /** if (pops i32) … [else …] end */
  if(then: () => void, otherwise?: () => void): this {
    this.op(0x04, 0x40);
    this.depth++;
    then();
    if (otherwise) {
      this.op(0x05);
      otherwise();
    }
    this.depth--;
    return this.op(0x0b);
  }
  br(label: number): this {
    this.op(0x0c);
    uleb(this.code, label);
    return this;
  }
  brIf(label: number): this {
    this.op(0x0d);
    uleb(this.code, label);
    return this;
  }
  ret(): this {
    return this.op(0x0f);
  }
  select(): this {
    return this.op(0x1b);
  }
  drop(): this {
    return this.op(0x1a);
  }

  // --- locals ---
  get(l: Local): this {
    this.op(0x20);
    uleb(this.code, l);
    return this;
  }
  set(l: Local): this {
    this.op(0x21);
    uleb(this.code, l);
    return this;
  }
  tee(l: Local): this {
    this.op(0x22);
    uleb(this.code, l);
    return this;
  }

  // --- memory ---
  i32Load(offset = 0): this {
    return this.op(0x28).memarg(2, offset);
  }
  f64Load(offset = 0): this {
    return this.op(0x2b).memarg(3, offset);
  }
  f32Load(offset = 0): this {
    return this.op(0x2a).memarg(2, offset);
  }
  i32Store(offset = 0): this {
    return this.op(0x36).memarg(2, offset);
  }
  /** i64.store with the alignment hint of 4 bytes (the kernels store i32 pairs). */
  i64Store(offset = 0): this {
    return this.op(0x37).memarg(2, offset);
  }
  f64Store(offset = 0): this {
    return this.op(0x39).memarg(3, offset);
  }
  f32Store(offset = 0): this {
    return this.op(0x38).memarg(2, offset);
  }

  /** memory.fill (bulk memory): pops destination, byte value, length. */
  memoryFill(): this {
    this.code.push(0xfc);
    uleb(this.code, 11);
    this.code.push(0);
    return this;
  }

  // --- numbers ---
  i32(v: number): this {
    this.op(0x41);
    sleb(this.code, v);
    return this;
  }
  i64(v: bigint): this {
    this.op(0x42);
    // signed LEB128 of a 64-bit value
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
        this.code.push(b);
        return this;
      }
      this.code.push(b | 0x80);
    }
  }
  i64ExtendI32U(): this {
    return this.op(0xad);
  }
  i64Sub(): this {
    return this.op(0x7d);
  }
  f64(v: number): this {
    this.op(0x44);
    const b = new Uint8Array(new Float64Array([v]).buffer);
    for (const x of b) this.code.push(x);
    return this;
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  i32Eq(): this {
    return this.op(0x46);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  i32GeU(): this {
    return this.op(0x4f);
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32And(): this {
    return this.op(0x71);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  i32Popcnt(): this {
    return this.op(0x69);
  }
  i32ShrU(): this {
    return this.op(0x76);
  }
  f64Gt(): this {
    return this.op(0x64);
  }
  f64Ne(): this {
    return this.op(0x62);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }
  f32Add(): this {
    return this.op(0x92);
  }
  f32Mul(): this {
    return this.op(0x94);
  }
  f32Gt(): this {
    return this.op(0x5e);
  }

  // --- SIMD ---
  v128Load(offset = 0): this {
    return this.simd(0x00).memarg(4, offset);
  }
  /** Loads one f64 and splats it to both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.simd(0x0a).memarg(3, offset);
  }
  /** Loads one f32 and splats it to all four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.simd(0x09).memarg(2, offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).memarg(4, offset);
  }
  v128Zero(): this {
    this.simd(0x0c);
    for (let i = 0; i < 16; i++) this.code.push(0);
    return this;
  }
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  f64x2ExtractLane(lane: number): this {
    this.simd(0x21);
    this.code.push(lane);
    return this;
  }
  /** (vector, f64) → the vector with lane `lane` replaced. */
  f64x2ReplaceLane(lane: number): this {
    this.simd(0x22);
    this.code.push(lane);
    return this;
  }
  f64x2Gt(): this {
    return this.simd(0x4a);
  }
  v128And(): this {
    return this.simd(0x4e);
  }
  i64x2Bitmask(): this {
    return this.simd(0xc4);
  }
  i32x4Bitmask(): this {
    return this.simd(0xa4);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  /** a·b + c (relaxed SIMD: fused where the processor has FMA, so rounded once). Stack: a b c. */
  f64x2RelaxedMadd(): this {
    return this.simd(0x107);
  }
  f32x4Splat(): this {
    return this.simd(0x13);
  }
  f32x4Gt(): this {
    return this.simd(0x44);
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f32x4ExtractLane(lane: number): this {
    this.simd(0x1f);
    this.code.push(lane);
    return this;
  }
}

export interface MemoryImport {
  shared: boolean;
  initialPages: number;
  maximumPages: number;
}

/** Assembles functions into a module importing `env.memory`, exporting every function by name. */
export function assemble(memory: MemoryImport, fns: readonly Fn[]): Uint8Array<ArrayBuffer> {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, body: number[]): void => {
    out.push(id);
    uleb(out, body.length);
    for (const b of body) out.push(b);
  };

  // One type per function (duplicates are allowed).
  const types: number[] = [];
  uleb(types, fns.length);
  for (const f of fns) {
    types.push(0x60);
    uleb(types, f.params.length);
    for (const p of f.params) types.push(p);
    uleb(types, f.results.length);
    for (const r of f.results) types.push(r);
  }
  section(1, types);

  const imports: number[] = [];
  uleb(imports, 1);
  name(imports, "env");
  name(imports, "memory");
  imports.push(0x02, memory.shared ? 0x03 : 0x01);
  uleb(imports, memory.initialPages);
  uleb(imports, memory.maximumPages);
  section(2, imports);

  const funcs: number[] = [];
  uleb(funcs, fns.length);
  fns.forEach((_, i) => uleb(funcs, i));
  section(3, funcs);

  const exports: number[] = [];
  uleb(exports, fns.length);
  fns.forEach((f, i) => {
    name(exports, f.name);
    exports.push(0x00);
    uleb(exports, i);
  });
  section(7, exports);

  const code: number[] = [];
  uleb(code, fns.length);
  for (const f of fns) {
    const body = [...f.localDecls(), ...f.code, 0x0b];
    uleb(code, body.length);
    for (const b of body) code.push(b);
  }
  section(10, code);
  return new Uint8Array(out);
}
