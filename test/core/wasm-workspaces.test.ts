/**
 * Fast-kernel workspaces: released memory goes back and the workspace still works, the opt-in
 * fused multiply-adds stay within rounding, and a fixed-size (non-shared) memory in a process of
 * its own gives the plain kernels' bits.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GlassboxRandom } from "../../src/core/random.ts";
import { arena } from "../../src/core/wasm/arena.ts";
import { fastKernelsAvailable, releaseWorkspace, setFastKernels, setFusedMultiplyAdd, setSplitThreshold, setThreads } from "../../src/core/wasm/mlp.ts";
import { installNodeEngine } from "../../src/node-engine.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward } from "../../src/nn/propagation.ts";
import { identical } from "./bitwise.ts";
import { onePass } from "./one-pass.ts";

installNodeEngine(); // the helper thread and relaxed SIMD, as the Node entry points have them
const mem = arena();
const available = fastKernelsAvailable();

describe.skipIf(!available)("workspaces", () => {
  afterEach(() => {
    setFusedMultiplyAdd(false);
    setThreads(2);
    setSplitThreshold(2_000_000);
  });

  function moonsLike(seed: number) {
    const rng = new GlassboxRandom(seed);
    const net = createNetwork(2, [{ units: 25, activation: "relu" }, { units: 50, activation: "relu" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
    for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.3;
    const n = 300;
    const X = Float64Array.from({ length: 2 * n }, () => rng.normal());
    const Y = Float64Array.from({ length: n }, () => rng.interval(1));
    return { net, n, X, Y };
  }

  it("releaseWorkspace gives the memory back and leaves a working workspace", () => {
    const { net, n, X, Y } = moonsLike(3);
    const ws = createWorkspace(net, n);
    forward(net, X, ws);
    backward(net, X, Y, ws, "mean");
    const A = ws.A[1].slice();
    const grad = ws.grad.slice();
    const before = mem!.inUse;
    releaseWorkspace(ws);
    expect(mem!.inUse).toBeLessThan(before);
    expect(ws.A[1].buffer).not.toBeInstanceOf(SharedArrayBuffer);
    identical(ws.A[1], A, "kept values");
    forward(net, X, ws);
    backward(net, X, Y, ws, "mean");
    identical(ws.A[1], A, "plain pass after release");
    identical(ws.grad, grad, "gradient after release");
  });

  it("fused multiply-adds (opt-in) stay within rounding of the default and agree across threads", () => {
    const { net, n, X, Y } = moonsLike(5);
    const run = () => {
      const ws = createWorkspace(net, n);
      forward(net, X, ws);
      backward(net, X, Y, ws, "mean");
      return ws.grad.slice();
    };
    const exact = run();
    if (!setFusedMultiplyAdd(true)) return; // relaxed SIMD unavailable here
    setSplitThreshold(0);
    setThreads(1);
    const one = run();
    setThreads(2);
    const two = run();
    identical(two, one, "fma, 1 and 2 threads");
    let diff = 0;
    let size = 0;
    for (let i = 0; i < exact.length; i++) {
      diff = Math.max(diff, Math.abs(one[i] - exact[i]));
      size = Math.max(size, Math.abs(exact[i]));
    }
    expect(diff / size).toBeLessThan(1e-12);
  });
});

describe.skipIf(!available)("a fixed-size memory (no SharedArrayBuffer)", () => {
  it("runs the same kernels, with the same bits, in a process of its own", () => {
    const seed = 11;
    const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "kernels-fixed-memory.child.ts"), String(seed)], { encoding: "utf8" });
    const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    expect(line, child.stderr).toBeDefined();
    const got = JSON.parse(line!.slice(7)) as { shared: boolean; inWasm: boolean; grad: string[] };
    expect(got.shared).toBe(false);
    expect(got.inWasm).toBe(true);
    // the same pass here, with the plain kernels
    setFastKernels(false);
    try {
      expect(got.grad).toEqual(Array.from(onePass(seed).grad, (v) => v.toString()));
    } finally {
      setFastKernels(true);
    }
  });
});
