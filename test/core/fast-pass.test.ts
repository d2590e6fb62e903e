/**
 * The whole fast forward and backward pass (generated WebAssembly kernels, one thread or two)
 * against the plain one on random networks, bit for bit, on fresh and on reused memory.
 */
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { arena } from "../../src/core/wasm/arena.ts";
import { COLUMN_LIST_MIN_WIDTH, fastKernelsAvailable, setColumnListMinWidth, setFastKernels, setSplitThreshold, setThreads } from "../../src/core/wasm/mlp.ts";
import { installNodeEngine } from "../../src/node-engine.ts";
import type { ActivationName } from "../../src/nn/activations.ts";
import type { LossName } from "../../src/nn/losses.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward, type Reduction } from "../../src/nn/propagation.ts";
import { identical } from "./bitwise.ts";
import { networkArbitraries, randomProblem } from "./random-cases.ts";

installNodeEngine(); // the helper thread and relaxed SIMD, as the Node entry points have them
const available = fastKernelsAvailable();

const HIDDEN: ActivationName[] = ["relu", "relu", "sigmoid", "tanh", "linear"];
const OUTPUTS: [ActivationName, LossName][] = [
  ["sigmoid", "binary-crossentropy"],
  ["softmax", "categorical-crossentropy"],
  ["linear", "mse"],
  ["relu", "sse"],
  ["tanh", "mse"],
];

interface Pass {
  Z: Float64Array[];
  A: Float64Array[];
  dZ: Float64Array[];
  dA: Float64Array[];
  grad: Float64Array;
}

function runPass(fast: boolean, seed: number, widths: number[], acts: ActivationName[], out: [ActivationName, LossName], n: number, rows: number, reduction: Reduction, l2: number, lean = false): Pass {
  setFastKernels(fast);
  const { net, X, Y } = randomProblem(seed, widths, acts, out, n, 0.7);
  const layers = net.layers;
  const ws = createWorkspace(net, n, { lean });
  expect(ws.A[0].buffer instanceof SharedArrayBuffer, "fast path in use").toBe(fast);
  // Two rounds, the second on fewer rows, with the parameters changed in between.
  forward(net, X, ws);
  backward(net, X, Y, ws, reduction, l2);
  for (let i = 0; i < net.params.length; i++) net.params[i] -= 0.1 * ws.grad[i];
  forward(net, X, ws, rows);
  backward(net, X, Y, ws, reduction, l2, rows);
  const cut = (a: Float64Array, w: number) => a.slice(0, rows * w);
  return {
    Z: ws.Z.map((a, l) => cut(a, layers[l].units)),
    A: ws.A.map((a, l) => cut(a, layers[l].units)),
    dZ: ws.dZ.map((a, l) => cut(a, layers[l].units)),
    dA: ws.dA.map((a, l) => (l === layers.length - 1 ? new Float64Array(0) : cut(a, layers[l].units))),
    grad: ws.grad.slice(),
  };
}

describe.skipIf(!available)("fast forward/backward", () => {
  afterEach(() => {
    setFastKernels(true);
    setThreads(2);
    setSplitThreshold(2_000_000);
    setColumnListMinWidth(COLUMN_LIST_MIN_WIDTH);
  });

  it("gives bit-for-bit the plain pass on random networks", () => {
    fc.assert(
      fc.property(
        ...networkArbitraries({ maxWidth: 19, widths: [2, 5], hidden: HIDDEN, activations: 4, outputs: OUTPUTS }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom<Reduction>("mean", "sum"),
        fc.constantFrom(0, 0.01),
        fc.constantFrom(0, 8, Infinity),
        (seed, widths, acts, out, n, reduction, l2, columnWidth) => {
          const rows = 1 + (seed % n);
          // dW through column lists (of the layer, or transposed over the layer below's) or not
          setColumnListMinWidth(columnWidth);
          // Make the network big enough for the fast path (tiny ones use the plain kernels anyway).
          const w = widths.map((x, i) => (i === 0 ? Math.max(x, 4) : i === 1 ? x + 16 : x));
          const plain = runPass(false, seed, w, acts, out, n, rows, reduction, l2);
          setSplitThreshold(0); // share every workspace's kernels, however small
          for (const count of [1, 2] as const) {
            setThreads(count);
            const fast = runPass(true, seed, w, acts, out, n, rows, reduction, l2);
            for (const key of ["Z", "A", "dZ", "dA"] as const) plain[key].forEach((a, l) => identical(fast[key][l], a, `${key}[${l}] (${count} threads)`));
            identical(fast.grad, plain.grad, `grad (${count} threads)`);
            // A lean (training) workspace: the same A, dZ and gradient without hidden relu layers' Z and dA.
            const lean = runPass(true, seed, w, acts, out, n, rows, reduction, l2, true);
            for (const key of ["A", "dZ"] as const) plain[key].forEach((a, l) => identical(lean[key][l], a, `lean ${key}[${l}] (${count} threads)`));
            identical(lean.grad, plain.grad, `lean grad (${count} threads)`);
          }
        },
      ),
      // Each case builds five workspaces (new widths compile new kernels): 60 cases still draw every
      // output, reduction, l2 and gradient mode many times over, and rows below and above a split.
      { numRuns: 60 },
    );
  });

  it("gives the same bits on reused memory that held anything (workspaces are not cleared)", () => {
    const a = arena()!;
    for (const [seed, lean] of [[11, false], [12, true], [13, false]] as const) {
      const w = [3, 40, 9, 33];
      const acts: ActivationName[] = ["relu", "relu", "tanh", "relu"];
      const plain = runPass(false, seed, w, acts, ["sigmoid", "binary-crossentropy"], 120, 77, "mean", 0.01, lean);
      const junk = a.alloc(8 << 20);
      new Uint8Array(a.buffer, junk.offset, junk.bytes).fill(0xff); // NaN in every double
      a.release(junk);
      const fast = runPass(true, seed, w, acts, ["sigmoid", "binary-crossentropy"], 120, 77, "mean", 0.01, lean);
      for (const key of ["A", "dZ"] as const) plain[key].forEach((x, l) => identical(fast[key][l], x, `${key}[${l}]`));
      identical(fast.grad, plain.grad, "grad");
    }
  });

  it("uses the fast path for moons-sized networks", () => {
    setFastKernels(true);
    const net = createNetwork(2, [{ units: 25, activation: "relu" }, { units: 50, activation: "relu" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
    const ws = createWorkspace(net, 100);
    expect(ws.A[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(ws.A[2].buffer).not.toBeInstanceOf(SharedArrayBuffer); // the output stays an ordinary array
  });
});
