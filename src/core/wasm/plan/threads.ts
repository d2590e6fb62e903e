/**
 * Threads chosen by what pays. A helper thread halves each kernel's work but costs a hand-over
 * per kernel call, moves rows between the cores' caches, and gains nothing when the second core
 * is busy with something else (then the helper runs late, or the caller takes its share back).
 * So whether a workspace shares its kernels is measured, not assumed:
 *
 * - one thread is timed over a few passes first (`trial`, after one pass that warms it up and is
 *   not counted); passes whose one-thread cost is below `minPassSeconds` never share (the
 *   hand-overs, a dozen a pass on moons-deep's five layers, would eat what the second core saves);
 * - otherwise two threads are timed the same way, and kept only if their median cost is lower by
 *   `margin`;
 * - the choice is checked again after `period` passes (doubling while it holds, up to
 *   `maxPeriod`), or at once when two threads, chosen, have become `drift` times slower, since
 *   what else the machine runs changes.
 *
 * A pass's cost is the time from its start to the next pass's, per row: what two threads cost
 * outside the kernels (rows left in the other core's cache when the loss and the update read them)
 * counts too, and a pause between passes is one outlier the medians pass over. One `ThreadChoice`
 * serves every workspace of the same shape on an engine, so a new workspace starts from what the
 * last one learnt.
 */

export interface ThreadRule {
  /** Passes timed each way per trial (after one uncounted pass). */
  readonly trial: number;
  /** Two threads only if their median cost is below (1 − margin) × one thread's. */
  readonly margin: number;
  /** Below this many seconds per pass on one thread, never two. */
  readonly minPassSeconds: number;
  /** Passes before the choice is checked again, at first and at most. */
  readonly period: number;
  readonly maxPeriod: number;
  /** Checked again at once when two threads, chosen, cost this many times what they did when chosen. */
  readonly drift: number;
}

/**
 * The least one-thread kernel time per pass worth trying a second thread on. Measured on 2 cores
 * (Xeon, Node 20, moons-deep's architecture, one thread against two forced, forward + backward):
 * 50–200 rows (0.09–0.3 ms a pass) two threads were 5–8 % slower, the hand-overs outweighing the
 * halved kernels; from 400 rows on they gained up to 2× when the other core was free and lost up
 * to 3.4× when it was busy, which only timing both can tell apart. Below this, even a won trial
 * could not repay the trial's own slow passes.
 */
export const MIN_SHARED_PASS_SECONDS = 2e-4;

export const THREAD_RULE: ThreadRule = { trial: 4, margin: 0.03, minPassSeconds: MIN_SHARED_PASS_SECONDS, period: 64, maxPeriod: 1024, drift: 1.25 };

type Step = { threads: 1 | 2; counted: boolean };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

export class ThreadChoice {
  /** The passes still to time, first to last, and what follows them. */
  private readonly steps: Step[] = [];
  private then: "floor" | "decide" = "floor";
  private readonly costs: Record<1 | 2, number[]> = { 1: [], 2: [] };
  private chosen: 1 | 2 | null = null;
  private period: number;
  private settledFor = 0;
  /** The median cost per row of the way chosen, when it was chosen. */
  private chosenCost = Infinity;
  /** Two threads ruled out by the floor, for good (a workspace's passes do not grow). */
  private tooSmall = false;
  /** The costs per row the last decision compared (for reports and tests). */
  last: { one: number; two: number } | null = null;

  constructor(readonly rule: ThreadRule = THREAD_RULE) {
    this.period = rule.period;
    this.trial(1);
  }

  /** One uncounted pass with `threads`, then `rule.trial` counted ones. */
  private trial(threads: 1 | 2): void {
    this.costs[threads] = [];
    this.steps.push({ threads, counted: false });
    for (let t = 0; t < this.rule.trial; t++) this.steps.push({ threads, counted: true });
  }

  /** Threads for the next pass. */
  get threads(): 1 | 2 {
    return this.steps.length > 0 ? this.steps[0].threads : (this.chosen ?? 1);
  }

  /** Whether the choice is made and no trial is under way. */
  get settled(): boolean {
    return this.steps.length === 0 && this.chosen !== null;
  }

  /** The kernels' seconds for a pass of `rows` rows, run with `threads` (what `threads` said). */
  record(seconds: number, rows: number, threads: 1 | 2): void {
    const perRow = seconds / Math.max(rows, 1);
    const step = this.steps[0];
    if (step) {
      if (step.threads !== threads) return; // not the pass the trial asked for
      this.steps.shift();
      if (step.counted) this.costs[threads].push(perRow);
      if (this.steps.length > 0) return;
      if (this.then === "floor") {
        this.then = "decide";
        if (median(this.costs[1]) * rows < this.rule.minPassSeconds) {
          this.tooSmall = true;
          this.chosen = 1;
        } else this.trial(2);
      } else this.decide();
      return;
    }
    if (this.tooSmall || this.chosen === null) return;
    // Settled: keep the latest costs of the way chosen; try the other after `period` passes.
    const mine = this.costs[this.chosen];
    mine.push(perRow);
    if (mine.length > this.rule.trial) mine.shift();
    // (sooner when two threads have become much slower than when they were chosen: the other core
    // got busy. One thread slowing down is the load rising too, which makes two no better.)
    const drifted = this.chosen === 2 && mine.length === this.rule.trial && median(mine) > this.rule.drift * this.chosenCost;
    if (++this.settledFor >= this.period || drifted) {
      this.settledFor = 0;
      this.trial(this.chosen === 1 ? 2 : 1);
    }
  }

  private decide(): void {
    const one = median(this.costs[1]);
    const two = median(this.costs[2]);
    this.last = { one, two };
    const next: 1 | 2 = two < one * (1 - this.rule.margin) ? 2 : 1;
    this.period = next === this.chosen ? Math.min(this.period * 2, this.rule.maxPeriod) : this.rule.period;
    this.chosen = next;
    this.chosenCost = next === 1 ? one : two;
    this.settledFor = 0;
  }
}
