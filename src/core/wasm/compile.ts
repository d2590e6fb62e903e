/**
 * Compiles generated kernels against the arena's memory. Each distinct kernel (by name, which
 * encodes its specialisation) is compiled once per process and shared; the helper thread
 * (./team.ts) instantiates the same compiled modules on the same memory.
 */
import { wasmApi } from "./api.ts";
import type { Arena } from "./arena.ts";
import { assemble, type Fn } from "./emit.ts";

export type Kernel = (...args: number[]) => void;

/** A kernel's name and how to generate it when it is not compiled yet. */
export type KernelSource = readonly [name: string, make: () => Fn];

interface Compiled {
  fn: Kernel;
  /** The compiled module it came from, and its index in the order kernels were first compiled. */
  module: object;
  id: number;
}

const cache = new Map<string, Compiled>();
const byId: string[] = [];

/** The compiled kernels, in the order asked; the missing ones are compiled together in one module. */
export function compileKernels(arena: Arena, sources: readonly KernelSource[]): Kernel[] {
  const missing: Fn[] = [];
  const pending = new Set<string>();
  for (const [name, make] of sources) {
    if (cache.has(name) || pending.has(name)) continue;
    const fn = make();
    if (fn.name !== name) throw new Error(`kernel generator made "${fn.name}" for "${name}"`);
    pending.add(name);
    missing.push(fn);
  }
  if (missing.length > 0) {
    const bytes = assemble({ shared: arena.shared, initialPages: 1, maximumPages: arena.maximumPages }, missing);
    const api = wasmApi!;
    const module = new api.Module(bytes);
    const instance = new api.Instance(module, { env: { memory: arena.memory } });
    for (const f of missing) {
      cache.set(f.name, { fn: instance.exports[f.name] as Kernel, module, id: byId.length });
      byId.push(f.name);
    }
  }
  return sources.map(([name]) => cache.get(name)!.fn);
}

/** The module and id of a compiled kernel (for the helper thread). */
export function compiledKernel(name: string): { module: object; id: number } | undefined {
  return cache.get(name);
}
