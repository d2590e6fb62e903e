/** What training records, per ARCHITECTURE §2's epoch convention (1-based, measured before the epoch's update). */
export interface History {
  epoch: number[];
  /**
   * The reported loss of each recorded epoch (the mean over rows with its penalty, or the sum for
   * `sse`). Full batch: measured in that epoch's forward pass, before its update. Mini-batches: the
   * sample-weighted mean Σ mᵦ·lossᵦ / n of its batches' losses (Keras' convention), each measured
   * before that batch's update with its own penalty term (divided by mᵦ for the mean losses).
   */
  loss: number[];
  /** NaN entries for regression. */
  accuracy: number[];
  /** On the held-out rows, when the epoch's loss is recorded: before the update (full batch), after the epoch's last batch (mini-batches). */
  testLoss?: number[];
  testAccuracy?: number[];
}

export interface Snapshot {
  /** Parameters after this epoch's update (0 = the initial parameters). */
  epoch: number;
  layers: { W: number[][]; b: number[] }[];
}

export interface EpochInfo {
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
  testLoss: number | null;
  testAccuracy: number | null;
}

export function emptyHistory(withTest: boolean): History {
  return withTest ? { epoch: [], loss: [], accuracy: [], testLoss: [], testAccuracy: [] } : { epoch: [], loss: [], accuracy: [] };
}

export function recordEpoch(h: History, e: EpochInfo): void {
  h.epoch.push(e.epoch);
  h.loss.push(e.loss);
  h.accuracy.push(e.accuracy);
  if (h.testLoss && e.testLoss !== null) h.testLoss.push(e.testLoss);
  if (h.testAccuracy && e.testAccuracy !== null) h.testAccuracy.push(e.testAccuracy);
}
