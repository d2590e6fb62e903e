/**
 * Run by kernels-wasm.test.ts in a process of its own: the fast kernels on a fixed-size,
 * non-shared WebAssembly memory (what a page that is not cross-origin isolated gets). Prints
 * "RESULT " and the JSON of the gradient of one pass, and whether the memory was the fixed kind.
 */
import { arena } from "../../src/core/wasm/arena.ts";
import { GlassboxRandom } from "../../src/core/random.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward } from "../../src/nn/propagation.ts";

const mem = arena({ shared: false });
const seed = Number(process.argv[2] ?? 1);
const rng = new GlassboxRandom(seed);
const net = createNetwork(3, [{ units: 17, activation: "relu" }, { units: 30, activation: "relu" }, { units: 2, activation: "sigmoid" }], "binary-crossentropy");
for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.4;
const n = 200;
const X = Float64Array.from({ length: 3 * n }, () => rng.normal());
const Y = Float64Array.from({ length: 2 * n }, () => rng.interval(1));
const ws = createWorkspace(net, n);
forward(net, X, ws);
backward(net, X, Y, ws, "mean");
process.stdout.write(
  "RESULT " + JSON.stringify({ shared: mem?.shared ?? null, inWasm: mem !== null && ws.A[0].buffer === mem.buffer, grad: Array.from(ws.grad, (v) => v.toString()) }) + "\n",
);
