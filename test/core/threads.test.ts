/**
 * Threads chosen by what pays (src/core/wasm/plan/threads.ts), driven by made-up costs: the
 * decision rule alone, with no clock and no second thread.
 */
import { describe, expect, it } from "vitest";
import { MIN_SHARED_PASS_SECONDS, THREAD_RULE, ThreadChoice } from "../../src/core/wasm/plan/threads.ts";

/** Runs `passes` passes of `rows` rows, each costing what `cost` says for the threads the choice picks; returns the threads used, in order. */
function drive(choice: ThreadChoice, passes: number, rows: number, cost: (threads: 1 | 2, pass: number) => number): (1 | 2)[] {
  const used: (1 | 2)[] = [];
  for (let p = 0; p < passes; p++) {
    const threads = choice.threads;
    used.push(threads);
    choice.record(cost(threads, p), rows, threads);
  }
  return used;
}

const ms = 1e-3;

describe("the choice of threads", () => {
  it("keeps two threads where they are faster", () => {
    const choice = new ThreadChoice();
    const used = drive(choice, 60, 900, (t) => (t === 1 ? 1.5 * ms : 0.9 * ms));
    expect(choice.settled).toBe(true);
    expect(used.slice(-40).every((t) => t === 2)).toBe(true);
    expect(choice.last!.two).toBeLessThan(choice.last!.one);
  });

  it("keeps one thread where two are slower (the other core busy), trying two again only now and then", () => {
    const choice = new ThreadChoice();
    const passes = 3000;
    const used = drive(choice, passes, 900, (t) => (t === 1 ? 1.5 * ms : 3 * ms));
    const two = used.filter((t) => t === 2).length;
    // the first trial, then rechecks at growing intervals
    expect(two).toBeGreaterThanOrEqual(THREAD_RULE.trial + 1);
    expect(two).toBeLessThan(0.04 * passes);
    // so the passes cost at most a few per cent more than on one thread throughout
    const total = used.reduce((s, t) => s + (t === 1 ? 1.5 : 3), 0);
    expect(total / (1.5 * passes)).toBeLessThan(1.04);
  });

  it("follows a change of load: two threads once the other core is free, one again when it is busy", () => {
    const choice = new ThreadChoice();
    // busy for 500 passes, free for 1500, busy again
    const busy = (p: number) => p < 500 || p >= 2000;
    const used = drive(choice, 3000, 900, (t, p) => (t === 1 ? 1.5 * ms : busy(p) ? 3 * ms : 0.9 * ms));
    const share = (from: number, to: number) => used.slice(from, to).filter((t) => t === 2).length / (to - from);
    expect(share(100, 500)).toBeLessThan(0.1);
    expect(share(1000, 2000)).toBeGreaterThan(0.9);
    expect(share(2600, 3000)).toBeLessThan(0.1);
  });

  it("does not keep trying two threads because one thread's costs are noisy (a loaded machine)", () => {
    const choice = new ThreadChoice();
    let seed = 7;
    const noise = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 1.5 + 0.5; // 0.5–2×
    const used = drive(choice, 3000, 900, (t) => (t === 1 ? 1.5 * ms * noise() : 3 * ms * noise()));
    expect(used.filter((t) => t === 2).length / used.length).toBeLessThan(0.04);
  });

  it("never tries two threads on passes too small to pay for the hand-overs", () => {
    const choice = new ThreadChoice();
    const small = MIN_SHARED_PASS_SECONDS / 2;
    const used = drive(choice, 500, 100, (t) => (t === 1 ? small : small / 10));
    expect(used.every((t) => t === 1)).toBe(true);
    expect(choice.settled).toBe(true);
  });

  it("judges by the median, so one slow pass (a pause, a collection) does not decide", () => {
    const choice = new ThreadChoice();
    // two threads faster, but one of their trial passes took a second
    let twoSeen = 0;
    drive(choice, 2 * (THREAD_RULE.trial + 1), 900, (t) => (t === 1 ? 1.5 * ms : ++twoSeen === 3 ? 1 : 0.9 * ms));
    expect(choice.threads).toBe(2);
  });

  it("compares costs per row, and counts no pass it did not ask for", () => {
    // a stray pass with the other count of threads is ignored: the trial still wants one thread, as many times as before
    const choice = new ThreadChoice();
    for (let p = 0; p < 3; p++) choice.record(5 * ms, 900, 2);
    expect(drive(choice, THREAD_RULE.trial + 1, 900, () => 1.5 * ms)).toEqual(Array(THREAD_RULE.trial + 1).fill(1));
    expect(choice.threads).toBe(2);
    // one thread at 1.5 ms for 900 rows; two threads at 1.2 ms for 600 rows: per row, two are slower
    const c2 = new ThreadChoice();
    for (let p = 0; p < 2 * (THREAD_RULE.trial + 1); p++) {
      const t = c2.threads;
      c2.record(t === 1 ? 1.5 * ms : 1.2 * ms, t === 1 ? 900 : 600, t);
    }
    expect(c2.settled).toBe(true);
    expect(c2.threads).toBe(1);
  });
});
