/**
 * Backpropagation against central finite differences, over random small networks:
 * every hidden activation × every (output activation, loss) pair × depth, both reductions, with and without L2.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GlassboxRandom } from "../../src/core/random.ts";
import type { ActivationName } from "../../src/nn/activations.ts";
import type { LossName } from "../../src/nn/losses.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { createWorkspace, objectiveAndGradient, type Reduction } from "../../src/nn/propagation.ts";

const HIDDEN: ActivationName[] = ["sigmoid", "tanh", "relu", "linear"];
const OUTPUTS: [ActivationName, LossName][] = [
  ["sigmoid", "binary-crossentropy"],
  ["softmax", "categorical-crossentropy"],
  ["linear", "mse"],
  ["linear", "sse"],
  ["sigmoid", "mse"],
  ["sigmoid", "sse"],
  ["tanh", "mse"],
  ["relu", "sse"],
  ["softmax", "mse"],
];

function check(seed: number, hidden: ActivationName, out: [ActivationName, LossName], depth: number, reduction: Reduction, l2: number) {
  const rng = new GlassboxRandom(seed);
  const inputs = 1 + (seed % 3);
  const units = out[0] === "softmax" ? 3 : out[1] === "binary-crossentropy" ? 1 : 1 + (seed % 2);
  const specs = [...Array.from({ length: depth }, (_, i) => ({ units: 2 + ((seed + i) % 3), activation: hidden })), { units, activation: out[0] }];
  const net = createNetwork(inputs, specs, out[1]);
  for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.8;
  const n = 5;
  const X = Float64Array.from({ length: n * inputs }, () => rng.normal());
  const Y = new Float64Array(n * units);
  for (let i = 0; i < n; i++) {
    if (out[0] === "softmax" && out[1] === "categorical-crossentropy") Y[i * units + rng.interval(units - 1)] = 1;
    else for (let k = 0; k < units; k++) Y[i * units + k] = out[1] === "binary-crossentropy" ? rng.interval(1) : rng.random();
  }
  const ws = createWorkspace(net, n);
  objectiveAndGradient(net, X, Y, ws, reduction, l2);
  const analytic = ws.grad.slice();
  const h = 1e-6;
  for (let p = 0; p < net.params.length; p++) {
    const keep = net.params[p];
    net.params[p] = keep + h;
    const up = objectiveAndGradient(net, X, Y, ws, reduction, l2);
    net.params[p] = keep - h;
    const down = objectiveAndGradient(net, X, Y, ws, reduction, l2);
    net.params[p] = keep;
    const numeric = (up - down) / (2 * h);
    expect(Math.abs(numeric - analytic[p]), `param ${p}: numeric ${numeric}, backprop ${analytic[p]}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
  }
}

describe("gradients agree with central finite differences", () => {
  for (const hidden of HIDDEN) {
    for (const out of OUTPUTS) {
      it(`${hidden} hidden layers, ${out[0]} output, ${out[1]}`, () => {
        fc.assert(
          fc.property(fc.nat({ max: 1e6 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom<Reduction>("mean", "sum"), fc.constantFrom(0, 0.3), (seed, depth, reduction, l2) => {
            check(seed, hidden, out, depth, reduction, l2);
          }),
          { numRuns: 12 },
        );
      });
    }
  }
});
