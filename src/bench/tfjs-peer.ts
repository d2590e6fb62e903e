/**
 * The TensorFlow.js peer of `glassbox bench`, run as a child process:
 *   node --import tsx src/bench/tfjs-peer.ts cpu|wasm  < spec.json
 * Reads the same workload description as bench/numpy_peer.py and answers the same JSON (one line
 * starting with "RESULT ", since TensorFlow.js may print notices of its own).
 *
 * The network is the one Glassbox trains: dense layers with W stored out × in (so Z = A·Wᵀ + b),
 * the same initial parameters, full-batch gradient descent (tf.train.sgd) on the mean or summed
 * binary cross-entropy, computed from the logits. TensorFlow.js computes in float32.
 * The wasm backend runs on one thread, as the other peers do.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PeerResult, PeerSpec, PeerWorkload } from "./peers.ts";

const backend = process.argv[2] === "wasm" ? "wasm" : "cpu";

async function main(): Promise<void> {
  const tf = await import("@tensorflow/tfjs");
  if (backend === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"));
    wasm.setWasmPaths(join(dir, "dist") + "/");
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  }
  await tf.setBackend(backend);
  await tf.ready();

  const spec = JSON.parse(await readStdin()) as PeerSpec;
  const results = spec.workloads.map((w) => run(tf, w));
  process.stdout.write("RESULT " + JSON.stringify({ tfjs: `${tf.version.tfjs} ${backend}`, workloads: results }) + "\n");
}

type TF = typeof import("@tensorflow/tfjs");

function run(tf: TF, w: PeerWorkload): PeerResult {
  const n = w.X.length;
  const X = tf.tensor2d(w.X.flat(), [n, w.X[0].length]);
  const Y = tf.tensor2d(w.Y.flat(), [n, w.Y[0].length]);
  const init = w.layers.map((l) => ({ W: tf.tensor2d(l.W.flat(), [l.W.length, l.W[0].length]), b: tf.tensor1d(l.b) }));
  const mean = (w.reduction ?? "mean") === "mean";
  const units = w.Y[0].length;

  const logits = (vars: { W: import("@tensorflow/tfjs").Variable; b: import("@tensorflow/tfjs").Variable }[], input: import("@tensorflow/tfjs").Tensor2D) => {
    let A: import("@tensorflow/tfjs").Tensor2D = input;
    vars.forEach((v, i) => {
      const Z = tf.add(tf.matMul(A, v.W, false, true), v.b) as import("@tensorflow/tfjs").Tensor2D;
      A = i === vars.length - 1 ? Z : w.layers[i].activation === "relu" ? tf.relu(Z) : tf.sigmoid(Z);
    });
    return A;
  };
  // Σ over samples of the binary cross-entropy, averaged over output units, from the logits.
  const totalLoss = (Z: import("@tensorflow/tfjs").Tensor2D) => tf.div(tf.sum(tf.losses.sigmoidCrossEntropy(Y, Z, undefined, 0, tf.Reduction.NONE)), units);

  const train = (epochs: number) => {
    const vars = init.map((l) => ({ W: tf.variable(l.W.clone()), b: tf.variable(l.b.clone()) }));
    const opt = tf.train.sgd(w.learningRate);
    for (let e = 0; e < epochs; e++) {
      opt.minimize(() => {
        const total = totalLoss(logits(vars, X)) as import("@tensorflow/tfjs").Scalar;
        return mean ? (tf.div(total, n) as import("@tensorflow/tfjs").Scalar) : total;
      });
    }
    vars[0].W.dataSync(); // wait for the work (the cpu and wasm backends are synchronous anyway)
    return { vars, opt };
  };
  const dispose = (r: { vars: { W: import("@tensorflow/tfjs").Variable; b: import("@tensorflow/tfjs").Variable }[]; opt: import("@tensorflow/tfjs").Optimizer }) => {
    r.opt.dispose();
    for (const v of r.vars) {
      v.W.dispose();
      v.b.dispose();
    }
  };

  let epochs = w.epochs ?? 0;
  if (w.epochs !== undefined) dispose(train(2));
  else {
    // warm up while finding how many epochs take about w.seconds
    const max = w.maxEpochs ?? 1e6;
    let probe = 1;
    let took = 0;
    for (;;) {
      const t = performance.now();
      dispose(train(probe));
      took = (performance.now() - t) / 1000;
      if (took > 0.05 || probe >= max) break;
      probe *= 4;
    }
    epochs = Math.max(1, Math.min(max, Math.round(((w.seconds ?? 0.3) * probe) / took)));
  }
  const seconds: number[] = [];
  let last = null as ReturnType<typeof train> | null;
  for (let r = 0; r < w.repeats; r++) {
    if (last) dispose(last);
    const t = performance.now();
    last = train(epochs);
    seconds.push((performance.now() - t) / 1000 / epochs);
  }
  const loss = tf.tidy(() => totalLoss(logits(last!.vars, X)).dataSync()[0] / n);
  const out: PeerResult = { name: w.name, epochs, secondsPerEpoch: seconds, loss };
  if (w.predict) {
    const G = tf.tensor2d(w.predict.flat(), [w.predict.length, w.predict[0].length]);
    const times: number[] = [];
    for (let r = 0; r < w.repeats + 1; r++) {
      const t = performance.now();
      tf.tidy(() => tf.sigmoid(logits(last!.vars, G)).dataSync());
      if (r > 0) times.push((performance.now() - t) / 1000);
    }
    G.dispose();
    out.predictSeconds = times;
  }
  dispose(last!);
  return out;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (c: Buffer) => chunks.push(c));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
