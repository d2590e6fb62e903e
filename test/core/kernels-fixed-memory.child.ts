/**
 * Run by wasm-workspaces.test.ts in a process of its own: the fast kernels on a fixed-size,
 * non-shared WebAssembly memory (what a page that is not cross-origin isolated gets). Prints
 * "RESULT " and the JSON of the gradient of one pass, and whether the memory was the fixed kind.
 */
import { arena } from "../../src/core/wasm/arena.ts";
import { onePass } from "./one-pass.ts";

const mem = arena({ shared: false });
const ws = onePass(Number(process.argv[2] ?? 1));
process.stdout.write(
  "RESULT " + JSON.stringify({ shared: mem?.shared ?? null, inWasm: mem !== null && ws.A[0].buffer === mem.buffer, grad: Array.from(ws.grad, (v) => v.toString()) }) + "\n",
);
