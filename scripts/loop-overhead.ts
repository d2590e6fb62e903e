/**
 * The training loop's overhead: the bare engine loop (forward, loss, accuracy, backward, update;
 * nothing recorded) against `glassbox train`'s own loop (trainer with history, metrics, test set,
 * snapshots, callback, the progress line), on the same prepared experiment in the same process,
 * interleaved, medians. `npx tsx scripts/loop-overhead.ts [experiment.json …] [--repeats n] [--threads 1|2]`
 */
import { loadExperiment } from "../src/cli/experiment-file.ts";
import { trainInterruptibly } from "../src/cli/interruptible.ts";
import type { Prepared } from "../src/experiment/prepare.ts";
import { outputLayer } from "../src/nn/network.ts";
import { firstOrderOptimizer } from "../src/nn/trainer.ts";
import { backward, createWorkspace, disposeWorkspace, forward, lossTotal, reportedLoss } from "../src/nn/propagation.ts";
import { accuracy, taskOf } from "../src/nn/targets.ts";
import { setThreads } from "../src/core/wasm/mlp.ts";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Seconds of the bare loop: what every epoch must do, nothing kept. */
function bare(p: Prepared, epochs: number, init: Float64Array): number {
  const net = p.model;
  net.params.set(init);
  const { X, Y } = p.data;
  const n = X.rows;
  const cfg = p.config;
  const ws = createWorkspace(net, n, { lean: true });
  const opt = firstOrderOptimizer(net, cfg);
  const units = outputLayer(net).units;
  const task = taskOf(outputLayer(net).activation);
  let sink = 0;
  const t = performance.now();
  for (let e = 0; e < epochs; e++) {
    const A = forward(net, X.data, ws);
    sink += reportedLoss(net, lossTotal(net, Y, ws), n, cfg.l2 ?? 0, cfg.l1 ?? 0) + accuracy(A, Y, n, units, task);
    backward(net, X.data, Y, ws, cfg.reduction ?? "mean", cfg.l2 ?? 0, n, cfg.l1 ?? 0);
    opt.step(net.params, ws.grad);
  }
  const s = (performance.now() - t) / 1000;
  disposeWorkspace(ws);
  if (Number.isNaN(sink)) process.stderr.write("");
  return s;
}

async function cli(p: Prepared, epochs: number, init: Float64Array): Promise<number> {
  p.model.params.set(init);
  const { result } = await trainInterruptibly(p, epochs, { signals: [] });
  return result.seconds;
}

const args = process.argv.slice(2);
const ri = args.indexOf("--repeats");
const repeats = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 15;
// --threads 1: both loops on one core (the default lets large kernels share a helper thread)
const ti = args.indexOf("--threads");
if (ti >= 0) setThreads(Number(args.splice(ti, 2)[1]) as 1 | 2);
const files = args.length ? args : ["examples/moons-deep.json", "examples/one-feature.json"];
for (const file of files) {
  const p = loadExperiment(file);
  const init = p.model.params.slice();
  // Short repeats, alternating, so that a busy machine weighs on both alike.
  const epochs = Math.min(p.config.epochs, p.model.params.length > 1000 ? 500 : 20000);
  // warm-up, both paths
  bare(p, Math.min(epochs, 2000), init);
  await cli(p, Math.min(epochs, 2000), init);
  const b: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < repeats; r++) {
    b.push(bare(p, epochs, init));
    c.push(await cli(p, epochs, init));
  }
  const mb = median(b);
  const mc = median(c);
  console.log(`${file}: ${epochs} epochs, bare ${(mb / epochs * 1e6).toFixed(2)} µs/epoch, glassbox train's loop ${(mc / epochs * 1e6).toFixed(2)} µs/epoch: ${(((mc / mb) - 1) * 100).toFixed(1)} % overhead (medians of ${repeats})`);
}
