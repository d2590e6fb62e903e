/**
 * The bench's report: results.json's measurements as Markdown tables, and the findings in words,
 * every number in them computed from the measurements.
 */
import { MlpPlan, WORKSPACE_LIMIT } from "../core/wasm/mlp.ts";
import { THREAD_RULE } from "../core/wasm/plan/threads.ts";

const fmtMs = (seconds: number): string => String(Number((seconds * 1e3).toPrecision(3)));
import { median, type BenchResults, type WorkloadResult } from "./results.ts";
import { moonsDeep } from "./workloads.ts";

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
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
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
    `Full-batch gradient descent in Float64 (${r.fastKernels ? "WebAssembly SIMD kernels" : "plain TypeScript kernels"}), ` +
      `every repeat from the same initial parameters as the peers'. Times are medians of the repeats ` +
      `(Glassbox's timed from the end of each repeat's first epoch, so that making the workspace is not counted as an epoch). ` +
      `"× peer" is the peer's time over Glassbox's **on one core**, both measured in this run (higher: Glassbox faster); ` +
      `the peers run on one core too (NumPy with one BLAS thread, TF.js wasm with one thread). ` +
      `GFLOP/s count the dense matrix work (2 per multiply-add; Glassbox skips exact zeros, so its rates are dense-equivalent)` +
      (r.peakGflops ? `; "of peak" is against this core's WebAssembly f64x2 peak measured here, ${r.peakGflops.toFixed(1)} GFLOP/s (multiply + add: WebAssembly has no FMA; native FMA code can reach about twice that).` : ".") +
      ` "2 threads" shares each large kernel with a helper thread on the second core; results are bit-for-bit the same.`,
  );
  out.push("");
  const header = ["workload", "samples", "MFLOP/epoch", "Glassbox ms", "epochs/s", "GFLOP/s", ...(r.peakGflops ? ["of peak"] : []), ...PEERS.flatMap((p) => [`${p} ms`, `× ${p}`]), "2 threads ms", "2 threads ×"];
  const rows = r.workloads.map((w) => {
    const cells = [w.name, String(w.samples), (w.flopsPerEpoch / 1e6).toFixed(w.flopsPerEpoch < 1e6 ? 4 : 1), ms(w.glassbox.median), w.glassbox.epochsPerSecond.toFixed(0), w.glassbox.gflops.toFixed(2)];
    if (r.peakGflops) cells.push(`${((w.glassbox.gflops / r.peakGflops) * 100).toFixed(0)}%`);
    for (const p of PEERS) {
      const e = w.peers.find((x) => x.peer === p);
      cells.push(e ? ms(e.median) : "—", e ? (e.agrees ? ratio(e.ratio) : `(${ratio(e.ratio)}) ✗ loss`) : "—");
    }
    cells.push(w.twoThreads ? ms(w.twoThreads.median) : "—", w.twoThreads ? ratio(w.twoThreads.speedup) : "—");
    return cells;
  });
  out.push("## Training, ms per epoch");
  out.push("");
  out.push(table(header, rows));
  out.push("");

  out.push(...findings(r));
  out.push(...userPathSection(r));

  const lossRows: string[][] = [];
  for (const w of r.workloads) {
    for (const e of w.peers) lossRows.push([w.name, e.peer, String(e.epochs), e.glassboxLoss.toPrecision(12), e.loss.toPrecision(12), (Math.abs(e.loss - e.glassboxLoss) / Math.abs(e.glassboxLoss)).toExponential(1), e.agrees ? "yes" : "**no**"]);
  }
  if (lossRows.length) {
    out.push("## Same work: the loss after the peer's epochs (mean binary cross-entropy)");
    out.push("");
    out.push(table(["workload", "peer", "epochs", "Glassbox", "peer", "relative difference", "agrees (NumPy ≤ 1e-9, TF.js ≤ 1e-3)"], lossRows));
    out.push("");
  }

  const samples = r.workloads.filter((w) => w.group === "samples");
  if (samples.length) {
    out.push("## Cost against samples (moons architecture, 2-25-50-50-25-1)");
    out.push("");
    const base = samples[0];
    out.push(
      table(
        ["samples", "ms/epoch", "ns per sample", "per sample, relative to the first", "GFLOP/s", "2 threads ms", "2 threads ×"],
        samples.map((w) => {
          const per = w.glassbox.median / w.samples;
          return [String(w.samples), ms(w.glassbox.median), (per * 1e9).toFixed(0), (per / (base.glassbox.median / base.samples)).toFixed(2), w.glassbox.gflops.toFixed(2), w.twoThreads ? ms(w.twoThreads.median) : "—", w.twoThreads ? ratio(w.twoThreads.speedup) : "—"];
        }),
      ),
    );
    out.push("");
  }

  if (r.prediction) {
    const p = r.prediction;
    const side = Math.round(Math.sqrt(p.glassbox.rows));
    out.push(`## Predicting a ${side}×${side} grid with moons-deep (${p.glassbox.rows} rows, one forward pass)`);
    out.push("");
    const rows2: string[][] = [
      ["Glassbox, one core (workspace made once)", ms(median(p.glassbox.forwardSeconds))],
      ["Glassbox, one core (new workspace, as `predict`)", ms(median(p.glassbox.withSetupSeconds))],
    ];
    if (p.twoThreads) {
      rows2.push(["Glassbox, 2 threads (workspace made once)", ms(median(p.twoThreads.forwardSeconds))]);
      rows2.push(["Glassbox, 2 threads (new workspace, as `predict`)", ms(median(p.twoThreads.withSetupSeconds))]);
    }
    for (const [peer, sec] of Object.entries(p.peers)) rows2.push([peer, ms(sec)]);
    out.push(table(["", "ms"], rows2));
    out.push("");
  }

  if (r.fma) {
    const f = r.fma;
    out.push("## Opt-in: fused multiply-adds (moons-deep)");
    out.push("");
    out.push(
      `\`setFusedMultiplyAdd(true)\` (src/core/wasm/mlp.ts) uses WebAssembly relaxed SIMD's fused multiply-add: each product is rounded together with its sum, ` +
        `so results differ from the default path in the last bits, and from one processor to another; not bit-for-bit reproducible, hence opt-in.`,
    );
    out.push("");
    const deep = r.workloads.find((w) => w.name === "moons-deep");
    const np = deep?.peers.find((p) => p.peer === "NumPy");
    out.push(
      table(
        ["", "default", "fused multiply-add"],
        [
          ["one core, ms/epoch", deep ? ms(deep.glassbox.median) : "—", ms(f.oneCore) + (np ? ` (${ratio(np.median / f.oneCore)} NumPy)` : "")],
          ["2 threads, ms/epoch", deep?.twoThreads ? ms(deep.twoThreads.median) : "—", f.twoThreads ? ms(f.twoThreads) : "—"],
          [`200×200 grid, 2 threads, ms`, r.prediction?.twoThreads ? ms(median(r.prediction.twoThreads.forwardSeconds)) : "—", f.predictTwoThreads ? ms(f.predictTwoThreads) : "—"],
          [`loss after ${f.epochs} epochs`, f.lossDefault.toPrecision(15), f.lossFma.toPrecision(15)],
        ],
      ),
    );
    out.push("");
    out.push(`Largest relative difference of a parameter after ${f.epochs} epochs: ${f.maxRelativeParamDifference.toExponential(1)}.`);
    out.push("");
  }

  out.push("## Memory");
  out.push("");
  const a = r.allocation;
  const d = (x: number): string => `${x >= 0 ? "+" : ""}${x}`;
  out.push(
    `The engine's epoch (forward, loss, backward, update on moons-deep), after warm-up: V8 heap ${a.engineBefore} bytes before ${a.epochs} epochs, ` +
      `${a.engineAfter} after (${d(a.engineAfter - a.engineBefore)} bytes, ${a.engineCollections} collections in between; the few bytes are the measurement's own).`,
  );
  out.push("");
  out.push(
    `Through \`train()\` (history every 10⁹ epochs), from epoch ${a.epochs} (after a full collection) to epoch ${2 * a.epochs}: ${a.heapBefore} → ${a.heapAfter} bytes ` +
      `(${d(a.heapAfter - a.heapBefore)} bytes, about ${Math.max(0, Math.round((a.heapAfter - a.heapBefore) / a.epochs))} per epoch, ${a.collections} collections). ` +
      `These are the training loop's own few objects per epoch (its history and callback bookkeeping in src/nn/train.ts), not the matrix work: the engine's epoch above allocates nothing.`,
  );
  if (r.memory) {
    const mm = r.memory;
    out.push("");
    out.push(
      `Training on ${mm.samples} samples (moons architecture, in a process of its own): peak resident memory ${bytes(mm.peakRss)} ` +
        `(${bytes(mm.baselineRss)} before any data); WebAssembly memory ${bytes(mm.wasmMemory)} (at most ${bytes(mm.wasmPeakInUse)} in use), ` +
        `V8 heap ${bytes(mm.heapUsed)}; the data itself is ${bytes(mm.dataBytes)}. The workspace holds Z, A, dZ, dA for every layer ` +
        `(4 × ${mm.samples} × 151 doubles ≈ ${bytes(4 * mm.samples * 151 * 8)}) plus the row lists of nonzero activations.`,
    );
  }
  return out.join("\n");
}

/** The issue's targets and what the numbers say, in words. */
function findings(r: BenchResults): string[] {
  const out: string[] = ["## What the numbers say", ""];
  const deep = r.workloads.find((w) => w.name === "moons-deep");
  const one = r.workloads.find((w) => w.name === "one-feature");
  const peer = (w: WorkloadResult | undefined, p: string) => w?.peers.find((e) => e.peer === p && e.agrees);
  const check = (ok: boolean | null): string => (ok === null ? "not measured" : ok ? "met" : "**not met**");
  const np = peer(deep, "NumPy");
  const wasm = peer(deep, "TF.js wasm");
  const np1 = peer(one, "NumPy");
  const lines: string[] = [];
  lines.push(`- moons-deep, one core, ≥ 1.0× NumPy: ${np ? ratio(np.ratio) : "—"}: ${check(np ? np.ratio >= 1 : null)}` + (np && deep?.twoThreads ? ` (with the second core: ${ratio(np.median / deep.twoThreads.median)})` : "") + ".");
  lines.push(`- moons-deep, one core, ≥ 3× TF.js wasm: ${wasm ? ratio(wasm.ratio) : "—"}: ${check(wasm ? wasm.ratio >= 3 : null)}.`);
  if (deep && r.peakGflops) lines.push(`- moons-deep runs at ${deep.glassbox.gflops.toFixed(1)} dense-equivalent GFLOP/s on one core, ${((deep.glassbox.gflops / r.peakGflops) * 100).toFixed(0)}% of the WebAssembly f64x2 peak (it does about half the multiply-adds: relu zeros are skipped).`);
  lines.push(`- 12-point set ≥ 20× NumPy: ${np1 ? ratio(np1.ratio) : "—"}: ${check(np1 ? np1.ratio >= 20 : null)}.`);
  for (const u of userPathRows(r)) {
    const target = u.workload === "moons-deep" ? 1.2 : u.workload === "one-feature" ? 30 : null;
    if (target === null || u.numpyRatio === null) continue;
    lines.push(
      `- Through \`glassbox train\` (history, metrics${u.example === "moons-deep" ? ", the test set" : ""} and progress every epoch, as a user runs it), ${u.workload === "one-feature" ? "the 12-point set" : u.workload} ≥ ${target}× NumPy: ` +
        `${ratio(u.numpyRatio)}: ${check(u.numpyRatio >= target)}; its loop costs ${pct(u.overhead)} over the engine loop timed beside it` + (u.overhead !== null ? ` (target ≤ 10 %: ${check(u.overhead <= 0.1)})` : "") + ".",
    );
  }
  if (r.prediction) {
    const p1 = median(r.prediction.glassbox.forwardSeconds);
    const p2 = r.prediction.twoThreads ? median(r.prediction.twoThreads.forwardSeconds) : null;
    const best = Math.min(p1, p2 ?? Infinity, r.fma?.predictTwoThreads ?? Infinity);
    lines.push(
      `- 200×200 grid under 10 ms: ${ms(p1)} ms on one core, ${p2 ? `${ms(p2)} ms on two` : "no second core"}` +
        (r.fma?.predictTwoThreads ? `, ${ms(r.fma.predictTwoThreads)} ms on two with fused multiply-adds (opt-in)` : "") +
        `: ${check(p2 !== null ? p2 < 0.01 : p1 < 0.01)} on the default path${best < 0.01 && (p2 ?? p1) >= 0.01 ? " (met with the opt-in)" : ""}.`,
    );
  }
  const samples = r.workloads.filter((w) => w.group === "samples");
  if (samples.length > 1) {
    const per = samples.map((w) => w.glassbox.median / w.samples);
    const worst = Math.max(...per.map((p) => p / per[0]));
    const bytesPerSample = MlpPlan.bytes(moonsDeep().layers.map((l, i, all) => ({ inputSize: i === 0 ? 2 : all[i - 1].units, units: l.units, activation: l.activation })), 1000) / 1000;
    const limit = Math.floor(WORKSPACE_LIMIT / bytesPerSample / 1000) * 1000;
    lines.push(
      `- Cost against samples: ${samples.map((w, i) => `${w.samples}: ${(per[i] * 1e9).toFixed(0)} ns`).join(", ")} per sample, ` +
        `at most ${((worst - 1) * 100).toFixed(0)}% above the first: linear over the range measured. What creeps up is memory traffic: every layer's A and dZ ` +
        `(samples × units doubles, plus the row lists of nonzero activations; training leaves hidden relu layers' Z and dA unwritten) are written and read back once or twice per epoch, from the caches while a layer's arrays fit in them, ` +
        `from memory beyond; the arithmetic per sample stays the same. Where it stops: a workspace takes ${(bytesPerSample / 1024).toFixed(1)} KiB per sample at this architecture, ` +
        `and WebAssembly memory is 32-bit (4 GiB at most; Glassbox lets workspaces hold ${WORKSPACE_LIMIT / 2 ** 30} GiB of it), so from about ${limit} samples in one batch ` +
        `the workspace runs in row blocks (the same bits; each block's forward pass is made again for the backward one, roughly 1.3–1.4× the time per sample, ` +
        `where the plain TypeScript kernels would be some 10× slower) — mini-batches keep each workspace small.`,
    );
  }
  const two = r.workloads.filter((w) => w.twoThreads);
  if (two.length) {
    const pays = two.filter((w) => w.twoThreads!.speedup >= 1.1);
    const not = two.filter((w) => w.twoThreads!.speedup < 1.1);
    lines.push(
      `- The second core pays on ${pays.map((w) => `${w.name} (${ratio(w.twoThreads!.speedup)})`).join(", ") || "nothing here"}; ` +
        `it does not on ${not.map((w) => `${w.name} (${ratio(w.twoThreads!.speedup)})`).join(", ") || "nothing here"}. ` +
        `Whether a workspace shares its kernels with the helper thread is measured, not guessed (src/core/wasm/plan/threads.ts): a pass is timed on one thread, ` +
        `two threads are tried only when it takes at least ${fmtMs(THREAD_RULE.minPassSeconds)} ms, and kept only when at least ${Math.round(THREAD_RULE.margin * 100)} % faster, checked again as the load changes; ` +
        `so a short run spends a few passes on the trial, and the second core is left alone where handing half of a kernel over costs what it saves. ` +
        `Short of 2× where it pays, because the loss, the update and the hand-overs stay on one thread. ` +
        `Results are the same bits with one thread or two: each value is computed by the same operations, only on another core.`,
    );
  }
  out.push(...lines, "");
  return out;
}

function pct(x: number | null): string {
  return x === null ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(0)} %`;
}

/** The example files of the user's path and the bench workloads they are (same data, layers, initial weights). */
interface UserPathRow {
  example: string;
  workload: string;
  epochs: number;
  wall: number;
  train: number;
  /** Seconds per epoch inside `glassbox train`. */
  perEpoch: number;
  /** NumPy's seconds per epoch over `glassbox train`'s; null without NumPy. */
  numpyRatio: number | null;
  /** The engine loop's seconds per epoch it is compared with. */
  engine: number | null;
  /** `glassbox train`'s seconds per epoch over the engine loop's, minus one. */
  overhead: number | null;
}

export function userPathRows(r: BenchResults): UserPathRow[] {
  const u = r.userPath;
  if (!u) return [];
  return u.examples.map((e) => {
    // (each example's workload in the training table bears its name)
    const w = r.workloads.find((x) => x.name === e.example);
    const np = w?.peers.find((p) => p.peer === "NumPy" && p.agrees);
    const train = median(e.trainSeconds);
    const perEpoch = train / e.epochs;
    // the engine loop timed beside each repeat (older results: the table's one-core figure)
    const engine = e.engineSecondsPerEpoch?.length ? median(e.engineSecondsPerEpoch) : (w?.glassbox.median ?? null);
    return {
      example: e.example,
      workload: e.example,
      epochs: e.epochs,
      wall: median(e.wallSeconds),
      train,
      perEpoch,
      numpyRatio: np ? np.median / perEpoch : null,
      engine,
      overhead: engine ? perEpoch / engine - 1 : null,
    };
  });
}

function userPathSection(r: BenchResults): string[] {
  const u = r.userPath;
  if (!u) return [];
  const rows = userPathRows(r);
  const help = median(u.helpSeconds);
  const out = ["## The user's path: `glassbox train`, one process per repeat", ""];
  out.push(
    `\`node bin/glassbox.js train examples/<example>.json --epochs <n>\`, ${u.helpSeconds.length} repeats each, interleaved with \`glassbox --help\` ` +
      `(${u.runs === "compiled" ? "the compiled build in dist/cli, as an installed package runs" : "the sources through tsx: dist/cli was missing or older than the sources"}). ` +
      `"training" is the time the command prints (its whole loop: history, metrics, test set and progress every epoch); "start-up and report" is the rest of the process's wall time. ` +
      `"engine loop" is \`train()\` on the same workload in the bench's process, timed just before each repeat with the default threads (as \`glassbox train\` runs). ` +
      `NumPy's time per epoch is the walkthrough code's in this run (it computes the cost and the accuracy every epoch too).`,
  );
  out.push("");
  out.push(
    table(
      ["example", "epochs", "wall s", "training s", "start-up and report s", "ms/epoch", "engine loop ms/epoch", "loop over engine", "× NumPy"],
      rows.map((x) => [x.example, String(x.epochs), x.wall.toFixed(2), x.train.toFixed(2), (x.wall - x.train).toFixed(2), ms(x.perEpoch), x.engine === null ? "—" : ms(x.engine), pct(x.overhead), x.numpyRatio === null ? "—" : ratio(x.numpyRatio)]),
    ),
  );
  out.push("");
  out.push(`\`glassbox --help\`: ${help.toFixed(3)} s wall (median; start-up alone).`);
  out.push("");
  return out;
}
