/**
 * One WebAssembly memory for an engine's fast kernels (each engine has its own, ./engine.ts),
 * and a small allocator over it.
 *
 * Typed-array views onto a WebAssembly memory go stale when a non-shared memory grows (its old
 * buffer is detached and every view reads as empty). So the memory is *shared* (backed by a
 * SharedArrayBuffer) where the platform allows it: a shared memory can grow and views made
 * earlier stay valid; it is also what lets a helper thread work on the same buffers. Where shared
 * memory is not available (a browser page that is not cross-origin isolated), the memory is an
 * ordinary one of fixed size that never grows: views stay valid there too, and a workspace that
 * does not fit gets the plain TypeScript kernels instead.
 *
 * Blocks are freed when every view made onto them has been garbage-collected
 * (FinalizationRegistry), so a workspace's buffers live exactly as long as something can read
 * them, or at once through `release`.
 */

import { wasmApi, type WasmMemory } from "./api.ts";
import { assemble, Fn, T } from "./emit.ts";

const PAGE = 65536;
const ALIGN = 64;

export interface Block {
  readonly offset: number;
  readonly bytes: number;
  /** Views still alive; the block is freed when this reaches 0. */
  refs: number;
  freed: boolean;
}

export class Arena {
  readonly memory: WasmMemory;
  /** Free ranges, sorted by offset, never adjacent (coalesced). */
  private free: { offset: number; bytes: number }[] = [];
  private top: number;
  private readonly registry: FinalizationRegistry<Block>;
  /** Bytes currently allocated, and the most ever allocated at once. */
  inUse = 0;
  peak = 0;

  constructor(
    memory: WasmMemory,
    /** The memory's declared maximum, which imports must repeat. */
    readonly maximumPages: number,
    /** Shared (can grow, threads can use it) or fixed-size. */
    readonly shared: boolean,
  ) {
    this.memory = memory;
    // Offset 0 is kept unused so that no valid block starts at 0.
    this.top = ALIGN;
    this.registry = new FinalizationRegistry((block) => this.unref(block));
  }

  get buffer(): ArrayBufferLike {
    return this.memory.buffer;
  }

  /**
   * A block of at least `bytes` bytes, 64-byte aligned and zeroed (unless `zeroed` is false: for
   * owners that write every byte before they read it, reused memory is not cleared — clearing
   * the half-gigabyte of a large workspace takes milliseconds). Views onto it must be `track`ed.
   */
  alloc(bytes: number, zeroed = true): Block {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let offset = -1;
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i];
      if (f.bytes >= size) {
        offset = f.offset;
        if (f.bytes === size) this.free.splice(i, 1);
        else {
          f.offset += size;
          f.bytes -= size;
        }
        // Reused memory: clear it (fresh memory from `grow` is zero already).
        if (zeroed) this.zero(offset, size);
        break;
      }
    }
    if (offset < 0) {
      // Take from the top, first giving back a free range that ends at the top.
      const last = this.free[this.free.length - 1];
      if (last && last.offset + last.bytes === this.top) {
        this.top = last.offset;
        this.free.pop();
      }
      offset = this.top;
      const end = offset + size;
      const have = this.memory.buffer.byteLength;
      if (end > have) {
        // A non-shared memory must never grow: that would detach every view made so far.
        if (!this.shared) throw new RangeError("the WebAssembly memory is full");
        this.memory.grow(Math.ceil((end - have) / PAGE));
      }
      this.top = end;
    }
    this.inUse += size;
    if (this.inUse > this.peak) this.peak = this.inUse;
    return { offset, bytes: size, refs: 0, freed: false };
  }

  /**
   * The largest block `alloc` can give now: a free range, or the room above the top (for shared
   * memory, up to its declared maximum, which growing may still fail to reach).
   */
  largestFree(): number {
    let best = 0;
    for (const f of this.free) if (f.bytes > best) best = f.bytes;
    const last = this.free[this.free.length - 1];
    const start = last && last.offset + last.bytes === this.top ? last.offset : this.top;
    const capacity = this.shared ? this.maximumPages * PAGE : this.memory.buffer.byteLength;
    return Math.max(best, capacity - start);
  }

  /** Ties the block's life to `view` (any object): the block is freed once every tracked object is gone. */
  track(block: Block, view: object): void {
    block.refs++;
    this.registry.register(view, block);
  }

  f64(block: Block, byteOffset: number, length: number): Float64Array {
    const v = new Float64Array(this.memory.buffer, block.offset + byteOffset, length);
    this.track(block, v);
    return v;
  }

  private zeroKernel: ((at: number, bytes: number) => void) | null = null;

  /** Clears bytes [at, at + bytes) with WebAssembly's memory.fill (a typed array's fill on a shared
   * buffer goes element by element). */
  zero(at: number, bytes: number): void {
    if (!this.zeroKernel) {
      const f = new Fn("zero", [T.i32, T.i32], []);
      f.get(0).i32(0).get(1).memoryFill();
      const api = wasmApi!;
      const bytesOfModule = assemble({ shared: this.shared, initialPages: 1, maximumPages: this.maximumPages }, [f]);
      const instance = new api.Instance(new api.Module(bytesOfModule), { env: { memory: this.memory } });
      this.zeroKernel = instance.exports.zero as (at: number, bytes: number) => void;
    }
    this.zeroKernel(at, bytes);
  }

  /** Frees a block now, whatever views onto it remain (the caller has made sure none is used). */
  release(block: Block): void {
    if (block.freed) return;
    block.refs = 0;
    this.reclaim(block);
  }

  private unref(block: Block): void {
    if (--block.refs > 0 || block.freed) return;
    this.reclaim(block);
  }

  private reclaim(block: Block): void {
    block.freed = true;
    this.inUse -= block.bytes;
    // Insert sorted, coalescing with neighbours.
    const list = this.free;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].offset < block.offset) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, { offset: block.offset, bytes: block.bytes });
    if (lo + 1 < list.length && list[lo].offset + list[lo].bytes === list[lo + 1].offset) {
      list[lo].bytes += list[lo + 1].bytes;
      list.splice(lo + 1, 1);
    }
    if (lo > 0 && list[lo - 1].offset + list[lo - 1].bytes === list[lo].offset) {
      list[lo - 1].bytes += list[lo].bytes;
      list.splice(lo, 1);
    }
  }
}

/** Pages: 4 GiB is the most a 32-bit WebAssembly memory can address. */
const MAX_PAGES = [65536, 32768, 16384];
/** A fixed-size (non-shared) memory: 256 MiB where it can be had, else less. */
const FIXED_PAGES = [4096, 2048, 1024, 512];

/** A tiny module using f64x2 (and, when asked, a shared memory): validates only where supported. */
function probe(shared: boolean): Uint8Array<ArrayBuffer> {
  const f = new Fn("probe", [], [T.v128]);
  f.f64(1).f64x2Splat().f64(2).f64x2Splat().f64x2Add();
  return assemble({ shared, initialPages: 1, maximumPages: 1 }, [f]);
}

let simd: boolean | undefined;

/** Whether this platform runs the kernels at all (WebAssembly SIMD and FinalizationRegistry). */
function simdAvailable(): boolean {
  if (simd !== undefined) return simd;
  simd = false;
  const api = wasmApi;
  if (!api || typeof FinalizationRegistry !== "function") return false;
  try {
    simd = api.validate(probe(false));
  } catch {
    simd = false;
  }
  return simd;
}

/**
 * A new arena on a memory of its own, or null where WebAssembly SIMD is unavailable. Shared
 * (growable, usable by a helper thread) where the platform allows it; `shared: false` asks for
 * the fixed-size kind even there (tests of that path).
 */
export function createArena(options: { shared?: boolean } = {}): Arena | null {
  const api = wasmApi;
  if (!api || !simdAvailable()) return null;
  if (options.shared !== false && typeof SharedArrayBuffer === "function") {
    for (const maximum of MAX_PAGES) {
      try {
        const memory = new api.Memory({ initial: 16, maximum, shared: true });
        if (memory.buffer instanceof SharedArrayBuffer) return new Arena(memory, maximum, true);
      } catch {
        // try a smaller reservation
      }
    }
  }
  for (const pages of FIXED_PAGES) {
    try {
      return new Arena(new api.Memory({ initial: pages, maximum: pages }), pages, false);
    } catch {
      // try a smaller one
    }
  }
  return null;
}

let theArena: Arena | null | undefined;

/**
 * The default engine's arena (../wasm/engine.ts `defaultEngine`), made on first use; null where
 * WebAssembly SIMD is unavailable. `shared: false` on the first call asks for the fixed-size
 * kind (tests of that path); later calls return the arena already made.
 */
export function arena(options: { shared?: boolean } = {}): Arena | null {
  if (theArena === undefined) theArena = createArena(options);
  return theArena;
}
