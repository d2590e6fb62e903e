/**
 * Why training stopped on its own, as the workers tell the page: data, not words, so that the
 * page says it in its own language and in its own terms (a learning rate to lower in the page,
 * where the engine's message speaks of an experiment file's `train.learningRate`).
 */
import { TrainingDivergedError } from "../nn/trainer.ts";
import { errorText } from "./error-text.ts";

export type Stop =
  /** L-BFGS stopped by itself at this epoch. */
  | { kind: "converged"; epoch: number }
  /** A file's own run is done: the `train.epochs` it gives (`glassbox train` stops there too); play goes on from it. */
  | { kind: "finished"; epoch: number }
  /** The loss became NaN or ±∞ (`grewFrom` null), or grew far past its best. */
  | { kind: "diverged"; epoch: number; loss: number; grewFrom: { loss: number; epoch: number } | null; learningRate: number | null; shownEpoch: number }
  /** Anything else, in the engine's words. */
  | { kind: "failed"; message: string };

/** The stop a thrown error stands for; `paramsEpoch`: the epochs of the parameters the trainer holds then (Trainer.paramsEpoch). */
export function stopOf(e: unknown, paramsEpoch = 0): Stop {
  if (e instanceof TrainingDivergedError) return { kind: "diverged", epoch: e.epoch, loss: e.value, grewFrom: e.grewFrom ?? null, learningRate: e.learningRate ?? null, shownEpoch: paramsEpoch };
  return { kind: "failed", message: errorText(e) };
}
