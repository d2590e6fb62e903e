/**
 * Running the peers of `glassbox bench` in child processes: the NumPy walkthrough
 * (bench/numpy_peer.py, when a python3 with numpy is found) and TensorFlow.js (./tfjs-peer.ts,
 * cpu and wasm backends). Each gets the same workloads (data, initial parameters, learning rate,
 * epochs) and answers seconds per epoch for each repeat and the loss it reached.
 */
import { runChild } from "./child.ts";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PeerLayer {
  W: number[][];
  b: number[];
  activation: "relu" | "sigmoid";
}

export interface PeerWorkload {
  name: string;
  layers: PeerLayer[];
  /** samples × features, samples × outputs. */
  X: number[][];
  Y: number[][];
  learningRate: number;
  reduction?: "mean" | "sum";
  /** Epochs per repeat, or a time per repeat for the peer to choose them by (after a warm-up). */
  epochs?: number;
  seconds?: number;
  maxEpochs?: number;
  repeats: number;
  /** Rows to predict after training (timed), if any. */
  predict?: number[][];
}

export interface PeerSpec {
  workloads: PeerWorkload[];
}

export interface PeerResult {
  name: string;
  epochs: number;
  secondsPerEpoch: number[];
  /** Mean binary cross-entropy after `epochs` epochs from the given parameters. */
  loss: number;
  predictSeconds?: number[];
}

export interface PeerRun {
  peer: string;
  version: string;
  results: PeerResult[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function runPeer(command: string, args: string[], input: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const { code, stdout, stderr, timedOut } = await runChild(command, args, { cwd: ROOT, env, input, timeoutMs });
  if (timedOut) throw new Error(`${command} timed out after ${timeoutMs / 1000} s`);
  if (code === 0) return stdout;
  throw new Error(`${command} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
}

/** The environment for NumPy: one BLAS thread, and no core-type overrides (they slow current NumPy). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** The first python3 that imports numpy (the one on PATH, then the system's), or null. */
export async function findNumpy(): Promise<{ python: string; version: string } | null> {
  const candidates = ["python3", "/usr/bin/python3"];
  for (const python of candidates) {
    if (python.startsWith("/") && !existsSync(python)) continue;
    try {
      const v = await runPeer(python, ["-c", "import numpy; print(numpy.__version__)"], "", numpyEnv(), 30_000);
      return { python, version: v.trim() };
    } catch {
      // next
    }
  }
  return null;
}

export async function runNumpy(python: string, spec: PeerSpec, timeoutMs: number): Promise<PeerRun> {
  const out = await runPeer(python, [join(ROOT, "bench", "numpy_peer.py")], JSON.stringify(spec), numpyEnv(), timeoutMs);
  const parsed = JSON.parse(out) as { numpy: string; workloads: PeerResult[] };
  return { peer: "NumPy", version: `numpy ${parsed.numpy}`, results: parsed.workloads };
}

/** Whether TensorFlow.js (a devDependency) is installed. */
export function tfjsAvailable(): boolean {
  try {
    const require = createRequire(import.meta.url);
    require.resolve("@tensorflow/tfjs/package.json");
    require.resolve("@tensorflow/tfjs-backend-wasm/package.json");
    return true;
  } catch {
    return false;
  }
}

export async function runTfjs(backend: "cpu" | "wasm", spec: PeerSpec, timeoutMs: number): Promise<PeerRun> {
  const script = join(ROOT, "src", "bench", "tfjs-peer.ts");
  const out = await runPeer(process.execPath, ["--import", "tsx", script, backend], JSON.stringify(spec), { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" }, timeoutMs);
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`TensorFlow.js (${backend}) gave no result`);
  const parsed = JSON.parse(line.slice(7)) as { tfjs: string; workloads: PeerResult[] };
  return { peer: `TF.js ${backend}`, version: `tfjs ${parsed.tfjs}`, results: parsed.workloads };
}
