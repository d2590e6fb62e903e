/**
 * The network as TensorFlow Playground draws it: the seven input features (click to switch one on
 * or off), each hidden layer's neurons, the output; every neuron a small heatmap of its output
 * over the input plane, every edge coloured by its weight's sign and drawn as thick as its size.
 * Hovering an edge or a bias shows its value; clicking one edits it.
 */
import { FEATURE_LABEL, FEATURES, LIMITS, type Feature } from "../setup.ts";
import { GRID } from "../protocol.ts";
import { colourOf, NEGATIVE, paintHeatmap, POSITIVE, unitScale } from "./colours.ts";
import { el, svgEl } from "./dom.ts";

export interface NodeRef {
  /** −1 for the input features, else the layer (0-based, the last is the output). */
  layer: number;
  unit: number;
  label: string;
}

export interface NetworkViewHandlers {
  toggleFeature(f: Feature): void;
  addLayer(): void;
  removeLayer(): void;
  addNeuron(layer: number): void;
  removeNeuron(layer: number): void;
  editParam(index: number, value: number, label: string, at: { x: number; y: number }): void;
  hoverNode(node: NodeRef | null): void;
  tooltip(text: string | null, at?: { x: number; y: number }): void;
}

export interface NetworkShape {
  active: readonly Feature[];
  hidden: readonly number[];
  activations: readonly string[];
}

const NODE = 34;
const ROW = 46;
const TOP = 74;
const LEFT = 74;

interface Edge {
  index: number;
  visible: SVGPathElement;
}

export class NetworkView {
  readonly root: HTMLElement;
  private readonly inner: HTMLElement;
  private readonly svg: SVGSVGElement;
  private edges: Edge[] = [];
  private biases: { index: number; box: HTMLElement }[] = [];
  private inputCanvases = new Map<Feature, HTMLCanvasElement>();
  private layerCanvases: HTMLCanvasElement[][] = [];
  private params: Float64Array | null = null;

  constructor(
    private readonly shape: NetworkShape,
    private readonly on: NetworkViewHandlers,
    width: number,
  ) {
    this.root = el("div", { class: "network", "data-testid": "network" });
    this.inner = el("div", { class: "network-inner" });
    this.svg = svgEl("svg", { class: "edges" });
    this.root.append(this.inner);
    this.build(width);
  }

  private columnX(width: number): number[] {
    const columns = this.shape.hidden.length + 2;
    const gap = Math.max(92, Math.min(170, (width - LEFT - NODE - 10) / (columns - 1)));
    return Array.from({ length: columns }, (_, c) => LEFT + c * gap);
  }

  private build(width: number): void {
    const { active, hidden } = this.shape;
    const xs = this.columnX(width);
    const rows = Math.max(FEATURES.length, ...hidden, 1);
    const height = TOP + rows * ROW + 10;
    const innerWidth = xs[xs.length - 1] + NODE + 12;
    this.inner.style.width = `${innerWidth}px`;
    this.inner.style.height = `${height}px`;
    this.svg.setAttribute("width", String(innerWidth));
    this.svg.setAttribute("height", String(height));
    this.inner.append(this.svg);

    // The layer count control, and each hidden layer's neuron count.
    const layersControl = el(
      "div",
      { class: "layers-control ui-numHiddenLayers" },
      miniButton("+", "add a hidden layer", hidden.length >= LIMITS.layers, () => this.on.addLayer(), "add-layer"),
      miniButton("−", "remove a hidden layer", hidden.length === 0, () => this.on.removeLayer(), "remove-layer"),
      el("span", { "data-testid": "layer-count", text: `${hidden.length} hidden layer${hidden.length === 1 ? "" : "s"}` }),
    );
    layersControl.style.position = "absolute";
    layersControl.style.left = `${xs[1] - 10}px`;
    layersControl.style.top = "0px";
    this.inner.append(layersControl, this.head("Features", xs[0], "click to switch on or off"), this.head("Output", xs[xs.length - 1], ""));

    const centre = (count: number, i: number): number => TOP + ((rows - count) * ROW) / 2 + i * ROW;
    // Input features: all seven, the active ones feeding the network in this order.
    const inputY = new Map<Feature, number>();
    FEATURES.forEach((f, i) => {
      const y = TOP + i * ROW + ((rows - FEATURES.length) * ROW) / 2;
      inputY.set(f, y);
      const on = active.includes(f);
      const canvas = el("canvas", { width: GRID, height: GRID });
      const node = el("div", { class: `node input${on ? "" : " off"}`, "data-feature": f, role: "button", "aria-pressed": String(on), title: `${FEATURE_LABEL[f]}: click to switch ${on ? "off" : "on"}` }, canvas, el("span", { class: "name", text: FEATURE_LABEL[f] }));
      place(node, xs[0], y);
      node.addEventListener("click", () => this.on.toggleFeature(f));
      this.hover(node, { layer: -1, unit: active.indexOf(f), label: FEATURE_LABEL[f] }, on);
      this.inputCanvases.set(f, canvas);
      this.inner.append(node);
    });

    const sizes = [...hidden, 1];
    let previous: { x: number; y: number }[] = active.map((f) => ({ x: xs[0], y: inputY.get(f)! }));
    let offset = 0;
    this.layerCanvases = [];
    sizes.forEach((units, l) => {
      const x = xs[l + 1];
      const isOutput = l === sizes.length - 1;
      if (!isOutput) {
        const head = el(
          "div",
          { class: "layer-head" },
          miniButton("+", `add a neuron to layer ${l + 1}`, units >= LIMITS.neurons, () => this.on.addNeuron(l), `add-neuron-${l}`),
          " ",
          miniButton("−", `remove a neuron from layer ${l + 1}`, units <= 1, () => this.on.removeNeuron(l), `remove-neuron-${l}`),
          el("span", { class: "count", text: `${units} neuron${units === 1 ? "" : "s"}` }),
        );
        head.style.left = `${x - 22}px`;
        head.style.top = "26px";
        head.style.width = `${NODE + 44}px`;
        this.inner.append(head);
      }
      const inSize = previous.length;
      const here: { x: number; y: number }[] = [];
      const canvases: HTMLCanvasElement[] = [];
      for (let j = 0; j < units; j++) {
        const y = centre(units, j);
        here.push({ x, y });
        const label = isOutput ? "the output" : `neuron ${j + 1} of layer ${l + 1}`;
        const canvas = el("canvas", { width: GRID, height: GRID });
        const node = el("div", { class: "node", "data-node": `${l}:${j}` }, canvas);
        place(node, x, y);
        this.hover(node, { layer: l, unit: j, label }, true);
        const biasIndex = offset + units * inSize + j;
        const bias = el("div", { class: "bias", "data-param": biasIndex, title: "" });
        bias.addEventListener("mouseenter", (e) => this.on.tooltip(this.describe(biasIndex, `bias of ${label}`), { x: e.clientX, y: e.clientY }));
        bias.addEventListener("mouseleave", () => this.on.tooltip(null));
        bias.addEventListener("click", (e) => {
          e.stopPropagation();
          this.on.editParam(biasIndex, this.params?.[biasIndex] ?? 0, `bias of ${label}`, { x: e.clientX, y: e.clientY });
        });
        node.append(bias);
        this.biases.push({ index: biasIndex, box: bias });
        canvases.push(canvas);
        this.inner.append(node);
        for (let i = 0; i < inSize; i++) {
          const from = previous[i];
          const index = offset + j * inSize + i;
          const fromLabel = l === 0 ? FEATURE_LABEL[active[i]] : `neuron ${i + 1} of layer ${l}`;
          this.edge(index, from, { x, y }, `weight from ${fromLabel} to ${label}`);
        }
      }
      this.layerCanvases.push(canvases);
      offset += units * inSize + units;
      previous = here;
    });
  }

  private head(text: string, x: number, title: string): HTMLElement {
    const h = el("div", { class: "layer-head", text, title });
    h.style.left = `${x - 30}px`;
    h.style.top = "26px";
    h.style.width = `${NODE + 60}px`;
    return h;
  }

  private hover(node: HTMLElement, ref: NodeRef, live: boolean): void {
    if (!live) return;
    node.addEventListener("mouseenter", () => this.on.hoverNode(ref));
    node.addEventListener("mouseleave", () => this.on.hoverNode(null));
  }

  private edge(index: number, from: { x: number; y: number }, to: { x: number; y: number }, label: string): void {
    const x0 = from.x + NODE;
    const y0 = from.y + NODE / 2;
    const x1 = to.x;
    const y1 = to.y + NODE / 2;
    const mx = (x0 + x1) / 2;
    const d = `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`;
    const visible = svgEl("path", { d, "data-param": index, stroke: "#ccc", "stroke-width": 1 });
    const hit = svgEl("path", { d, class: "hit", "data-param": index });
    hit.addEventListener("mouseenter", (e) => {
      visible.setAttribute("data-hover", "1");
      this.on.tooltip(this.describe(index, label), { x: e.clientX, y: e.clientY });
    });
    hit.addEventListener("mousemove", (e) => this.on.tooltip(this.describe(index, label), { x: e.clientX, y: e.clientY }));
    hit.addEventListener("mouseleave", () => {
      visible.removeAttribute("data-hover");
      this.on.tooltip(null);
    });
    hit.addEventListener("click", (e) => this.on.editParam(index, this.params?.[index] ?? 0, label, { x: e.clientX, y: e.clientY }));
    this.svg.append(visible, hit);
    this.edges.push({ index, visible });
  }

  private describe(index: number, label: string): string {
    const v = this.params?.[index];
    return `${label}: ${v === undefined ? "…" : v.toPrecision(4)} (click to edit)`;
  }

  /** Edge colours and widths, bias colours: from the latest parameters. */
  setParams(params: Float64Array): void {
    this.params = params;
    for (const { index, visible } of this.edges) {
      const w = params[index];
      visible.setAttribute("stroke", w >= 0 ? POSITIVE : NEGATIVE);
      // TensorFlow Playground's scale: |w| 0…5 → 1…10 px, clamped.
      visible.setAttribute("stroke-width", (1 + (Math.min(Math.abs(w), 5) / 5) * 9).toFixed(2));
      visible.setAttribute("stroke-opacity", "0.75");
    }
    for (const { index, box } of this.biases) box.style.background = colourOf(Math.tanh(params[index]));
  }

  /** Each input feature's map over the plane (switched-off ones too: they show what they would add). */
  paintFeatures(featureGrids: Readonly<Record<Feature, Float32Array>>): void {
    for (const f of FEATURES) paintHeatmap(this.inputCanvases.get(f)!, featureGrids[f], GRID, inputScale(featureGrids[f]));
  }

  /** Every neuron's heatmap. `grids[l]` is layer l's activations, GRID² × units. */
  paint(grids: Float32Array[], discretize: boolean): void {
    grids.forEach((g, l) => {
      const canvases = this.layerCanvases[l];
      if (!canvases) return;
      const units = canvases.length;
      const scale = unitScale(this.shape.activations[l]);
      const last = l === grids.length - 1;
      canvases.forEach((canvas, j) => paintHeatmap(canvas, g, GRID, scale, last && discretize, j, units));
    });
  }
}

function miniButton(text: string, title: string, disabled: boolean, onClick: () => void, testId: string): HTMLButtonElement {
  const b = el("button", { class: "mini-button", title, "aria-label": title, "data-testid": testId, disabled, text });
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

function place(node: HTMLElement, x: number, y: number): void {
  node.style.left = `${x}px`;
  node.style.top = `${y}px`;
}

/** Inputs are coloured relative to their largest magnitude over the plane (x ∈ ±6, x² up to 36). */
export function inputScale(values: ArrayLike<number>): (v: number) => number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, Math.abs(values[k]));
  const s = max > 0 ? 1 / max : 1;
  return (v) => v * s;
}
