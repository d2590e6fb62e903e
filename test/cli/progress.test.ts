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
