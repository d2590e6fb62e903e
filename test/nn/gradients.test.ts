/**
 * Backpropagation against central finite differences, over random small networks:
 * every hidden activation × every (output activation, loss) pair × depth, both reductions, with and without L2 and L1.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GlassboxRandom } from "../../src/core/random.ts";
import { activation, ACTIVATION_NAMES, type ActivationName } from "../../src/nn/activations.ts";
import { loss, LOSS_NAMES, type LossName } from "../../src/nn/losses.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { createWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss, type Reduction } from "../../src/nn/propagation.ts";

// From the registries: every activation a hidden layer may have, and every output activation with every loss it accepts.
const HIDDEN: ActivationName[] = ACTIVATION_NAMES.filter((a) => !activation(a).outputOnly);
const OUTPUTS: [ActivationName, LossName][] = ACTIVATION_NAMES.flatMap((a) => LOSS_NAMES.filter((l) => [null, a].includes(loss(l).requiresOutput)).map((l): [ActivationName, LossName] => [a, l]));

function check(seed: number, hidden: ActivationName, out: [ActivationName, LossName], depth: number, reduction: Reduction, l2: number, l1 = 0) {
  const rng = new GlassboxRandom(seed);
  const inputs = 1 + (seed % 3);
  const units = out[0] === "softmax" ? 3 : out[1] === "binary-crossentropy" ? 1 : 1 + (seed % 2);
  const specs = [...Array.from({ length: depth }, (_, i) => ({ units: 2 + ((seed + i) % 3), activation: hidden })), { units, activation: out[0] }];
  const net = createNetwork(inputs, specs, out[1]);
  for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.8;
  // |W| has a kink at 0: keep every weight well away from it (biases are not penalised).
  if (l1 > 0) for (const l of net.layers) for (let i = 0; i < l.W.length; i++) if (Math.abs(l.W[i]) < 0.05) l.W[i] = l.W[i] < 0 ? -0.05 : 0.05;
  const n = 5;
  const X = Float64Array.from({ length: n * inputs }, () => rng.normal());
  const Y = new Float64Array(n * units);
  for (let i = 0; i < n; i++) {
    if (out[0] === "softmax" && out[1] === "categorical-crossentropy") Y[i * units + rng.interval(units - 1)] = 1;
    else for (let k = 0; k < units; k++) Y[i * units + k] = out[1] === "binary-crossentropy" ? rng.interval(1) : rng.random();
  }
  const ws = createWorkspace(net, n);
  objectiveAndGradient(net, X, Y, ws, reduction, l2, l1);
  const analytic = ws.grad.slice();
  const h = 1e-6;
  for (let p = 0; p < net.params.length; p++) {
    const keep = net.params[p];
    net.params[p] = keep + h;
    const up = objectiveAndGradient(net, X, Y, ws, reduction, l2, l1);
    net.params[p] = keep - h;
    const down = objectiveAndGradient(net, X, Y, ws, reduction, l2, l1);
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
          fc.property(fc.nat({ max: 1e6 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom<Reduction>("mean", "sum"), fc.constantFrom(0, 0.3), fc.constantFrom(0, 0.2), (seed, depth, reduction, l2, l1) => {
            check(seed, hidden, out, depth, reduction, l2, l1);
          }),
          { numRuns: 12 },
        );
      });
    }
  }
});

describe("the L1 penalty (scikit-learn's convention, as L2's)", () => {
  const net = createNetwork(2, [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
  net.params.set([0.5, -0.25, 0, 1.5, 0.1, -0.2, -2, 0.75, 0.3]); // W1 (2×2), b1, W2 (1×2), b2
  const X = Float64Array.of(1, 2, -1, 0.5, 0.25, -3);
  const Y = Float64Array.of(1, 0, 1);
  const ws = createWorkspace(net, 3);

  it("adds l1·Σ|W| (biases not included) to the summed loss: mean + l1/n·Σ|W| as reported", () => {
    forward(net, X, ws);
    const total = lossTotal(net, Y, ws);
    const absW = 0.5 + 0.25 + 0 + 1.5 + 2 + 0.75;
    expect(reportedLoss(net, total, 3, 0, 0.4)).toBeCloseTo(total / 3 + (0.4 / 3) * absW, 15);
    expect(reportedLoss(net, total, 3, 0.2, 0.4)).toBeCloseTo(total / 3 + (0.2 / 6) * (0.25 + 0.0625 + 2.25 + 4 + 0.5625) + (0.4 / 3) * absW, 15);
    expect(objectiveAndGradient(net, X, Y, ws, "sum", 0, 0.4)).toBeCloseTo(total + 0.4 * absW, 14);
  });

  it("adds s·l1·sign(W) to dW, with sign(0) = 0, and nothing to db", () => {
    objectiveAndGradient(net, X, Y, ws, "mean");
    const plain = ws.grad.slice();
    objectiveAndGradient(net, X, Y, ws, "mean", 0, 0.3);
    const c = 0.3 / 3;
    expect(Array.from(ws.grad, (g, i) => g - plain[i])).toEqual([c, -c, 0, c, 0, 0, -c, c, 0].map((v, i) => expect.closeTo(v, 15) as unknown as number));
  });
});
