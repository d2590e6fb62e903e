/**
 * What the platform's WebAssembly can do, probed once: relaxed SIMD (for the opt-in fused
 * multiply-adds). Whether SIMD itself and shared memory are there is probed where memories are
 * made (./arena.ts).
 */
import { wasmApi } from "./api.ts";
import { hostCapabilities } from "./host.ts";

/** f64x2.relaxed_madd on one f64x2: a tiny module that validates only where relaxed SIMD is on. */
const RELAXED_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 0x60, 3, 0x7b, 0x7b, 0x7b, 1, 0x7b, 3, 2, 1, 0, 10, 13, 1, 11, 0, 0x20, 0, 0x20, 1, 0x20, 2, 0xfd, 0x87, 0x02, 0x0b]);

let relaxed: boolean | undefined;

/** Whether relaxed SIMD is available (a property of the platform, probed once). */
export function relaxedSimd(): boolean {
  if (relaxed !== undefined) return relaxed;
  const api = wasmApi;
  if (!api) return (relaxed = false);
  if (api.validate(RELAXED_PROBE)) return (relaxed = true);
  // Node 20's V8 has relaxed SIMD behind a flag (on by default from Node 22); the host can set it before compiling.
  const setFlags = hostCapabilities().setEngineFlags;
  if (!setFlags) return (relaxed = false);
  try {
    setFlags("--experimental-wasm-relaxed-simd");
  } catch {
    return (relaxed = false);
  }
  return (relaxed = api.validate(RELAXED_PROBE));
}
