/**
 * `glassbox bench`: Glassbox's speed on fixed workloads (DESIGN §7) and two scaling series,
 * as ratios to peers measured in the same run (NumPy walkthrough, TensorFlow.js cpu and wasm),
 * with a check that every peer reached the same loss, the heap across 1,000 epochs, peak memory
 * at 100k samples, and the time to predict a 200×200 grid.
 *
 * Progress goes to stderr; the table to stdout; JSON and Markdown to the paths given.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fastKernelsAvailable } from "../core/wasm/mlp.ts";
import { allocationCheck, epochsFor, lossOf, timePrediction, timeTraining, trainFor, type AllocationCheck, type PredictTiming } from "./glassbox.ts";
import { measurePeakGflops } from "./peak.ts";
import { findNumpy, runNumpy, runTfjs, tfjsAvailable, type PeerResult, type PeerRun, type PeerSpec, type PeerWorkload } from "./peers.ts";
import { flopsPerEpoch, gridOver, moonsDeep, workloads, type Workload } from "./workloads.ts";

export interface BenchOptions {
  /** A shorter run (under a minute): fewer scaling points, fewer repeats. */
  quick?: boolean;
  /** Where to write the results as JSON (default for a full run: bench/results.json). */
  json?: string;
  /** Where to write the Markdown report (default for a full run: bench/RESULTS.md). */
  markdown?: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Relative loss difference each peer may show: NumPy computes in float64 like Glassbox, TF.js in float32. */
const LOSS_TOLERANCE: Record<string, number> = { NumPy: 1e-9, "TF.js wasm": 1e-3, "TF.js cpu": 1e-3 };

export interface PeerEntry {
  peer: string;
  epochs: number;
  secondsPerEpoch: number[];
  median: number;
  /** Peer's seconds per epoch over Glassbox's: how many times faster Glassbox is. */
  ratio: number;
  loss: number;
  glassboxLoss: number;
  agrees: boolean;
}

export interface WorkloadResult {
  name: string;
  group: Workload["group"];
  description: string;
  samples: number;
  flopsPerEpoch: number;
  glassbox: { epochs: number; secondsPerEpoch: number[]; median: number; epochsPerSecond: number; gflops: number };
  peers: PeerEntry[];
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; v8: string };
  fastKernels: boolean;
  peakGflops: number | null;
  peerVersions: Record<string, string>;
  peerErrors: Record<string, string>;
  workloads: WorkloadResult[];
  allocation: AllocationCheck;
  memory: MemoryResult | null;
  prediction: { glassbox: PredictTiming; peers: Record<string, number> } | null;
}

interface MemoryResult {
  samples: number;
  baselineRss: number;
  peakRss: number;
  heapUsed: number;
  arrayBuffers: number;
  wasmMemory: number;
  wasmPeakInUse: number;
  dataBytes: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function log(line: string): void {
  process.stderr.write(line + "\n");
}

function machine(): BenchResults["machine"] {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? "unknown",
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
  };
}

function peerWorkload(w: Workload, seconds: number, repeats: number, grid?: Float64Array): PeerWorkload {
  const rows = (data: Float64Array, cols: number): number[][] => Array.from({ length: data.length / cols }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
  const layers = [];
  let offset = 0;
  let k = w.inputSize;
  for (const l of w.layers) {
    const W = rows(w.init.subarray(offset, offset + l.units * k), k);
    offset += l.units * k;
    const b = Array.from(w.init.subarray(offset, offset + l.units));
    offset += l.units;
    layers.push({ W, b, activation: l.activation as "relu" | "sigmoid" });
    k = l.units;
  }
  return {
    name: w.name,
    layers,
    X: rows(w.X, w.inputSize),
    Y: rows(w.Y, 1),
    learningRate: w.learningRate,
    reduction: w.reduction,
    seconds,
    maxEpochs: 1e6,
    repeats,
    predict: grid ? rows(grid, 2) : undefined,
  };
}

function childResult<T>(script: string, args: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
      else reject(new Error(`${script} failed (${code}): ${err.trim().split("\n").slice(-2).join(" | ")}`));
    });
  });
}

export async function runBench(options: BenchOptions = {}): Promise<void> {
  const quick = options.quick ?? false;
  const started = performance.now();
  const perRepeat = quick ? 0.1 : 0.3;
  const repeats = quick ? 3 : 5;
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick,
    machine: machine(),
    fastKernels: fastKernelsAvailable(),
    peakGflops: null,
    peerVersions: {},
    peerErrors: {},
    workloads: [],
    allocation: { epochs: 0, heapBefore: 0, heapAfter: 0, collections: 0 },
    memory: null,
    prediction: null,
  };
  log(`glassbox bench${quick ? " (quick)" : ""} on ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}`);
  results.peakGflops = measurePeakGflops();
  if (results.peakGflops) log(`WebAssembly f64x2 peak (multiply + add, one core): ${results.peakGflops.toFixed(1)} GFLOP/s`);

  // 1. Glassbox on every workload.
  const list = workloads(quick);
  const deep = list[0];
  const grid = gridOver(deep.X, deep.grid ?? 200);
  const trainedEpochs = new Map<string, number>();
  for (const w of list) {
    const { epochs } = epochsFor(w, perRepeat);
    const secs = timeTraining(w, epochs, repeats);
    const med = median(secs);
    const flops = flopsPerEpoch(w);
    trainedEpochs.set(w.name, epochs);
    results.workloads.push({
      name: w.name,
      group: w.group,
      description: w.description,
      samples: w.n,
      flopsPerEpoch: flops,
      glassbox: { epochs, secondsPerEpoch: secs, median: med, epochsPerSecond: 1 / med, gflops: flops / med / 1e9 },
      peers: [],
    });
    log(`  Glassbox  ${w.name.padEnd(14)} ${(med * 1e3).toFixed(4)} ms/epoch (${epochs} epochs × ${repeats})`);
  }

  // 2. Prediction of a 200×200 grid with moons-deep after its timed training.
  const trainedDeep = trainFor(deep, trainedEpochs.get(deep.name)!);
  const predict = timePrediction(deep, trainedDeep, grid, quick ? 5 : 11);
  results.prediction = { glassbox: predict, peers: {} };
  log(`  Glassbox  predict ${predict.rows} rows: ${(median(predict.forwardSeconds) * 1e3).toFixed(2)} ms (${(median(predict.withSetupSeconds) * 1e3).toFixed(2)} ms with a new workspace)`);

  // 3. Peers, each in a process of its own, one after the other.
  const peerRuns: PeerRun[] = [];
  const peerSeconds = quick ? 0.1 : 0.3;
  const peerRepeats = quick ? 3 : 5;
  const specFor = (filter: (w: Workload) => boolean, reps: number, seconds: number): PeerSpec => ({
    workloads: list.filter(filter).map((w) => peerWorkload(w, seconds, reps, w === deep ? grid : undefined)),
  });
  const numpy = await findNumpy();
  if (numpy) {
    log(`  NumPy (${numpy.python}, numpy ${numpy.version}, one BLAS thread)…`);
    try {
      peerRuns.push(await runNumpy(numpy.python, specFor(() => true, peerRepeats, peerSeconds), 240_000));
    } catch (e) {
      results.peerErrors.NumPy = String((e as Error).message);
    }
  } else results.peerErrors.NumPy = "no python3 with numpy found";
  if (tfjsAvailable()) {
    log("  TensorFlow.js wasm (one thread)…");
    try {
      peerRuns.push(await runTfjs("wasm", specFor(() => true, quick ? 2 : 3, peerSeconds), 240_000));
    } catch (e) {
      results.peerErrors["TF.js wasm"] = String((e as Error).message);
    }
    log("  TensorFlow.js cpu…");
    try {
      // The cpu backend is slow: the fixed workloads and the small ones only.
      peerRuns.push(await runTfjs("cpu", specFor((w) => w.group !== "samples" || w.n <= (quick ? 1000 : 3000), quick ? 2 : 3, peerSeconds), 240_000));
    } catch (e) {
      results.peerErrors["TF.js cpu"] = String((e as Error).message);
    }
  } else results.peerErrors["TF.js"] = "@tensorflow/tfjs is not installed (a devDependency)";

  // 4. Ratios, and the loss check: Glassbox's loss after the same number of epochs.
  const lossCache = new Map<string, number>();
  const glassboxLoss = (w: Workload, epochs: number): number => {
    const key = `${w.name}/${epochs}`;
    if (!lossCache.has(key)) lossCache.set(key, lossOf(w, trainFor(w, epochs)));
    return lossCache.get(key)!;
  };
  for (const run of peerRuns) {
    results.peerVersions[run.peer] = run.version;
    for (const r of run.results as PeerResult[]) {
      const w = list.find((x) => x.name === r.name)!;
      const entry = results.workloads.find((x) => x.name === r.name)!;
      const gl = glassboxLoss(w, r.epochs);
      const med = median(r.secondsPerEpoch);
      const agrees = Math.abs(r.loss - gl) <= LOSS_TOLERANCE[run.peer] * Math.abs(gl);
      entry.peers.push({ peer: run.peer, epochs: r.epochs, secondsPerEpoch: r.secondsPerEpoch, median: med, ratio: med / entry.glassbox.median, loss: r.loss, glassboxLoss: gl, agrees });
      if (r.predictSeconds) results.prediction.peers[run.peer] = median(r.predictSeconds);
    }
  }

  // 5. Memory: the heap across 1,000 epochs, and peak memory at many samples.
  results.allocation = await allocationCheck(moonsDeep(), 1000);
  const memSamples = quick ? 10000 : 100000;
  try {
    results.memory = await childResult<MemoryResult>("src/bench/memory-child.ts", [String(memSamples)], 120_000);
  } catch (e) {
    results.peerErrors.memory = String((e as Error).message);
  }

  const report = markdown(results);
  process.stdout.write(report + "\n");
  const jsonPath = options.json ?? (quick ? undefined : join(ROOT, "bench", "results.json"));
  const mdPath = options.markdown ?? (quick ? undefined : join(ROOT, "bench", "RESULTS.md"));
  if (jsonPath) {
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify(results, null, 1) + "\n");
  }
  if (mdPath) {
    mkdirSync(dirname(mdPath), { recursive: true });
    writeFileSync(mdPath, report + "\n");
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// ---- the report ----

const PEERS = ["NumPy", "TF.js wasm", "TF.js cpu"];

function ms(seconds: number): string {
  const v = seconds * 1e3;
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.01 ? v.toFixed(3) : v.toPrecision(2);
}

function ratio(x: number): string {
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

function bytes(b: number): string {
  return b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MiB` : `${(b / 1024).toFixed(1)} KiB`;
}

function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((h, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}

export function markdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# glassbox bench${r.quick ? " (quick)" : ""}`);
  out.push("");
  out.push(`${r.date.slice(0, 10)} · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} (V8 ${m.v8})`);
  const versions = Object.entries(r.peerVersions).map(([p, v]) => `${p}: ${v}`);
  if (versions.length) out.push(`Peers: ${versions.join(" · ")}`);
  for (const [p, e] of Object.entries(r.peerErrors)) out.push(`Not measured — ${p}: ${e}`);
  out.push("");
  out.push(
    `Full-batch gradient descent, one core, Float64 (${r.fastKernels ? "WebAssembly SIMD kernels" : "plain TypeScript kernels"}); ` +
      `every repeat starts from the same initial parameters as the peers'. Times are medians of the repeats; ` +
      `"×" is the peer's time over Glassbox's, measured in this run (higher: Glassbox faster). ` +
      `GFLOP/s count the dense matrix work (2 per multiply-add; Glassbox skips exact zeros, so these are dense-equivalent rates)` +
      (r.peakGflops ? `; the core's WebAssembly f64x2 peak (multiply + add, no FMA) measured here is ${r.peakGflops.toFixed(1)} GFLOP/s.` : "."),
  );
  out.push("");
  const rowsFor = (group: Workload["group"] | "all"): string[][] =>
    r.workloads
      .filter((w) => group === "all" || w.group === group)
      .map((w) => {
        const cells = [w.name, String(w.samples), (w.flopsPerEpoch / 1e6).toFixed(w.flopsPerEpoch < 1e6 ? 4 : 1), ms(w.glassbox.median), w.glassbox.epochsPerSecond.toFixed(0), w.glassbox.gflops.toFixed(2)];
        if (r.peakGflops) cells.push(`${((w.glassbox.gflops / r.peakGflops) * 100).toFixed(0)}%`);
        for (const p of PEERS) {
          const e = w.peers.find((x) => x.peer === p);
          cells.push(e ? ms(e.median) : "—", e ? (e.agrees ? ratio(e.ratio) : `(${ratio(e.ratio)}) ✗ loss`) : "—");
        }
        return cells;
      });
  const header = ["workload", "samples", "MFLOP/epoch", "Glassbox ms", "epochs/s", "GFLOP/s", ...(r.peakGflops ? ["of peak"] : []), ...PEERS.flatMap((p) => [`${p} ms`, `× ${p}`])];
  out.push("## Training, ms per epoch");
  out.push("");
  out.push(table(header, rowsFor("all")));
  out.push("");

  // Losses
  out.push("## Same work: loss after the peer's epochs (mean binary cross-entropy)");
  out.push("");
  const lossRows: string[][] = [];
  for (const w of r.workloads) {
    for (const e of w.peers) lossRows.push([w.name, e.peer, String(e.epochs), e.glassboxLoss.toPrecision(12), e.loss.toPrecision(12), (Math.abs(e.loss - e.glassboxLoss) / Math.abs(e.glassboxLoss)).toExponential(1), e.agrees ? "yes" : "**no**"]);
  }
  out.push(table(["workload", "peer", "epochs", "Glassbox", "peer", "relative difference", `agrees (NumPy ≤ 1e-9, TF.js ≤ 1e-3)`], lossRows));
  out.push("");

  // Scaling in samples
  const samples = r.workloads.filter((w) => w.group === "samples");
  if (samples.length) {
    out.push("## Cost against samples (moons architecture)");
    out.push("");
    const base = samples[0];
    out.push(
      table(
        ["samples", "ms/epoch", "ns per sample", "relative to the first", "GFLOP/s"],
        samples.map((w) => {
          const per = w.glassbox.median / w.samples;
          return [String(w.samples), ms(w.glassbox.median), (per * 1e9).toFixed(0), (per / (base.glassbox.median / base.samples)).toFixed(2), w.glassbox.gflops.toFixed(2)];
        }),
      ),
    );
    out.push("");
  }

  if (r.prediction) {
    const p = r.prediction;
    out.push(`## Predicting a ${Math.round(Math.sqrt(p.glassbox.rows))}×${Math.round(Math.sqrt(p.glassbox.rows))} grid with moons-deep`);
    out.push("");
    const rows = [["Glassbox (workspace made once)", ms(median(p.glassbox.forwardSeconds))], ["Glassbox (new workspace, as `predict`)", ms(median(p.glassbox.withSetupSeconds))]];
    for (const [peer, s] of Object.entries(p.peers)) rows.push([peer, ms(s)]);
    out.push(table(["", "ms"], rows));
    out.push("");
  }

  out.push("## Memory");
  out.push("");
  const a = r.allocation;
  out.push(
    `Heap after the first epoch of moons-deep (after a full collection): ${a.heapBefore} bytes; after ${a.epochs} more epochs: ${a.heapAfter} bytes ` +
      `(${a.heapAfter - a.heapBefore >= 0 ? "+" : ""}${a.heapAfter - a.heapBefore} bytes, ${a.collections} garbage collections in between).`,
  );
  if (r.memory) {
    const mm = r.memory;
    out.push("");
    out.push(
      `Training on ${mm.samples} samples (moons architecture, its own process): peak resident memory ${bytes(mm.peakRss)} ` +
        `(${bytes(mm.baselineRss)} before any data); WebAssembly memory ${bytes(mm.wasmMemory)} (at most ${bytes(mm.wasmPeakInUse)} in use), ` +
        `V8 heap ${bytes(mm.heapUsed)}, the data itself ${bytes(mm.dataBytes)}.`,
    );
  }
  return out.join("\n");
}
