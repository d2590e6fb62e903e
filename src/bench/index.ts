/**
 * `glassbox bench`: Glassbox's speed on fixed workloads (ARCHITECTURE §7) and two scaling series,
 * as ratios to peers measured in the same run (NumPy walkthrough, TensorFlow.js cpu and wasm),
 * with a check that every peer reached the same loss, the heap across 1,000 epochs, peak memory
 * at 100k samples, the time to predict a 200×200 grid, and `glassbox train` end to end (the
 * user's path: one process per repeat, start-up apart).
 *
 * Progress goes to stderr; the table to stdout; JSON and Markdown to out/bench/ (untracked), or
 * with `--update` to the committed bench/results.json and bench/RESULTS.md, or to the paths given.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { runChild } from "./child.ts";
import { keptPageSection } from "./page-section.ts";
import { cpus, platform, arch, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { fastKernelsAvailable, getThreads, helperThreadAvailable, setFusedMultiplyAdd, setThreads } from "../core/wasm/mlp.ts";
import { allocationCheck, epochsFor, lossOf, settle, timePrediction, timeTraining, trainFor, type PredictTiming } from "./glassbox.ts";
import { markdown } from "./report.ts";
import { median, type BenchResults, type MemoryResult, type WorkloadResult } from "./results.ts";
import { timeUserPath } from "./user-path.ts";
import { measurePeakGflops } from "./peak.ts";
import { findNumpy, runNumpy, runTfjs, tfjsAvailable, type PeerResult, type PeerRun, type PeerSpec, type PeerWorkload } from "./peers.ts";
import { flopsPerEpoch, gridOver, moonsDeep, workloads, type Workload } from "./workloads.ts";

export interface BenchOptions {
  /** A shorter run: fewer scaling points, fewer repeats. */
  quick?: boolean;
  /** Write the committed bench/results.json and bench/RESULTS.md (keeping RESULTS.md's page section). */
  update?: boolean;
  /** Where to write the results as JSON (default: out/bench/results.json, or bench/ with `update`). */
  json?: string;
  /** Where to write the Markdown report (default: out/bench/RESULTS.md, or bench/ with `update`). */
  markdown?: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Untracked (out/ is ignored by git): a plain `npm run bench` changes no committed file. */
export const DEFAULT_OUT = join("out", "bench");

/** Where a run writes its JSON and Markdown: explicit paths, else bench/ with `update`, else out/bench/. */
export function benchOutputs(options: BenchOptions, root = ROOT): { json: string; markdown: string } {
  const dir = options.update ? join(root, "bench") : join(root, DEFAULT_OUT);
  return { json: options.json ?? join(dir, "results.json"), markdown: options.markdown ?? join(dir, "RESULTS.md") };
}

/** How long the last run of this kind took here, from its results file (null when none). */
function lastDuration(paths: string[], quick: boolean): number | null {
  for (const p of paths) {
    try {
      const r = JSON.parse(readFileSync(p, "utf8")) as Partial<BenchResults>;
      if (r.quick === quick && typeof r.seconds === "number") return r.seconds;
    } catch {
      // none, or not ours
    }
  }
  return null;
}

/** Relative loss difference each peer may show: NumPy computes in float64 like Glassbox, TF.js in float32. */
const LOSS_TOLERANCE: Record<string, number> = { NumPy: 1e-9, "TF.js wasm": 1e-3, "TF.js cpu": 1e-3 };

function log(line: string): void {
  process.stderr.write(line + "\n");
}

function machine(): BenchResults["machine"] {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? "unknown",
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${arch()}`,
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

async function childResult<T>(script: string, args: string[], timeoutMs: number): Promise<T> {
  const { code, stdout, stderr } = await runChild(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { cwd: ROOT, timeoutMs });
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (code === 0 && line) return JSON.parse(line.slice(7)) as T;
  throw new Error(`${script} failed (${code}): ${stderr.trim().split("\n").slice(-2).join(" | ")}`);
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
    allocation: { epochs: 0, heapBefore: 0, heapAfter: 0, collections: 0, engineBefore: 0, engineAfter: 0, engineCollections: 0 },
    memory: null,
    prediction: null,
    userPath: null,
    seconds: 0,
    fma: null,
  };
  const outputs = benchOutputs(options);
  const before = lastDuration([outputs.json, join(ROOT, DEFAULT_OUT, "results.json"), join(ROOT, "bench", "results.json")], quick);
  log(`glassbox bench${quick ? " (quick)" : ""} on ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}` + (before !== null ? ` (the last ${quick ? "quick " : ""}run took ${before.toFixed(0)} s)` : ""));
  results.peakGflops = measurePeakGflops();
  if (results.peakGflops) log(`WebAssembly f64x2 peak (multiply + add, one core): ${results.peakGflops.toFixed(1)} GFLOP/s`);

  // 1. Glassbox on every workload: one thread, then two.
  const list = workloads(quick);
  const deep = list[0];
  const grid = gridOver(deep.X, deep.grid ?? 200);
  const trainedEpochs = new Map<string, number>();
  const threadsBefore = getThreads();
  const twoThreads = helperThreadAvailable();
  try {
    for (const w of list) {
      setThreads(1);
      const { epochs } = await epochsFor(w, perRepeat);
      if (twoThreads) {
        setThreads(2);
        await settle();
        trainFor(w, Math.max(2, epochs >> 2)); // the helper thread's code warms up too
      }
      // One thread and two in turn, so that whatever else the machine is doing meanwhile
      // weighs on both alike.
      const secs: number[] = [];
      const secs2: number[] = [];
      for (let r = 0; r < repeats; r++) {
        setThreads(1);
        secs.push(...(await timeTraining(w, epochs, 1)));
        if (twoThreads) {
          setThreads(2);
          secs2.push(...(await timeTraining(w, epochs, 1)));
        }
      }
      const med = median(secs);
      const flops = flopsPerEpoch(w);
      trainedEpochs.set(w.name, epochs);
      const two: WorkloadResult["twoThreads"] = twoThreads ? { secondsPerEpoch: secs2, median: median(secs2), speedup: med / median(secs2) } : null;
      results.workloads.push({
        name: w.name,
        group: w.group,
        description: w.description,
        samples: w.n,
        flopsPerEpoch: flops,
        glassbox: { epochs, secondsPerEpoch: secs, median: med, epochsPerSecond: 1 / med, gflops: flops / med / 1e9 },
        twoThreads: two,
        peers: [],
      });
      log(`  Glassbox  ${w.name.padEnd(14)} ${(med * 1e3).toFixed(4)} ms/epoch${two ? `, ${(two.median * 1e3).toFixed(4)} ms with 2 threads` : ""} (${epochs} epochs × ${repeats})`);
    }

    // 2. Prediction of a 200×200 grid with moons-deep after its timed training.
    setThreads(1);
    await settle();
    const trainedDeep = trainFor(deep, trainedEpochs.get(deep.name)!);
    const predictReps = quick ? 5 : 11;
    const predict = await timePrediction(deep, trainedDeep, grid, predictReps);
    let predict2: PredictTiming | null = null;
    if (twoThreads) {
      setThreads(2);
      predict2 = await timePrediction(deep, trainedDeep, grid, predictReps);
    }
    results.prediction = { glassbox: predict, twoThreads: predict2, peers: {} };
    log(`  Glassbox  predict ${predict.rows} rows: ${(median(predict.forwardSeconds) * 1e3).toFixed(2)} ms${predict2 ? `, ${(median(predict2.forwardSeconds) * 1e3).toFixed(2)} ms with 2 threads` : ""}`);
    // 2b. Opt-in: fused multiply-adds (not bit-for-bit the default; reported apart).
    if (setFusedMultiplyAdd(true)) {
      try {
        setThreads(1);
        const epochs = trainedEpochs.get(deep.name)!;
        await epochsFor(deep, 0.05);
        const one = median(await timeTraining(deep, epochs, repeats));
        let two: number | null = null;
        let predictTwo: number | null = null;
        if (twoThreads) {
          setThreads(2);
          two = median(await timeTraining(deep, epochs, repeats));
        }
        await settle();
        const fmaNet = trainFor(deep, 1000);
        if (twoThreads) predictTwo = median((await timePrediction(deep, fmaNet, grid, predictReps)).forwardSeconds);
        const lossFma = lossOf(deep, fmaNet);
        setFusedMultiplyAdd(false);
        await settle();
        const exactNet = trainFor(deep, 1000);
        const lossDefault = lossOf(deep, exactNet);
        let worst = 0;
        for (let i = 0; i < exactNet.params.length; i++) worst = Math.max(worst, Math.abs(fmaNet.params[i] - exactNet.params[i]) / Math.max(Math.abs(exactNet.params[i]), 1e-300));
        results.fma = { oneCore: one, twoThreads: two, predictTwoThreads: predictTwo, epochs: 1000, maxRelativeParamDifference: worst, lossDefault, lossFma };
        log(`  Glassbox  moons-deep with FMA (opt-in): ${(one * 1e3).toFixed(4)} ms/epoch${two ? `, ${(two * 1e3).toFixed(4)} ms with 2 threads` : ""}`);
      } finally {
        setFusedMultiplyAdd(false);
      }
    }
  } finally {
    setThreads(threadsBefore as 1 | 2);
  }

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
  const glassboxLoss = async (w: Workload, epochs: number): Promise<number> => {
    const key = `${w.name}/${epochs}`;
    if (!lossCache.has(key)) {
      await settle();
      lossCache.set(key, lossOf(w, trainFor(w, epochs)));
    }
    return lossCache.get(key)!;
  };
  for (const run of peerRuns) {
    results.peerVersions[run.peer] = run.version;
    for (const r of run.results as PeerResult[]) {
      const w = list.find((x) => x.name === r.name)!;
      const entry = results.workloads.find((x) => x.name === r.name)!;
      const gl = await glassboxLoss(w, r.epochs);
      const med = median(r.secondsPerEpoch);
      const agrees = Math.abs(r.loss - gl) <= LOSS_TOLERANCE[run.peer] * Math.abs(gl);
      entry.peers.push({ peer: run.peer, epochs: r.epochs, secondsPerEpoch: r.secondsPerEpoch, median: med, ratio: med / entry.glassbox.median, loss: r.loss, glassboxLoss: gl, agrees });
      if (r.predictSeconds) results.prediction.peers[run.peer] = median(r.predictSeconds);
    }
  }

  // 5. The user's path: `glassbox train` end to end, one process per repeat.
  try {
    const deepEpochs = quick ? 1000 : 3000;
    // The engine loop on the same workload just before each process, with the default threads.
    const engineLoop = async (example: string): Promise<number | null> => {
      const w = list.find((x) => x.name === example);
      const epochs = w && trainedEpochs.get(w.name);
      return w && epochs ? median(await timeTraining(w, epochs, 1)) : null;
    };
    results.userPath = await timeUserPath(ROOT, [{ example: "moons-deep", epochs: deepEpochs }, { example: "one-feature", epochs: 50_000 }], quick ? 3 : 5, log, engineLoop);
  } catch (e) {
    results.peerErrors["glassbox train"] = String((e as Error).message);
  }

  // 6. Memory: the heap across 1,000 epochs, and peak memory at many samples.
  results.allocation = await allocationCheck(moonsDeep(), 1000);
  const memSamples = quick ? 10000 : 100000;
  try {
    results.memory = await childResult<MemoryResult>("src/bench/memory-child.ts", [String(memSamples)], 120_000);
  } catch (e) {
    results.peerErrors.memory = String((e as Error).message);
  }

  results.seconds = (performance.now() - started) / 1000;
  const report = markdown(results);
  process.stdout.write(report + "\n");
  mkdirSync(dirname(outputs.json), { recursive: true });
  writeFileSync(outputs.json, JSON.stringify(results, null, 1) + "\n");
  mkdirSync(dirname(outputs.markdown), { recursive: true });
  // The playground's section (npm run bench:page) is kept where the report had one.
  writeFileSync(outputs.markdown, report + "\n" + keptPageSection(outputs.markdown));
  const shown = (p: string) => relative(process.cwd(), p) || p;
  log(`done in ${results.seconds.toFixed(0)} s; wrote ${shown(outputs.markdown)} and ${shown(outputs.json)}` + (options.update ? "" : " (npm run bench -- --update writes the committed bench/RESULTS.md and bench/results.json)"));
}

