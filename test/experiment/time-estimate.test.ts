/** Training time estimated from the shapes (made-up shapes and rates; no clock involved). */
import { describe, expect, it } from "vitest";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { DEFAULT_TIME_LIMIT, durationText, estimateTrainingTime, parseDuration, UPDATE_OVERHEAD } from "../../src/experiment/time-estimate.ts";

const experiment = (layers: number[], train: Record<string, unknown> = {}, record: Record<string, unknown> = {}) =>
  validateExperiment({ data: { dataset: "moons" }, model: { layers: layers.map((units, i) => ({ units, activation: i === layers.length - 1 ? "sigmoid" : "relu" })) }, train, record });

describe("estimateTrainingTime", () => {
  it("counts forward, dW and dA (not into the inputs) at 2 operations per multiply-add, plus the test rows' forward pass", () => {
    // 2-25-50-50-25-1 on 900 rows: 5,075 multiply-adds per row forward; 3·5075 − 50 per row in training
    const e = experiment([25, 50, 50, 25, 1], { epochs: 10_000 });
    const est = estimateTrainingTime(e, 2, 900, 100, 10_000, 1e10);
    expect(est.flopsPerEpoch).toBe(2 * 900 * (3 * 5075 - 50) + 2 * 100 * 5075);
    expect(est.updatesPerEpoch).toBe(1);
    expect(est.seconds).toBeCloseTo(10_000 * (est.flopsPerEpoch / 1e10 + UPDATE_OVERHEAD), 9);
  });

  it("scales with epochs and the rate, and counts one update per mini-batch", () => {
    const e = experiment([8, 1], { optimizer: "sgd", batchSize: 32 });
    const a = estimateTrainingTime(e, 2, 1000, 0, 100, 1e9);
    const b = estimateTrainingTime(e, 2, 1000, 0, 200, 1e9);
    const c = estimateTrainingTime(e, 2, 1000, 0, 100, 2e9);
    expect(a.updatesPerEpoch).toBe(32);
    expect(b.seconds).toBeCloseTo(2 * a.seconds, 12);
    expect(c.seconds).toBeLessThan(a.seconds);
    expect(c.seconds - 100 * 32 * UPDATE_OVERHEAD).toBeCloseTo((a.seconds - 100 * 32 * UPDATE_OVERHEAD) / 2, 12);
  });

  it("puts 40 layers of 4,096 units on a million rows far beyond a day", () => {
    const e = experiment([...Array(40).fill(4096), 1], { epochs: 1000 });
    expect(estimateTrainingTime(e, 2, 1_000_000, 0, 1000, 1e10).seconds).toBeGreaterThan(DEFAULT_TIME_LIMIT * 100);
  });

  it("records the test rows only on recorded epochs", () => {
    const every = experiment([4, 1], {}, { every: 10 });
    const all = experiment([4, 1]);
    const d = estimateTrainingTime(all, 2, 100, 50, 1, 1).flopsPerEpoch - estimateTrainingTime(every, 2, 100, 50, 1, 1).flopsPerEpoch;
    expect(d).toBeCloseTo(0.9 * 2 * 50 * (2 * 4 + 4 * 1), 9);
  });
});

describe("durations", () => {
  it("reads a limit and says an estimate", () => {
    expect(parseDuration("90")).toBe(90);
    expect(parseDuration("30m")).toBe(1800);
    expect(parseDuration("48h")).toBe(172_800);
    expect(parseDuration("7d")).toBe(604_800);
    expect(parseDuration("off")).toBe(Infinity);
    expect(parseDuration("soon")).toBeNull();
    expect(durationText(0.2)).toBe("under a second");
    expect(durationText(40)).toBe("about 40 s");
    expect(durationText(240)).toBe("about 4 min");
    expect(durationText(3.2 * 3600)).toBe("about 3.2 h");
    expect(durationText(12 * 86400)).toBe("about 12 days");
  });
});
