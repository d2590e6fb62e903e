/**
 * The big picture: the network's output over the input plane (or, while a neuron is hovered,
 * that neuron's), the training points on top and, when asked, the test points (ringed in black).
 */
import { GRID, type Domain } from "../protocol.ts";
import { paintClasses, paintHeatmap } from "./colors.ts";

export interface Points {
  X: Float64Array;
  y: Float64Array;
}

export class OutputView {
  private readonly heat: HTMLCanvasElement;
  private readonly dots: HTMLCanvasElement;
  private readonly other: HTMLElement;
  constructor(readonly wrap: HTMLElement) {
    this.heat = document.createElement("canvas");
    this.dots = document.createElement("canvas");
    this.other = document.createElement("div");
    this.other.className = "output-other";
    this.other.setAttribute("data-testid", "output-other");
    this.heat.setAttribute("data-testid", "output-heatmap");
    wrap.append(this.heat, this.dots, this.other);
  }

  /** For data that is not a plane: a picture (1-D: the curves) or a sentence instead of the heatmap. */
  showInstead(content: { svg: string } | { text: string }): void {
    this.heat.hidden = true;
    this.dots.hidden = true;
    this.wrap.classList.add("not-a-plane");
    this.wrap.parentElement?.classList.add("output-not-a-plane");
    if ("svg" in content) this.other.innerHTML = content.svg;
    else this.other.textContent = content.text;
  }

  paint(values: ArrayLike<number>, toUnit: (v: number) => number, discrete: boolean, offset = 0, stride = 1): void {
    paintHeatmap(this.heat, values, GRID, toUnit, discrete, offset, stride);
  }

  /** A softmax output: each cell in its most probable class's colour, as strong as that probability. */
  paintClasses(values: ArrayLike<number>, classes: number, discrete: boolean): void {
    paintClasses(this.heat, values, GRID, classes, discrete);
  }

  /** Points in data coordinates (x, y = the first two raw columns); `colour` colours a target. */
  points(train: Points, test: Points | null, color: (y: number) => string, domain: Domain, dim = 2): void {
    const c = this.dots;
    const ratio = globalThis.devicePixelRatio || 1;
    const side = Math.max(1, Math.round(this.wrap.clientWidth * ratio));
    c.width = side;
    c.height = side;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, side, side);
    const [x0, x1, y0, y1] = domain;
    const px = (v: number): number => ((v - x0) / (x1 - x0)) * side;
    const py = (v: number): number => ((v - y0) / (y1 - y0)) * side;
    const r = Math.max(2, side / 110);
    const draw = (p: Points, stroke: string): void => {
      ctx.lineWidth = Math.max(1, ratio);
      ctx.strokeStyle = stroke;
      for (let i = 0; i < p.y.length; i++) {
        ctx.beginPath();
        ctx.arc(px(p.X[dim * i]), side - py(p.X[dim * i + 1]), r, 0, 2 * Math.PI);
        ctx.fillStyle = color(p.y[i]);
        ctx.fill();
        ctx.stroke();
      }
    };
    draw(train, "#ffffff");
    if (test) draw(test, "#000000");
    // How many of each are drawn (for tests and tools reading the page).
    c.dataset.trainPoints = String(train.y.length);
    c.dataset.testPoints = String(test?.y.length ?? 0);
  }
}
