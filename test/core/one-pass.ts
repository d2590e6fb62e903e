/**
 * One forward and backward pass of a small relu network on seeded data, for comparing kernels
 * run in different places (wasm-workspaces.test.ts and its child process).
 */
import { GlassboxRandom } from "../../src/core/random.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward, type Workspace } from "../../src/nn/propagation.ts";

export function onePass(seed: number): Workspace {
  const rng = new GlassboxRandom(seed);
  const net = createNetwork(3, [{ units: 17, activation: "relu" }, { units: 30, activation: "relu" }, { units: 2, activation: "sigmoid" }], "binary-crossentropy");
  for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.4;
  const n = 200;
  const X = Float64Array.from({ length: 3 * n }, () => rng.normal());
  const Y = Float64Array.from({ length: 2 * n }, () => rng.interval(1));
  const ws = createWorkspace(net, n);
  forward(net, X, ws);
  backward(net, X, Y, ws, "mean");
  return ws;
}
