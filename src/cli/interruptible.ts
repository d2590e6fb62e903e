/**
 * `glassbox train`'s loop: the trainer stepped in short slices with the event loop let in between,
 * so Ctrl-C (SIGINT) or SIGTERM stops it at the end of the current epoch and the run so far can
 * still be written (marked as interrupted). The bits are those of one `train()` call.
 */
import type { Prepared } from "../experiment/prepare.ts";
import { runJson, type RunJson } from "../experiment/run.ts";
import { createTrainer } from "../nn/trainer.ts";
import type { TrainResult } from "../nn/train.ts";
import type { History } from "../nn/history.ts";
import { epochText } from "./format.ts";
import { progressBar, SILENT } from "./progress.ts";

/** The progress text of the last recorded epoch (its loss measured before its update). */
function lastEpochText(h: History): string {
  const k = h.epoch.length - 1;
  return k < 0 ? "" : epochText({ epoch: h.epoch[k], epochs: 0, loss: h.loss[k], accuracy: h.accuracy[k], testLoss: null, testAccuracy: null });
}

export interface Interruptible {
  result: TrainResult;
  run: RunJson;
  /** The signal that stopped training early, if one did. */
  interrupted: NodeJS.Signals | null;
}

const SLICE_MS = 40;

/**
 * Trains with progress on stderr; resolves when the epochs end, training stops, or a signal comes.
 * The trainer runs in chunks of epochs sized to take about SLICE_MS (doubled while they are
 * quicker), so the clock is read once per chunk, not per epoch, and no callback runs per epoch:
 * the loop costs what the trainer's epochs cost.
 */
export async function trainInterruptibly(prepared: Prepared, epochs: number, o: { quiet?: boolean; signals?: NodeJS.Signals[] } = {}): Promise<Interruptible> {
  const bar = o.quiet ? SILENT : progressBar("training", epochs);
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (s: NodeJS.Signals) => {
    interrupted ??= s;
  };
  const signals = o.signals ?? (["SIGINT", "SIGTERM"] as NodeJS.Signals[]);
  for (const s of signals) process.on(s, onSignal);
  const start = performance.now();
  const trainer = createTrainer(prepared.model, prepared.data, { ...prepared.config, epochs });
  const text = (): string => lastEpochText(trainer.history);
  try {
    let chunk = 1;
    while (trainer.stoppedBy === null && interrupted === null) {
      const sliceEnd = performance.now() + SLICE_MS;
      for (;;) {
        const t = performance.now();
        trainer.step(chunk);
        bar.update(trainer.epoch, text);
        const now = performance.now();
        if (trainer.stoppedBy !== null || now >= sliceEnd) break;
        // Chunks of about a tenth of the slice: a late signal waits at most one slice.
        if (now - t < SLICE_MS / 10) chunk *= 2;
      }
      // Let signals (and the terminal) in between slices.
      await new Promise<void>((r) => setImmediate(r));
    }
  } finally {
    trainer.dispose();
    bar.stop();
    for (const s of signals) process.off(s, onSignal);
  }
  const result: TrainResult = {
    history: trainer.history,
    snapshots: trainer.snapshots,
    epochs: trainer.epoch,
    stoppedBy: trainer.stoppedBy ?? "callback",
    seconds: (performance.now() - start) / 1000,
  };
  const run = runJson(prepared, result, interrupted !== null);
  return { result, run, interrupted };
}
