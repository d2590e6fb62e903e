/**
 * The update a trace ends with is the one training takes from the same weights: a gradient step at
 * η for gd, and for L-BFGS its first iteration (no memory yet: along −∇ of the mean objective,
 * α from the line search), which the page's step inspector shows and its Apply performs.
 */
import { describe, expect, it } from "vitest";
import { xorLike } from "../helpers.ts";
import { initialize } from "../../src/nn/init.ts";
import { createNetwork, type LayerSpec, type Network } from "../../src/nn/network.ts";
import { createWorkspace, objectiveAndGradient } from "../../src/nn/propagation.ts";
import { trace, type Trace } from "../../src/nn/trace.ts";
import { train } from "../../src/nn/train.ts";
import { fitsTwelveSteps } from "../../src/viz/views/twelve-steps.ts";

const LAYERS: LayerSpec[] = [{ units: 4, activation: "tanh" }, { units: 1, activation: "sigmoid" }];
const { X, Y } = xorLike(30, 4);

function fresh(): Network {
  const net = createNetwork(2, LAYERS, "binary-crossentropy");
  initialize(net, { scheme: "xavier", seed: 5 });
  return net;
}

/** The updated parameters a trace shows, in the engine's layout (W₁ row-major, b₁, W₂, b₂). */
function updated(t: Trace, layers: number): number[] {
  const out: number[] = [];
  for (let l = 1; l <= layers; l++) {
    out.push(...t.steps.find((s) => s.name === `W${l}'`)!.value.flat());
    out.push(...t.steps.find((s) => s.name === `b${l}'`)!.value.flat());
  }
  return out;
}

describe("the trace's update", () => {
  for (const l2 of [0, 0.05]) {
    it(`L-BFGS${l2 ? ", with l2" : ""}: the point one epoch of L-BFGS training reaches from these weights, along −∇ with the α it names`, () => {
      const net = fresh();
      const before = net.params.slice();
      const t = trace(net, X.data, Y, X.rows, { learningRate: 0.1, optimizer: "lbfgs", l2, reduction: "mean" });
      expect(Array.from(net.params)).toEqual(Array.from(before));
      const shown = updated(t, LAYERS.length);

      const trained = fresh();
      train(trained, { X, Y }, { optimizer: "lbfgs", epochs: 1, l2 });
      expect(shown).toEqual(Array.from(trained.params));
      expect(shown).not.toEqual(Array.from(before));

      // x' − x = −α·∇f(x) in every component, with the α the title gives.
      const g = new Float64Array(net.params.length);
      const ws = createWorkspace(net, X.rows);
      objectiveAndGradient(net, X.data, Y, ws, "mean", l2);
      g.set(ws.grad);
      const title = t.steps.find((s) => s.name === "W1'")!.title;
      const alpha = t.lbfgs!.alpha;
      expect(alpha).toBeGreaterThan(0);
      // The title names it to four digits (a step title is one line).
      expect(title).toBe(`updated W1 (L-BFGS, α = ${Number(alpha.toPrecision(4))} from its line search)`);
      for (let i = 0; i < g.length; i++) expect(shown[i] - before[i]).toBeCloseTo(-alpha * g[i], 12);
      expect(t.steps.find((s) => s.name === "W1'")!.formula).toBe("W1' = W1 − α·dW1");
      expect(t.optimizer).toBe("lbfgs");
    });
  }

  it("L-BFGS at a minimum takes no step, and says so", () => {
    const net = fresh();
    train(net, { X, Y }, { optimizer: "lbfgs", epochs: 2000, tolerance: 1e-6 });
    const at = Array.from(net.params);
    const t = trace(net, X.data, Y, X.rows, { learningRate: 0.1, optimizer: "lbfgs", tolerance: 1e-3 });
    expect(updated(t, LAYERS.length)).toEqual(at);
    expect(t.steps.find((s) => s.name === "W1'")!.title).toBe("updated W1 (L-BFGS takes no step: the gradient is below its tolerance)");
    expect(t.lbfgs).toEqual({ alpha: 0, stopped: "gtol" });
  });

  it("L-BFGS is never drawn in the twelve-steps article's layout (its update is not wout + …·lr)", () => {
    const net = createNetwork(2, [{ units: 3, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }], "sse");
    initialize(net, { scheme: "xavier", seed: 5 });
    const opts = { learningRate: 0.1, reduction: "sum" as const };
    expect(fitsTwelveSteps(trace(net, X.data, Y, X.rows, opts))).toBe(true);
    expect(fitsTwelveSteps(trace(net, X.data, Y, X.rows, { ...opts, optimizer: "lbfgs" }))).toBe(false);
  });

  it("gd: W − η·dW at the η it names", () => {
    const net = fresh();
    const t = trace(net, X.data, Y, X.rows, { learningRate: 0.3, reduction: "sum" });
    const trained = fresh();
    train(trained, { X, Y }, { optimizer: "gd", learningRate: 0.3, reduction: "sum", epochs: 1 });
    expect(updated(t, LAYERS.length)).toEqual(Array.from(trained.params));
    expect(t.steps.find((s) => s.name === "W1'")!.title).toBe("updated W1 (η = 0.3)");
    expect(t.steps.find((s) => s.name === "b2'")!.formula).toBe("b2' = b2 − η·db2");
  });
});
