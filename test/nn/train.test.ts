import { describe, expect, it } from "vitest";
import { heapGrowth, xorLike } from "../helpers.ts";
import { fromRows } from "../../src/core/matrix.ts";
import { GlassboxRandom } from "../../src/core/random.ts";
import { initialize } from "../../src/nn/init.ts";
import { createNetwork, type LayerSpec } from "../../src/nn/network.ts";
import { createWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss } from "../../src/nn/propagation.ts";
import { accuracy } from "../../src/nn/targets.ts";
import { train, TrainingDivergedError, type TrainConfig } from "../../src/nn/train.ts";

const LAYERS: LayerSpec[] = [{ units: 6, activation: "tanh" }, { units: 1, activation: "sigmoid" }];
function fresh(seed = 3) {
  const net = createNetwork(2, LAYERS, "binary-crossentropy");
  initialize(net, { scheme: "xavier", seed });
  return net;
}

describe("the training loop", () => {
  it("records the loss of epoch k before its update (ARCHITECTURE §2)", () => {
    const data = xorLike();
    const net = fresh();
    const ws = createWorkspace(net, data.X.rows);
    forward(net, data.X.data, ws);
    const initial = lossTotal(net, data.Y, ws) / data.X.rows;
    const r = train(net, data, { optimizer: "gd", learningRate: 0.5, epochs: 3 });
    expect(r.history.epoch).toEqual([1, 2, 3]);
    expect(r.history.loss[0]).toBe(initial);
    expect(r.history.loss[2]).toBeLessThan(r.history.loss[0]);
  });

  it("L-BFGS reports each epoch's loss and accuracy at the point before its iteration, as a forward pass there measures them", () => {
    const data = xorLike();
    const epochs = 12;
    const r = train(fresh(), data, { optimizer: "lbfgs", epochs, l2: 0.05, paramsAt: Array.from({ length: epochs + 1 }, (_, e) => e) });
    expect(r.history.epoch.length).toBeGreaterThan(5);
    const net = fresh();
    const ws = createWorkspace(net, data.X.rows);
    r.history.epoch.forEach((epoch, i) => {
      // The parameters after epoch − 1 are those epoch `epoch` starts from.
      net.params.set(r.snapshots[epoch - 1].layers.flatMap((l) => [...l.W.flat(), ...l.b]));
      const A = forward(net, data.X.data, ws);
      expect(r.history.loss[i], `epoch ${epoch}`).toBe(reportedLoss(net, lossTotal(net, data.Y, ws), data.X.rows, 0.05));
      expect(r.history.accuracy[i], `epoch ${epoch}`).toBe(accuracy(A, data.Y, data.X.rows, 1, "binary"));
    });
  });

  it("plain gradient descent is θ ← θ − η·∇ of the mean loss", () => {
    const data = xorLike();
    const net = fresh();
    const ws = createWorkspace(net, data.X.rows);
    objectiveAndGradient(net, data.X.data, data.Y, ws, "mean");
    const expected = net.params.map((p, i) => p - 0.3 * ws.grad[i]);
    train(net, data, { optimizer: "gd", learningRate: 0.3, epochs: 1 });
    expect(Array.from(net.params)).toEqual(Array.from(expected));
  });

  it("reduction 'sum' scales the gradient by n and nothing else", () => {
    const data = xorLike();
    const a = fresh();
    const b = fresh();
    train(a, data, { optimizer: "gd", learningRate: 0.1, epochs: 1, reduction: "mean" });
    train(b, data, { optimizer: "gd", learningRate: 0.1 / data.X.rows, epochs: 1, reduction: "sum" });
    for (let i = 0; i < a.params.length; i++) expect(b.params[i]).toBeCloseTo(a.params[i], 12);
  });

  it("keeps snapshots at the requested epochs and records every k epochs", () => {
    const data = xorLike();
    const net = fresh();
    const r = train(net, data, { optimizer: "gd", learningRate: 0.5, epochs: 10, paramsAt: [0, 5, 10], recordEvery: 4 });
    expect(r.snapshots.map((s) => s.epoch)).toEqual([0, 5, 10]);
    expect(r.snapshots[2].layers.flatMap((l) => [...l.W.flat(), ...l.b])).toEqual(Array.from(net.params));
    expect(r.history.epoch).toEqual([1, 4, 8, 10]);
  });

  it("stops when onEpoch returns false, keeping the final parameters as the last snapshot", () => {
    const seen: number[] = [];
    const net = fresh();
    const r = train(net, xorLike(), { optimizer: "adam", epochs: 100, paramsAt: [0, 5, 50, 100], onEpoch: (e) => (seen.push(e.epoch), e.epoch < 7) });
    expect(r.epochs).toBe(7);
    expect(r.stoppedBy).toBe("callback");
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.snapshots.map((s) => s.epoch)).toEqual([0, 5, 7]);
    expect(r.snapshots[2].layers.flatMap((l) => [...l.W.flat(), ...l.b])).toEqual(Array.from(net.params));
  });

  it("mini-batches are seeded: same seed, same result; another seed, another result", () => {
    const data = xorLike(50);
    const cfg: TrainConfig = { optimizer: "sgd", learningRate: 0.1, epochs: 5, batchSize: 8, momentum: 0.9, seed: 4 };
    const a = fresh();
    const b = fresh();
    const c = fresh();
    train(a, data, cfg);
    train(b, data, cfg);
    train(c, data, { ...cfg, seed: 5 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
  });

  it("Adam's first step is Keras': η·√(1−β₂)/(1−β₁)·m/(√v + ε), about η against the gradient's sign", () => {
    const data = xorLike();
    const net = fresh();
    const ws = createWorkspace(net, data.X.rows);
    objectiveAndGradient(net, data.X.data, data.Y, ws, "mean");
    const before = net.params.slice();
    train(net, data, { optimizer: "adam", learningRate: 0.01, epochs: 1 });
    for (let i = 0; i < before.length; i++) {
      const g = ws.grad[i];
      const r = Math.sqrt(0.001) * Math.abs(g); // √v after one step
      expect(before[i] - net.params[i]).toBeCloseTo((0.01 * Math.sign(g) * r) / (r + 1e-7), 14);
    }
  });

  it("every optimiser learns XOR-like data", () => {
    for (const cfg of [
      { optimizer: "gd", learningRate: 1, epochs: 2000 },
      { optimizer: "sgd", learningRate: 0.1, epochs: 300, batchSize: 10, momentum: 0.9, nesterov: true },
      { optimizer: "adam", learningRate: 0.05, epochs: 300, batchSize: 16 },
      { optimizer: "lbfgs", epochs: 300 },
    ] as TrainConfig[]) {
      const r = train(fresh(), xorLike(60), cfg);
      expect(r.history.accuracy.at(-1), cfg.optimizer).toBeGreaterThan(0.9);
    }
  });

  it("a diverging run stops with the epoch named", () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i * 1e3]);
    const data = { X: fromRows(rows), Y: Float64Array.from(rows.map((r) => r[0] * 3)) };
    const net = createNetwork(1, [{ units: 1, activation: "linear" }], "mse");
    let error: unknown;
    try {
      train(net, data, { optimizer: "gd", learningRate: 1, epochs: 1000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const d = error as TrainingDivergedError;
    expect(d.message).toMatch(/^training diverged at epoch \d+: the loss (became (NaN|Infinity)|grew from [\d.e+]+ \(epoch \d+\) to [\d.e+]+)\. Lower train\.learningRate \(now 1\)/);
    expect(d.epoch).toBeGreaterThan(1);
    expect(d.history.loss).toHaveLength(d.epoch - 1);
  });

  it("reports test loss and accuracy at the same parameters as the training loss", () => {
    const data = xorLike(40, 1);
    const test = xorLike(30, 2);
    const net = fresh();
    const r = train(net, { ...data, testX: test.X, testY: test.Y }, { optimizer: "gd", learningRate: 0.5, epochs: 2 });
    const probe = fresh();
    const ws = createWorkspace(probe, test.X.rows);
    forward(probe, test.X.data, ws);
    expect(r.history.testLoss![0]).toBe(lossTotal(probe, test.Y, ws) / test.X.rows);
    expect(r.history.testAccuracy).toHaveLength(2);
  });

  it("allocates its buffers once: a long run keeps the heap flat", () => {
    const data = xorLike(200);
    const net = fresh();
    train(net, data, { optimizer: "gd", learningRate: 0.1, epochs: 50 }); // warm up the JIT
    const grown = heapGrowth(() => void train(net, data, { optimizer: "gd", learningRate: 0.1, epochs: 5000, recordEvery: 5000 }));
    // 5,000 epochs × even one 3 KB buffer each would be 15 MB.
    expect(grown).toBeLessThan(4_000_000);
  });
});
