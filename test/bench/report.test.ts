/** The bench's report says what its measurements say (made-up measurements), and writes where it says. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchOutputs } from "../../src/bench/index.ts";
import { markdown, userPathRows } from "../../src/bench/report.ts";
import type { BenchResults, WorkloadResult } from "../../src/bench/results.ts";

function workload(name: string, engineSeconds: number, numpySeconds: number): WorkloadResult {
  return {
    name,
    group: "fixed",
    description: name,
    samples: 900,
    flopsPerEpoch: 1e7,
    glassbox: { epochs: 100, secondsPerEpoch: [engineSeconds], median: engineSeconds, epochsPerSecond: 1 / engineSeconds, gflops: 1 },
    twoThreads: null,
    peers: [{ peer: "NumPy", epochs: 100, secondsPerEpoch: [numpySeconds], median: numpySeconds, ratio: numpySeconds / engineSeconds, loss: 0.5, glassboxLoss: 0.5, agrees: true }],
  };
}

function results(deepTrain: number, oneTrain: number): BenchResults {
  return {
    date: "2026-01-01T00:00:00.000Z",
    quick: true,
    machine: { cpu: "cpu", cores: 2, memoryGiB: 4, os: "linux x64", node: "v20", v8: "11" },
    fastKernels: true,
    peakGflops: null,
    peerVersions: {},
    peerErrors: {},
    // the table's one-core engine times differ from those timed beside each repeat: the overhead uses the latter
    workloads: [workload("moons-deep", 0.5e-3, 1.5e-3), workload("one-feature", 1e-6, 100e-6)],
    allocation: { epochs: 1000, heapBefore: 0, heapAfter: 0, collections: 0, engineBefore: 0, engineAfter: 0, engineCollections: 0 },
    memory: null,
    prediction: null,
    userPath: {
      runs: "compiled",
      helpSeconds: [0.1, 0.12, 0.11],
      examples: [
        { example: "moons-deep", epochs: 1000, wallSeconds: [deepTrain + 0.2, deepTrain + 0.3, deepTrain + 0.25], trainSeconds: [deepTrain, deepTrain, deepTrain], engineSecondsPerEpoch: [1.1e-3, 1e-3, 0.9e-3] },
        { example: "one-feature", epochs: 50_000, wallSeconds: [oneTrain + 0.2, oneTrain + 0.2, oneTrain + 0.2], trainSeconds: [oneTrain, oneTrain, oneTrain], engineSecondsPerEpoch: [2e-6, 2e-6, 3e-6] },
      ],
    },
    seconds: 42,
    fma: null,
  };
}

describe("the bench report", () => {
  it("computes the user path's ratios and overhead from the measurements", () => {
    // moons-deep: 1.05 ms per epoch in glassbox train, NumPy 1.5 ms → 1.43×, 5 % over the engine's 1 ms
    const [deep, one] = userPathRows(results(1.05, 0.15));
    expect(deep.perEpoch).toBeCloseTo(1.05e-3, 12);
    expect(deep.numpyRatio).toBeCloseTo(1.5 / 1.05, 10);
    expect(deep.engine).toBeCloseTo(1e-3, 15);
    expect(deep.overhead).toBeCloseTo(0.05, 10);
    expect(deep.wall).toBeCloseTo(1.3, 10);
    // one-feature: 3 µs per epoch, NumPy 100 µs → 33×
    expect(one.numpyRatio).toBeCloseTo(100 / 3, 8);
    const md = markdown(results(1.05, 0.15));
    expect(md).toContain("## The user's path");
    expect(md).toMatch(/moons-deep ≥ 1\.2× NumPy: 1\.43×: met; its loop costs \+5 % over the engine loop timed beside it \(target ≤ 10 %: met\)/);
    expect(md).toMatch(/the 12-point set ≥ 30× NumPy: 33×: met; its loop costs \+50 %.*\*\*not met\*\*/);
  });

  it("says when a target is missed", () => {
    const md = markdown(results(2, 0.5)); // 2 ms per epoch against NumPy's 1.5: 0.75×
    expect(md).toMatch(/moons-deep ≥ 1\.2× NumPy: 0\.75×: \*\*not met\*\*/);
    expect(md).toMatch(/the 12-point set ≥ 30× NumPy: 10×: \*\*not met\*\*/);
  });
});

describe("where the bench writes", () => {
  it("out/bench/ by default, the committed bench/ files only with update, explicit paths as given", () => {
    expect(benchOutputs({}, "/r")).toEqual({ json: join("/r", "out", "bench", "results.json"), markdown: join("/r", "out", "bench", "RESULTS.md") });
    expect(benchOutputs({ quick: true }, "/r").json).toBe(join("/r", "out", "bench", "results.json"));
    expect(benchOutputs({ update: true }, "/r")).toEqual({ json: join("/r", "bench", "results.json"), markdown: join("/r", "bench", "RESULTS.md") });
    expect(benchOutputs({ update: true, json: "/x.json" }, "/r").json).toBe("/x.json");
  });
});
