/**
 * One shared WebAssembly memory for every fast kernel, and a small allocator over it.
 *
 * The memory is *shared* (backed by a SharedArrayBuffer) for one reason above all: when a shared
 * memory grows, typed-array views made earlier stay valid (a non-shared memory detaches its old
 * buffer, and every view onto it would read as empty). Views handed out here therefore never go
 * stale, whatever is allocated later. Where shared memory is not available (a browser page that
 * is not cross-origin isolated), `arena()` returns null and the engine uses its plain
 * TypeScript kernels.
 *
 * Blocks are freed when every view made onto them has been garbage-collected
 * (FinalizationRegistry), so a workspace's buffers live exactly as long as something can read them.
 */

import { wasmApi, type WasmMemory } from "./api.ts";

const PAGE = 65536;
const ALIGN = 64;

export interface Block {
  readonly offset: number;
  readonly bytes: number;
  /** Views still alive; the block is freed when this reaches 0 after `seal`. */
  refs: number;
  sealed: boolean;
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
  ) {
    this.memory = memory;
    // Offset 0 is kept unused so that no valid block starts at 0.
    this.top = ALIGN;
    this.registry = new FinalizationRegistry((block) => this.release(block));
  }

  get buffer(): ArrayBufferLike {
    return this.memory.buffer;
  }

  /** A block of at least `bytes` bytes, 64-byte aligned. Views onto it must be `track`ed. */
  alloc(bytes: number): Block {
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
      if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
      this.top = end;
    }
    this.inUse += size;
    if (this.inUse > this.peak) this.peak = this.inUse;
    return { offset, bytes: size, refs: 0, sealed: false, freed: false };
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

  private release(block: Block): void {
    if (--block.refs > 0 || block.freed) return;
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

let theArena: Arena | null | undefined;

/** Pages: 4 GiB is the most a 32-bit WebAssembly memory can address. */
const MAX_PAGES = [65536, 32768, 16384];

/** The process-wide arena, or null where shared WebAssembly memory (or SIMD) is unavailable. */
export function arena(): Arena | null {
  if (theArena !== undefined) return theArena;
  theArena = null;
  const api = wasmApi;
  if (!api || typeof SharedArrayBuffer !== "function" || typeof FinalizationRegistry !== "function") return null;
  for (const maximum of MAX_PAGES) {
    try {
      const memory = new api.Memory({ initial: 16, maximum, shared: true });
      if (!(memory.buffer instanceof SharedArrayBuffer)) return null;
      theArena = new Arena(memory, maximum);
      return theArena;
    } catch {
      // try a smaller reservation
    }
  }
  return null;
}
