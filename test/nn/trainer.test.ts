/**
 * The resumable trainer: stepping in any chunks gives the bits of one train() call; settings
 * changed between steps keep the optimiser's state (checked against updates applied by hand).
 */
import { describe, expect, it } from "vitest";
import { heapGrowth, xorLike } from "../helpers.ts";
import fc from "fast-check";
import { fromRows, gatherRows, type Matrix } from "../../src/core/matrix.ts";
import { createRandom, GlassboxRandom, shuffle } from "../../src/core/random.ts";
import { initialize } from "../../src/nn/init.ts";
import { createNetwork, type LayerSpec, type Network } from "../../src/nn/network.ts";
import { backward, createWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss } from "../../src/nn/propagation.ts";
import { train, TrainingDivergedError, type TrainConfig, type TrainData } from "../../src/nn/train.ts";
import { createTrainer, type Trainer } from "../../src/nn/trainer.ts";


const LAYERS: LayerSpec[] = [{ units: 5, activation: "tanh" }, { units: 1, activation: "sigmoid" }];
function fresh(seed = 3): Network {
  const net = createNetwork(2, LAYERS, "binary-crossentropy");
  initialize(net, { scheme: "xavier", seed });
  return net;
}

const DATA: TrainData = (() => {
  const train = xorLike(37, 1);
  const test = xorLike(15, 2);
  return { ...train, testX: test.X, testY: test.Y };
})();

/** One config per optimiser kind and mini-batch variant, each with a test set, snapshots and sparse history. */
const CONFIGS: Record<string, TrainConfig> = {
  gd: { optimizer: "gd", learningRate: 0.5, epochs: 23, paramsAt: [0, 4, 23], recordEvery: 3 },
  "gd, l1 + l2, sum": { optimizer: "gd", learningRate: 0.02, epochs: 20, reduction: "sum", l1: 0.01, l2: 0.1 },
  "sgd, mini-batches": { optimizer: "sgd", learningRate: 0.2, epochs: 15, batchSize: 8, seed: 7, paramsAt: [2, 15] },
  "sgd, momentum, numpy rng": { optimizer: "sgd", learningRate: 0.1, epochs: 15, batchSize: 10, momentum: 0.9, seed: 3, rng: "numpy", l2: 0.01 },
  "sgd, nesterov, full batch": { optimizer: "sgd", learningRate: 0.1, epochs: 20, momentum: 0.8, nesterov: true },
  adam: { optimizer: "adam", learningRate: 0.02, epochs: 20, recordEvery: 4 },
  "adam, mini-batches": { optimizer: "adam", learningRate: 0.01, epochs: 12, batchSize: 9, seed: 5, l1: 0.001 },
  lbfgs: { optimizer: "lbfgs", epochs: 15, paramsAt: [0, 10, 15] },
  "lbfgs, l2, to convergence": { optimizer: "lbfgs", epochs: 400, l2: 0.1, paramsAt: [1000] },
};

interface Outcome {
  params: number[];
  history: unknown;
  snapshots: unknown;
  epochs: number;
  stoppedBy: string | null;
}

function reference(cfg: TrainConfig): Outcome {
  const net = fresh();
  const r = train(net, DATA, cfg);
  return { params: Array.from(net.params), history: r.history, snapshots: r.snapshots, epochs: r.epochs, stoppedBy: r.stoppedBy };
}

/** Steps through `chunks` (repeating the last) until the trainer stops, with the page's calls in between. */
function chunked(cfg: TrainConfig, chunks: number[]): Outcome {
  const net = fresh();
  const t = createTrainer(net, DATA, cfg);
  let i = 0;
  const seen: number[] = [];
  while (t.stoppedBy === null) {
    const k = chunks[Math.min(i++, chunks.length - 1)];
    const before = t.epoch;
    const ran = t.step(k);
    expect(ran).toBeLessThanOrEqual(k);
    expect(t.epoch).toBe(before + ran);
    const snap = t.snapshot();
    expect(snap.epoch).toBe(t.epoch);
    seen.push(snap.params[0]);
    t.update({ learningRate: t.settings.learningRate, l2: t.settings.l2, batchSize: t.settings.batchSize }); // no change: keeps everything
  }
  expect(t.epoch).toBeLessThanOrEqual(cfg.epochs);
  t.dispose();
  return { params: Array.from(net.params), history: t.history, snapshots: t.snapshots, epochs: t.epoch, stoppedBy: t.stoppedBy };
}

describe("createTrainer: stepping in chunks is one train() call, bit for bit", () => {
  for (const [name, cfg] of Object.entries(CONFIGS)) {
    it(name, () => {
      const ref = reference(cfg);
      expect(ref.epochs).toBeGreaterThan(1);
      for (const chunks of [[1], [7, 3], [2, 5, 1], [1000]]) expect(chunked(cfg, chunks), `chunks ${chunks}`).toEqual(ref);
    });
  }

  it("for any chunking (property)", () => {
    const refs = Object.fromEntries(Object.entries(CONFIGS).map(([k, c]) => [k, reference(c)]));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(CONFIGS)), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (name, chunks) => {
        expect(chunked(CONFIGS[name], chunks)).toEqual(refs[name]);
      }),
      { numRuns: 40 },
    );
  });

  it("L-BFGS stops as converged, and stepping a stopped trainer does nothing", () => {
    const t = createTrainer(fresh(), DATA, CONFIGS["lbfgs, l2, to convergence"]);
    expect(t.step(Infinity)).toBeLessThan(400);
    expect(t.stoppedBy).toBe("converged");
    const p = t.snapshot().params;
    expect(t.step(5)).toBe(0);
    expect(t.snapshot().params).toEqual(p);
    // The snapshot asked for after the end is the final point, as train() keeps it.
    expect(t.snapshots.map((s) => s.epoch)).toEqual([t.epoch]);
  });
});

describe("createTrainer: epochs", () => {
  it("numbers epochs from 1, measures each before its update, never steps past `epochs`", () => {
    const net = fresh();
    const ws = createWorkspace(net, DATA.X.rows);
    forward(net, DATA.X.data, ws);
    const initial = reportedLoss(net, lossTotal(net, DATA.Y, ws), DATA.X.rows, 0);
    const t = createTrainer(net, DATA, { optimizer: "gd", learningRate: 0.5, epochs: 5 });
    expect(t.epoch).toBe(0);
    expect(t.stoppedBy).toBeNull();
    expect(t.step()).toBe(1);
    expect(t.history.epoch).toEqual([1]);
    expect(t.history.loss[0]).toBe(initial);
    expect(t.step(10)).toBe(4);
    expect(t.stoppedBy).toBe("epochs");
    expect(t.step(10)).toBe(0);
    expect(t.epoch).toBe(5);
  });

  it("trains open-ended with epochs: Infinity", () => {
    const t = createTrainer(fresh(), DATA, { optimizer: "adam", learningRate: 0.01, epochs: Infinity, recordEvery: 10 });
    expect(t.step(25)).toBe(25);
    expect(t.step(15)).toBe(15);
    expect(t.stoppedBy).toBeNull();
    expect(t.history.epoch).toEqual([1, 10, 20, 30, 40]);
    t.update({ epochs: 42 });
    expect(t.step(10)).toBe(2);
    expect(t.stoppedBy).toBe("epochs");
  });

  it("raising epochs after the end goes on as if it had been asked for from the start", () => {
    for (const cfg of [CONFIGS["sgd, momentum, numpy rng"], CONFIGS.adam, CONFIGS.lbfgs]) {
      const longer = { ...cfg, epochs: cfg.epochs + 9, recordEvery: 1, paramsAt: undefined };
      const ref = reference(longer);
      const net = fresh();
      const t = createTrainer(net, DATA, { ...longer, epochs: cfg.epochs });
      t.step(Infinity);
      expect(t.stoppedBy).toBe("epochs");
      t.update({ epochs: longer.epochs });
      expect(t.stoppedBy).toBeNull();
      t.step(Infinity);
      expect(Array.from(net.params), cfg.optimizer).toEqual(ref.params);
      expect(t.history).toEqual(ref.history);
    }
  });

  it("lowering epochs to the epochs run stops it", () => {
    const t = createTrainer(fresh(), DATA, { optimizer: "gd", epochs: 100 });
    t.step(10);
    t.update({ epochs: 8 });
    expect(t.stoppedBy).toBe("epochs");
    expect(t.step()).toBe(0);
  });

  it("stops when onEpoch returns false, as train() does", () => {
    const t = createTrainer(fresh(), DATA, { optimizer: "sgd", epochs: 50, batchSize: 5, onEpoch: (e) => e.epoch < 6, paramsAt: [0, 20] });
    expect(t.step(Infinity)).toBe(6);
    expect(t.stoppedBy).toBe("callback");
    expect(t.snapshots.map((s) => s.epoch)).toEqual([0, 6]);
  });
});

describe("createTrainer: settings changed between steps keep the optimiser's state", () => {
  /** Full-batch mean gradient of the data at the network's parameters (and the objective). */
  function gradientAt(net: Network, l2 = 0, l1 = 0) {
    const ws = createWorkspace(net, DATA.X.rows);
    objectiveAndGradient(net, DATA.X.data, DATA.Y, ws, "mean", l2, l1);
    return ws.grad.slice();
  }

  it("Adam: a new learning rate mid-run continues its moments and step count (against Adam by hand)", () => {
    const lr = (epoch: number) => (epoch <= 5 ? 0.03 : 0.004);
    // By hand: Keras' Adam, m and v carried through, t counting on.
    const hand = fresh();
    const m = new Float64Array(hand.params.length);
    const v = new Float64Array(hand.params.length);
    const [b1, b2, eps] = [0.9, 0.999, 1e-7];
    for (let t = 1; t <= 10; t++) {
      const g = gradientAt(hand);
      const alpha = (lr(t) * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
      for (let i = 0; i < g.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        hand.params[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + eps);
      }
    }
    const net = fresh();
    const t = createTrainer(net, DATA, { optimizer: "adam", learningRate: lr(1), epochs: 10 });
    t.step(5);
    t.update({ learningRate: lr(6) });
    t.step(5);
    expect(Array.from(net.params)).toEqual(Array.from(hand.params));

    // The check can tell: an Adam started afresh at epoch 6 (moments and t lost) ends elsewhere.
    const restarted = fresh();
    const a = createTrainer(restarted, DATA, { optimizer: "adam", learningRate: lr(1), epochs: 5 });
    a.step(5);
    createTrainer(restarted, DATA, { optimizer: "adam", learningRate: lr(6), epochs: 5 }).step(5);
    const gap = Math.max(...Array.from(net.params, (p, i) => Math.abs(p - restarted.params[i])));
    expect(gap).toBeGreaterThan(1e-4);
  });

  it("momentum: a new learning rate and momentum keep the velocity (against SGD by hand)", () => {
    const hand = fresh();
    const vel = new Float64Array(hand.params.length);
    for (let epoch = 1; epoch <= 8; epoch++) {
      const [lr, mu] = epoch <= 4 ? [0.3, 0.9] : [0.1, 0.5];
      const g = gradientAt(hand);
      for (let i = 0; i < g.length; i++) {
        vel[i] = mu * vel[i] - lr * g[i];
        hand.params[i] += vel[i];
      }
    }
    const net = fresh();
    const t = createTrainer(net, DATA, { optimizer: "sgd", learningRate: 0.3, momentum: 0.9, epochs: 8 });
    t.step(4);
    t.update({ learningRate: 0.1, momentum: 0.5 });
    t.step(4);
    expect(Array.from(net.params)).toEqual(Array.from(hand.params));
  });

  it("plain SGD → momentum mid-run starts the velocity at zero; l1 and l2 change the objective from the next epoch", () => {
    const hand = fresh();
    const vel = new Float64Array(hand.params.length);
    const losses: number[] = [];
    const ws = createWorkspace(hand, DATA.X.rows);
    for (let epoch = 1; epoch <= 6; epoch++) {
      const [l2, l1] = epoch <= 3 ? [0, 0] : [0.2, 0.05];
      forward(hand, DATA.X.data, ws);
      losses.push(reportedLoss(hand, lossTotal(hand, DATA.Y, ws), DATA.X.rows, l2, l1));
      const g = gradientAt(hand, l2, l1);
      if (epoch <= 3) for (let i = 0; i < g.length; i++) hand.params[i] -= 0.4 * g[i];
      else
        for (let i = 0; i < g.length; i++) {
          vel[i] = 0.7 * vel[i] - 0.4 * g[i];
          hand.params[i] += vel[i];
        }
    }
    const net = fresh();
    const t = createTrainer(net, DATA, { optimizer: "sgd", learningRate: 0.4, epochs: 6 });
    t.step(3);
    t.update({ momentum: 0.7, l2: 0.2, l1: 0.05 });
    t.step(3);
    expect(Array.from(net.params)).toEqual(Array.from(hand.params));
    expect(t.history.loss).toEqual(losses);
  });

  it("mini-batches: the shuffling stream goes on across a learning-rate change and a batch-size round trip", () => {
    // By hand: one stream seeded once; each epoch a fresh permutation, rows gathered, gd per batch.
    const hand = fresh();
    const rng = createRandom("glassbox", 11);
    const n = DATA.X.rows;
    const order = new Int32Array(n);
    const Yall: Matrix = { rows: n, cols: 1, data: DATA.Y };
    const epochOf = (lr: number, batch: number) => {
      if (batch === n) {
        const g = gradientAt(hand);
        for (let i = 0; i < g.length; i++) hand.params[i] -= lr * g[i];
        return;
      }
      for (let i = 0; i < n; i++) order[i] = i;
      shuffle(rng, order);
      for (let from = 0; from < n; from += batch) {
        const to = Math.min(from + batch, n);
        const m = to - from;
        const Xb = { rows: m, cols: 2, data: new Float64Array(m * 2) };
        const Yb = { rows: m, cols: 1, data: new Float64Array(m) };
        gatherRows(DATA.X, order, from, to, Xb);
        gatherRows(Yall, order, from, to, Yb);
        const ws = createWorkspace(hand, m);
        forward(hand, Xb.data, ws);
        backward(hand, Xb.data, Yb.data, ws, "mean");
        for (let i = 0; i < ws.grad.length; i++) hand.params[i] -= lr * ws.grad[i];
      }
    };
    const plan: [number, number][] = [[0.3, 8], [0.3, 8], [0.1, 8], [0.1, n], [0.1, 6], [0.1, 6]];
    for (const [lr, batch] of plan) epochOf(lr, batch);

    const net = fresh();
    const t = createTrainer(net, DATA, { optimizer: "sgd", learningRate: 0.3, batchSize: 8, seed: 11, epochs: 6 });
    t.step(2);
    t.update({ learningRate: 0.1 });
    t.step(1);
    t.update({ batchSize: null });
    t.step(1);
    t.update({ batchSize: 6 });
    t.step(2);
    for (let i = 0; i < net.params.length; i++) expect(net.params[i]).toBeCloseTo(hand.params[i], 14);
  });

  it("L-BFGS: a changed penalty restarts its memory at the current point", () => {
    const net = fresh();
    const t = createTrainer(net, DATA, { optimizer: "lbfgs", epochs: 20 });
    t.step(6);
    t.update({ l2: 0.3 });
    t.step(4);
    // The same as a new L-BFGS run from epoch 6's point with the new objective.
    const again = fresh();
    const a = createTrainer(again, DATA, { optimizer: "lbfgs", epochs: 6 });
    a.step(6);
    const b = createTrainer(again, DATA, { optimizer: "lbfgs", epochs: 4, l2: 0.3 });
    b.step(4);
    expect(Array.from(net.params)).toEqual(Array.from(again.params));
    expect(t.history.loss.slice(6)).toEqual(b.history.loss);
  });

  it("rejects a setting it could not use, naming it", () => {
    const t = createTrainer(fresh(), DATA, { optimizer: "gd", epochs: 3 });
    expect(() => t.update({ learningRate: -1 })).toThrow(/learningRate/);
    expect(() => t.update({ batchSize: 2.5 })).toThrow(/batchSize/);
    expect(() => t.update({ epochs: NaN })).toThrow(/epochs/);
    expect(t.settings.learningRate).toBe(0.01);
  });
});

describe("createTrainer: the page's edits, snapshots and lifetime", () => {
  it("edited weights are trained from on the next step (gd and L-BFGS)", () => {
    for (const optimizer of ["gd", "lbfgs"] as const) {
      const net = fresh();
      const t = createTrainer(net, DATA, { optimizer, learningRate: 0.5, epochs: 20 } as TrainConfig);
      t.step(3);
      net.params[0] = 1.5;
      net.params[4] = -0.75;
      const edited = net.params.slice();
      const ws = createWorkspace(net, DATA.X.rows);
      forward(net, DATA.X.data, ws);
      const loss = reportedLoss(net, lossTotal(net, DATA.Y, ws), DATA.X.rows, 0);
      t.step(2);
      expect(t.history.loss[3], optimizer).toBe(loss);
      // From the edited point on, the same as a fresh run from there (for L-BFGS: a fresh memory).
      const other = fresh();
      other.params.set(edited);
      const cfg: TrainConfig = optimizer === "gd" ? { optimizer, learningRate: 0.5, epochs: 2 } : { optimizer, epochs: 2 };
      createTrainer(other, DATA, cfg).step(2);
      expect(Array.from(net.params), optimizer).toEqual(Array.from(other.params));
    }
  });

  it("snapshot() is a transferable copy", () => {
    const net = fresh();
    const t = createTrainer(net, DATA, CONFIGS.adam);
    t.step(3);
    const s = t.snapshot();
    expect(s.epoch).toBe(3);
    expect(s.params).toBeInstanceOf(Float64Array);
    expect(Array.from(s.params)).toEqual(Array.from(net.params));
    s.params[0] = 99;
    expect(net.params[0]).not.toBe(99);
    t.step(1);
    expect(s.params[1]).not.toBe(net.params[1]);
  });

  it("step() and update() after dispose() throw; a divergence is thrown again by later steps", () => {
    const t = createTrainer(fresh(), DATA, CONFIGS.gd);
    t.step();
    t.dispose();
    expect(() => t.step()).toThrow(/disposed/);
    expect(() => t.update({ learningRate: 0.1 })).toThrow(/disposed/);

    const rows = Array.from({ length: 20 }, (_, i) => [i * 1e3]);
    const data = { X: fromRows(rows), Y: Float64Array.from(rows.map((r) => r[0] * 3)) };
    const d = createTrainer(createNetwork(1, [{ units: 1, activation: "linear" }], "mse"), data, { optimizer: "gd", learningRate: 1, epochs: Infinity });
    let error: unknown;
    try {
      d.step(1000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect(() => d.step()).toThrow(error as Error);
    d.dispose();
  });

  it("after a divergence, holds the last good parameters and says how many epochs they are of", () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i / 2]);
    const data = { X: fromRows(rows), Y: Float64Array.from(rows.map((r) => r[0] * 3)) };
    const net = createNetwork(1, [{ units: 1, activation: "linear" }], "mse");
    const config = { optimizer: "gd", learningRate: 0.5, epochs: Infinity } as const;
    const start = net.params.slice();
    const t = createTrainer(net, data, config);
    // Each epoch's parameters, as a trainer stepped that far holds them.
    const after: Float64Array[] = [start];
    let error: TrainingDivergedError | null = null;
    while (!error) {
      try {
        t.step(1);
        after.push(net.params.slice());
      } catch (e) {
        error = e as TrainingDivergedError;
      }
    }
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const k = error.epoch;
    expect(k).toBeGreaterThan(2);
    expect(t.epoch).toBe(k - 1);
    // Epoch k's loss, measured at the parameters it started from (after k − 1 epochs), diverged: those after k − 2 are put back.
    expect(t.paramsEpoch).toBe(k - 2);
    expect(net.params).toEqual(after[k - 2]);
    t.dispose();
  });

  it("allocates nothing per epoch when stepped one epoch at a time", () => {
    const data = xorLike(200);
    const t: Trainer = createTrainer(fresh(), data, { optimizer: "adam", epochs: Infinity, recordEvery: 1e9 });
    for (let i = 0; i < 100; i++) t.step(1); // warm up the JIT
    const grown = heapGrowth(() => {
      for (let i = 0; i < 5000; i++) t.step(1);
    });
    // 5,000 epochs × even one 3 KB buffer each would be 15 MB.
    expect(grown).toBeLessThan(4_000_000);
    t.dispose();
  });
});
