/** Progress on stderr: a throttled bar on a terminal, a plain line every few seconds otherwise (fake clock). */
import { describe, expect, it } from "vitest";
import { LINE_INTERVAL_MS, progressBar } from "../../src/cli/progress.ts";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => (written.push(s), true) } as never };
}

describe("progress when stderr is not a terminal", () => {
  it("prints one line per interval with the count, the percentage, the text and the time so far", () => {
    let t = 0;
    const { written, stream } = fakeStream(false);
    let made = 0;
    const text = () => (made++, "loss 0.5000");
    const bar = progressBar("training", 10_000, { stream, now: () => t });
    for (let done = 1; done <= 10_000; done++) {
      t += 2; // 2 ms per step: 20 s in all
      bar.update(done, text);
    }
    bar.stop();
    expect(written).toHaveLength(Math.floor(20_000 / LINE_INTERVAL_MS));
    expect(written[0]).toBe(`training: 2,500/10,000 (25%), loss 0.5000, 5 s\n`);
    expect(written.at(-1)).toBe(`training: 10,000/10,000 (100%), loss 0.5000, 20 s\n`);
    // the text is made only for the lines printed, not on every step
    expect(made).toBe(written.length);
  });

  it("prints nothing for work shorter than the interval", () => {
    let t = 0;
    const { written, stream } = fakeStream(false);
    const bar = progressBar("training", 100, { stream, now: () => t });
    for (let done = 1; done <= 100; done++) bar.update(done, "x"), (t += 10);
    bar.stop();
    expect(written).toEqual([]);
  });
});

describe("time limits before training", () => {
  it("refuses a run estimated past the limit, with the estimate, the fix and the override, before any epoch", async () => {
    const { checkTrainingTime } = await import("../../src/cli/time-check.ts");
    const { prepareExperiment } = await import("../../src/experiment/prepare.ts");
    const { validateExperiment } = await import("../../src/experiment/validate.ts");
    const prepared = prepareExperiment(validateExperiment({ data: { dataset: "moons", samples: 1000 }, model: { layers: [{ units: 512, activation: "relu" }, { units: 512, activation: "relu" }, { units: 1, activation: "sigmoid" }] } }));
    const said: string[] = [];
    // 1000 rows × (3·(1024 + 262,144 + 512) − 1024) × 2 ≈ 1.6e9 operations per epoch; at 1e9 a second, 1e6 epochs ≈ 18 days
    expect(() => checkTrainingTime(prepared, 1_000_000, (l) => said.push(l), { file: "big.json", rate: 1e9, limit: 86_400 })).toThrow(
      /^big\.json: train\.epochs: training would take about 1[89] days \(1,000,000 epochs × 1\.6e9 floating-point operations, at 1\.0e9 a second, as measured here\), more than the 24 h allowed: use fewer epochs .*GLASSBOX_TIME_LIMIT=/,
    );
    expect(said).toEqual([]);
    // under the limit: announced when long, silent when short
    expect(checkTrainingTime(prepared, 1000, (l) => said.push(l), { rate: 1e9, limit: Infinity }).seconds).toBeGreaterThan(1000);
    expect(said).toEqual(["training 1,000 epochs: about 26 min (estimated from the shapes)"]);
    checkTrainingTime(prepared, 2, (l) => said.push(l), { rate: 1e9, limit: 86_400 });
    expect(said).toHaveLength(1);
  });
});
