/** Assembles generated functions (./emit.ts) into a WebAssembly module. */
import type { Fn } from "./emit.ts";
import { uleb } from "./ops.ts";

function name(out: number[], s: string): void {
  const bytes = new TextEncoder().encode(s);
  uleb(out, bytes.length);
  for (const b of bytes) out.push(b);
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
