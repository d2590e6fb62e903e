/**
 * The big picture: the network's output over the input plane (or, while a neuron is hovered,
 * that neuron's), the training points on top and, when asked, the test points (ringed in black).
 */
import { DOMAIN, GRID } from "../protocol.ts";
import { paintHeatmap, pointColour } from "./colours.ts";

export interface Points {
  X: Float64Array;
  y: Float64Array;
}

export class OutputView {
  private readonly heat: HTMLCanvasElement;
  private readonly dots: HTMLCanvasElement;
  constructor(readonly wrap: HTMLElement) {
    this.heat = document.createElement("canvas");
    this.dots = document.createElement("canvas");
    this.heat.setAttribute("data-testid", "output-heatmap");
    wrap.append(this.heat, this.dots);
  }

  paint(values: ArrayLike<number>, toUnit: (v: number) => number, discrete: boolean, offset = 0, stride = 1): void {
    paintHeatmap(this.heat, values, GRID, toUnit, discrete, offset, stride);
  }

  /** Points in data coordinates; `toUnit` colours a target (class 0/1 or a regression value). */
  points(train: Points, test: Points | null, toUnit: (y: number) => number): void {
    const c = this.dots;
    const ratio = globalThis.devicePixelRatio || 1;
    const side = Math.max(1, Math.round(this.wrap.clientWidth * ratio));
    c.width = side;
    c.height = side;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, side, side);
    const [lo, hi] = DOMAIN;
    const px = (v: number): number => ((v - lo) / (hi - lo)) * side;
    const r = Math.max(2, side / 110);
    const draw = (p: Points, stroke: string): void => {
      ctx.lineWidth = Math.max(1, ratio);
      ctx.strokeStyle = stroke;
      for (let i = 0; i < p.y.length; i++) {
        ctx.beginPath();
        ctx.arc(px(p.X[2 * i]), side - px(p.X[2 * i + 1]), r, 0, 2 * Math.PI);
        ctx.fillStyle = pointColour(toUnit(p.y[i]));
        ctx.fill();
        ctx.stroke();
      }
    };
    draw(train, "#ffffff");
    if (test) draw(test, "#000000");
  }
}
