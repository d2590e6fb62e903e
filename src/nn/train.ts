/**
 * `train()`: a whole run at once, as a loop over a resumable trainer (./trainer.ts), which holds
 * the training loop itself and its configuration types.
 */
import { createTrainer, type StoppedBy, type TrainConfig, type TrainData } from "./trainer.ts";
import type { History, Snapshot } from "./history.ts";
import type { Network } from "./network.ts";

export { defaultLearningRate, firstOrderOptimizer, TrainingDivergedError, type TrainConfig, type TrainData } from "./trainer.ts";

export interface TrainResult {
  history: History;
  snapshots: Snapshot[];
  /** Epochs actually run. */
  epochs: number;
  stoppedBy: StoppedBy;
  seconds: number;
}

/** Trains `net` in place. */
export function train(net: Network, data: TrainData, config: TrainConfig): TrainResult {
  const start = performance.now();
  const trainer = createTrainer(net, data, config);
  try {
    while (trainer.stoppedBy === null) trainer.step(Infinity);
  } finally {
    trainer.dispose();
  }
  return { history: trainer.history, snapshots: trainer.snapshots, epochs: trainer.epoch, stoppedBy: trainer.stoppedBy, seconds: (performance.now() - start) / 1000 };
}
