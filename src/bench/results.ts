/** What `glassbox bench` measures, as written to results.json (ARCHITECTURE §7). */
import type { AllocationCheck, PredictTiming } from "./glassbox.ts";
import type { UserPathResult } from "./user-path.ts";
import type { Workload } from "./workloads.ts";

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
  /** One core (one thread). */
  glassbox: { epochs: number; secondsPerEpoch: number[]; median: number; epochsPerSecond: number; gflops: number };
  /** Two threads (the default where a second core exists); null where there is no helper thread. */
  twoThreads: { secondsPerEpoch: number[]; median: number; speedup: number } | null;
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
  prediction: { glassbox: PredictTiming; twoThreads: PredictTiming | null; peers: Record<string, number> } | null;
  /** `glassbox train` end to end, one process per repeat; null when not measured. */
  userPath: UserPathResult | null;
  /** Seconds the whole bench took. */
  seconds: number;
  /** Opt-in fused multiply-adds on moons-deep: one core, two threads, the grid, and how far the parameters move. */
  fma: { oneCore: number; twoThreads: number | null; predictTwoThreads: number | null; epochs: number; maxRelativeParamDifference: number; lossDefault: number; lossFma: number } | null;
}

export interface MemoryResult {
  samples: number;
  baselineRss: number;
  peakRss: number;
  heapUsed: number;
  arrayBuffers: number;
  wasmMemory: number;
  wasmPeakInUse: number;
  dataBytes: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

