/**
 * `glassbox train`'s loop: the trainer stepped in short slices with the event loop let in between,
 * so Ctrl-C (SIGINT) or SIGTERM stops it at the end of the current epoch and the run so far can
 * still be written (marked as interrupted). The bits are those of one `train()` call.
 */
import type { Prepared } from "../experiment/prepare.ts";
import type { RunJson } from "../experiment/run.ts";
import { modelToJson } from "../nn/serialize.ts";
import { createTrainer } from "../nn/trainer.ts";
import type { TrainResult } from "../nn/train.ts";
import { epochText } from "./format.ts";
import { progressBar } from "./progress.ts";

export interface Interruptible {
  result: TrainResult;
  run: RunJson;
  /** The signal that stopped training early, if one did. */
  interrupted: NodeJS.Signals | null;
}

const SLICE_MS = 40;

/** Trains with a progress bar; resolves when the epochs end, training stops, or a signal comes. */
export async function trainInterruptibly(prepared: Prepared, epochs: number, o: { quiet?: boolean; signals?: NodeJS.Signals[] } = {}): Promise<Interruptible> {
  const bar = { update(_d: number, _t?: string) {}, stop() {} }; void progressBar;
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (s: NodeJS.Signals) => {
    interrupted ??= s;
  };
  const signals = o.signals ?? (["SIGINT", "SIGTERM"] as NodeJS.Signals[]);
  for (const s of signals) process.on(s, onSignal);
  const start = performance.now();
  const trainer = createTrainer(prepared.model, prepared.data, { ...prepared.config, epochs, onEpoch: (e) => bar.update(e.epoch, epochText(e)) });
  try {
    while (trainer.stoppedBy === null && interrupted === null) {
      const sliceEnd = performance.now() + SLICE_MS;
      while (trainer.stoppedBy === null && performance.now() < sliceEnd) trainer.step(1);
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
  const run: RunJson = {
    model: modelToJson(prepared.model),
    history: result.history,
    snapshots: result.snapshots,
    seconds: result.seconds,
    epochs: result.epochs,
    stoppedBy: interrupted ? "interrupted" : result.stoppedBy,
    ...(interrupted ? { interrupted: true } : {}),
  };
  return { result, run, interrupted };
}
