/**
 * Compiles generated kernels against an arena's memory. Each distinct kernel (by name, which
 * encodes its specialisation) is compiled once per process for each kind of memory (shared or
 * fixed, and its size limit) and the compiled module is shared: it is pure code. What is not
 * shared is its instance, which binds the module to one memory: every arena (./arena.ts, one per
 * engine) instantiates the modules it uses on its own memory, and its helper thread (./team.ts)
 * instantiates the same modules on the same memory.
 */
import { wasmApi } from "./api.ts";
import type { Arena } from "./arena.ts";
import { assemble, type Fn } from "./emit.ts";

export type Kernel = (...args: number[]) => void;

/** A kernel's name and how to generate it when it is not compiled yet. */
export type KernelSource = readonly [name: string, make: () => Fn];

interface Compiled {
  /** The compiled module it came from, and its index in the order kernels were first compiled. */
  module: object;
  id: number;
}

/** Compiled kernels by memory kind (see `kindOf`), then by name. */
const modules = new Map<string, Map<string, Compiled>>();
let nextId = 0;
/** Each arena's instantiated kernels, by name. */
const instances = new WeakMap<Arena, Map<string, Kernel>>();

/** The modules an arena can use are those compiled for the same memory import. */
function kindOf(arena: Arena): string {
  return `${arena.shared ? "shared" : "fixed"}:${arena.maximumPages}`;
}

/** The compiled kernels, in the order asked; the missing ones are compiled together in one module. */
export function compileKernels(arena: Arena, sources: readonly KernelSource[]): Kernel[] {
  let mine = instances.get(arena);
  if (!mine) instances.set(arena, (mine = new Map()));
  const kind = kindOf(arena);
  let compiled = modules.get(kind);
  if (!compiled) modules.set(kind, (compiled = new Map()));
  const missing: Fn[] = [];
  const pending = new Set<string>();
  for (const [name, make] of sources) {
    if (mine.has(name) || pending.has(name)) continue;
    const known = compiled.get(name);
    if (known) {
      // compiled already (for another arena of this kind): instantiate it on this one's memory
      instantiate(arena, known.module, mine);
      continue;
    }
    const fn = make();
    if (fn.name !== name) throw new Error(`kernel generator made "${fn.name}" for "${name}"`);
    pending.add(name);
    missing.push(fn);
  }
  if (missing.length > 0) {
    const bytes = assemble({ shared: arena.shared, initialPages: 1, maximumPages: arena.maximumPages }, missing);
    const module = new wasmApi!.Module(bytes);
    for (const f of missing) compiled.set(f.name, { module, id: nextId++ });
    instantiate(arena, module, mine);
  }
  return sources.map(([name]) => mine.get(name)!);
}

/** Instantiates `module` on the arena's memory, adding every kernel it exports to `into`. */
function instantiate(arena: Arena, module: object, into: Map<string, Kernel>): void {
  const instance = new wasmApi!.Instance(module, { env: { memory: arena.memory } });
  for (const [name, value] of Object.entries(instance.exports)) if (typeof value === "function") into.set(name, value as Kernel);
}

/** The module and id of a kernel compiled for this arena (for its helper thread). */
export function compiledKernel(arena: Arena, name: string): { module: object; id: number } | undefined {
  if (!instances.get(arena)?.has(name)) return undefined;
  return modules.get(kindOf(arena))?.get(name);
}
