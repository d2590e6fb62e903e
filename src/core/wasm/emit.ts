/**
 * A very small WebAssembly binary writer: just enough to emit the engine's matrix kernels at run
 * time, specialised to each layer's exact widths (fully unrolled, no build step, no binary in the
 * repository). Functions import one shared memory ("env", "memory") and take/return i32/f64.
 *
 * Only the instructions the kernels use are here, each once in ./ops.ts `OPS` (its encoding and its
 * immediate), which both the writer and the text printer (./wat.ts `toWat`) read.
 */

import { OPS, sleb, T, uleb, type OpName } from "./ops.ts";

export { assemble, type MemoryImport } from "./assemble.ts";
export { OPS, T, type Immediate, type OpName } from "./ops.ts";

/** A local variable index, typed for readability. */
export type Local = number & { readonly __local?: never };

/** Something that pushes one i32: a constant, or code that pushes it (e.g. `() => f.get(n)`). */
export type I32 = number | (() => void);

/** One function's body. Stack-machine instructions are appended in order. */
export class Fn {
  readonly code: number[] = [];
  readonly localTypes: T[] = [];
  constructor(
    readonly name: string,
    readonly params: readonly T[],
    readonly results: readonly T[],
  ) {}

  /** Parameter `i` as a local index. */
  param(i: number): Local {
    return i;
  }

  /** The parameters as local indices. */
  paramList(): Local[] {
    return this.params.map((_, i) => i);
  }

  local(type: T): Local {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  /** `count` new locals of one type. */
  locals(type: T, count: number): Local[] {
    return Array.from({ length: count }, () => this.local(type));
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

  /** Appends one instruction of `OPS` with its immediate(s). */
  op(op: OpName, ...imm: (number | bigint)[]): this {
    const [bytes, kind] = OPS[op];
    for (const b of bytes) this.code.push(b);
    switch (kind) {
      case "block":
        this.code.push(0x40);
        break;
      case "label":
      case "local":
        uleb(this.code, Number(imm[0]));
        break;
      case "memarg":
        uleb(this.code, OPS[op][2]);
        uleb(this.code, Number(imm[0] ?? 0));
        break;
      case "i32":
      case "i64":
        sleb(this.code, kind === "i32" ? Number(imm[0]) | 0 : BigInt(imm[0]));
        break;
      case "f64":
        for (const x of new Uint8Array(new Float64Array([Number(imm[0])]).buffer)) this.code.push(x);
        break;
      case "v128":
        for (let i = 0; i < 16; i++) this.code.push(0);
        break;
      case "lane":
        this.code.push(Number(imm[0]));
        break;
      case "memory":
        this.code.push(0);
        break;
      case "none":
        break;
    }
    return this;
  }

  // --- control ---
  /** block … end; `br(1)` from a loop directly inside it leaves both. */
  block(body: () => void): this {
    this.op("block");
    body();
    return this.op("end");
  }
  loop(body: () => void): this {
    this.op("loop");
    body();
    return this.op("end");
  }
  /** if (pops i32) … end */
  if(then: () => void): this {
    this.op("if");
    then();
    return this.op("end");
  }
  br(label: number): this {
    return this.op("br", label);
  }
  brIf(label: number): this {
    return this.op("br_if", label);
  }
  select(): this {
    return this.op("select");
  }

  // --- loops and addresses ---
  /**
   * while (!exit) body: `exit` pushes an i32 that ends the loop when nonzero. Inside `body`,
   * `br(1)` leaves the loop and `br(0)` starts the next trip (skipping what follows).
   */
  whileNot(exit: () => void, body: () => void): this {
    return this.block(() =>
      this.loop(() => {
        exit();
        this.brIf(1);
        body();
        this.br(0);
      }),
    );
  }
  /**
   * while (i < end) { body; each bumped local += its bytes; i += step } (signed compare, or
   * unsigned for byte addresses). i is not set first (see `forUp`).
   */
  until(i: Local, end: I32, body: () => void, options: { step?: number; unsigned?: boolean; bump?: readonly (readonly [Local, number])[] } = {}): this {
    return this.whileNot(
      () => {
        this.get(i).push(end);
        if (options.unsigned) this.i32GeU();
        else this.i32GeS();
      },
      () => {
        body();
        for (const [l, bytes] of options.bump ?? []) this.get(l).i32(bytes).i32Add().set(l);
        this.get(i).i32(options.step ?? 1).i32Add().set(i);
      },
    );
  }
  /** for (i = from; i < end; i += step) body (see `until`). */
  forUp(i: Local, from: I32, end: I32, body: () => void, options: { step?: number; bump?: readonly (readonly [Local, number])[] } = {}): this {
    this.push(from).set(i);
    return this.until(i, end, body, options);
  }
  /** Pushes an i32: a constant or what `value` pushes. */
  push(value: I32): this {
    if (typeof value === "number") this.i32(value);
    else value();
    return this;
  }
  /** Pushes base + index·stride (a row's address: stride its bytes). */
  addr(base: Local, index: Local, stride: number): this {
    return this.get(base).get(index).i32(stride).i32Mul().i32Add();
  }
  /** Pushes base + index·2^shift (an element's address: shift 3 for f64, 2 for i32). */
  elem(base: Local, index: Local, shift: number): this {
    return this.get(base).get(index).i32(shift).i32Shl().i32Add();
  }
  /** l = base + index·stride. */
  setAddr(l: Local, base: Local, index: Local, stride: number): this {
    return this.addr(base, index, stride).set(l);
  }
  /** l += bytes. */
  bump(l: Local, bytes: number): this {
    return this.get(l).i32(bytes).i32Add().set(l);
  }

  // --- locals ---
  get(l: Local): this {
    return this.op("local.get", l);
  }
  set(l: Local): this {
    return this.op("local.set", l);
  }
  tee(l: Local): this {
    return this.op("local.tee", l);
  }

  // --- memory ---
  i32Load(offset = 0): this {
    return this.op("i32.load", offset);
  }
  f64Load(offset = 0): this {
    return this.op("f64.load", offset);
  }
  i32Store(offset = 0): this {
    return this.op("i32.store", offset);
  }
  /** i64.store with the alignment hint of 4 bytes (the kernels store i32 pairs). */
  i64Store(offset = 0): this {
    return this.op("i64.store", offset);
  }
  f64Store(offset = 0): this {
    return this.op("f64.store", offset);
  }
  /** memory.fill (bulk memory): pops destination, byte value, length. */
  memoryFill(): this {
    return this.op("memory.fill");
  }

  // --- numbers ---
  i32(v: number): this {
    return this.op("i32.const", v);
  }
  i64(v: bigint): this {
    return this.op("i64.const", v);
  }
  f64(v: number): this {
    return this.op("f64.const", v);
  }
  i64ExtendI32U(): this {
    return this.op("i64.extend_i32_u");
  }
  i64Sub(): this {
    return this.op("i64.sub");
  }
  i32Eq(): this {
    return this.op("i32.eq");
  }
  i32Ne(): this {
    return this.op("i32.ne");
  }
  i32LtS(): this {
    return this.op("i32.lt_s");
  }
  i32GeS(): this {
    return this.op("i32.ge_s");
  }
  i32GeU(): this {
    return this.op("i32.ge_u");
  }
  i32Add(): this {
    return this.op("i32.add");
  }
  i32Sub(): this {
    return this.op("i32.sub");
  }
  i32Mul(): this {
    return this.op("i32.mul");
  }
  i32And(): this {
    return this.op("i32.and");
  }
  i32Shl(): this {
    return this.op("i32.shl");
  }
  i32Popcnt(): this {
    return this.op("i32.popcnt");
  }
  i32ShrU(): this {
    return this.op("i32.shr_u");
  }
  f64Gt(): this {
    return this.op("f64.gt");
  }
  f64Add(): this {
    return this.op("f64.add");
  }
  f64Mul(): this {
    return this.op("f64.mul");
  }

  // --- SIMD ---
  v128Load(offset = 0): this {
    return this.op("v128.load", offset);
  }
  /** Loads one f64 and splats it to both lanes. */
  v128Load64Splat(offset = 0): this {
    return this.op("v128.load64_splat", offset);
  }
  v128Store(offset = 0): this {
    return this.op("v128.store", offset);
  }
  v128Zero(): this {
    return this.op("v128.const");
  }
  f64x2Splat(): this {
    return this.op("f64x2.splat");
  }
  f64x2ExtractLane(lane: number): this {
    return this.op("f64x2.extract_lane", lane);
  }
  /** (vector, f64) → the vector with lane `lane` replaced. */
  f64x2ReplaceLane(lane: number): this {
    return this.op("f64x2.replace_lane", lane);
  }
  f64x2Gt(): this {
    return this.op("f64x2.gt");
  }
  v128And(): this {
    return this.op("v128.and");
  }
  i64x2Bitmask(): this {
    return this.op("i64x2.bitmask");
  }
  f64x2Add(): this {
    return this.op("f64x2.add");
  }
  f64x2Mul(): this {
    return this.op("f64x2.mul");
  }
  /** a·b + c (relaxed SIMD: fused where the processor has FMA, so rounded once). Stack: a b c. */
  f64x2RelaxedMadd(): this {
    return this.op("f64x2.relaxed_madd");
  }
}

