/**
 * The live loss curve: train and test loss against epochs. Points arrive with every frame; past
 * MAX_POINTS every other one is dropped, so a long run keeps its whole shape in bounded memory.
 */
import { PALETTE } from "../../viz/palette.ts";

const MAX_POINTS = 1200;
// TensorFlow Playground's: training grey, test black (neither a class's colour).
export const TRAIN_COLOR = PALETTE.muted;
export const TEST_COLOR = PALETTE.ink;

export class LossChart {
  private epochs: number[] = [];
  private train: number[] = [];
  private test: number[] = [];
  /** With `from`, the new chart (a rebuilt page's) carries on that one's curve. */
  constructor(
    readonly canvas: HTMLCanvasElement,
    from?: LossChart,
  ) {
    if (from) {
      this.epochs = [...from.epochs];
      this.train = [...from.train];
      this.test = [...from.test];
    }
  }

  clear(): void {
    this.epochs = [];
    this.train = [];
    this.test = [];
    this.draw();
  }

  add(epoch: number, train: number, test: number): void {
    const last = this.epochs.length - 1;
    if (last >= 0 && this.epochs[last] === epoch) {
      this.train[last] = train;
      this.test[last] = test;
      return;
    }
    if (last >= 0 && epoch < this.epochs[last]) this.clear();
    this.epochs.push(epoch);
    this.train.push(train);
    this.test.push(test);
    if (this.epochs.length > MAX_POINTS) {
      const keep = (_: number, i: number): boolean => i % 2 === 0 || i === this.epochs.length - 1;
      this.epochs = this.epochs.filter(keep);
      this.train = this.train.filter(keep);
      this.test = this.test.filter(keep);
    }
  }

  draw(): void {
    const c = this.canvas;
    const ratio = globalThis.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(c.clientWidth * ratio));
    const h = Math.max(1, Math.round(c.clientHeight * ratio));
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, w, h);
    const n = this.epochs.length;
    if (n < 2) return;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, finite(this.train[i]), finite(this.test[i]));
    max = max > 0 ? max * 1.1 : 1;
    const e0 = this.epochs[0];
    const span = Math.max(1, this.epochs[n - 1] - e0);
    const line = (values: number[], color: string): void => {
      ctx.beginPath();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5 * ratio;
      let started = false;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(values[i])) continue;
        const x = ((this.epochs[i] - e0) / span) * (w - 2) + 1;
        const y = h - 2 - (values[i] / max) * (h - 4);
        if (started) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        started = true;
      }
      ctx.stroke();
    };
    line(this.test, TEST_COLOR);
    line(this.train, TRAIN_COLOR);
  }
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
