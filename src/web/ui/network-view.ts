/**
 * The network as TensorFlow Playground draws it: the seven input features (click to switch one on
 * or off), each hidden layer's neurons, the output; every neuron a small heatmap of its output
 * over the input plane, every edge coloured by its weight's sign and drawn as thick as its size.
 * Hovering an edge or a bias shows its value; clicking one edits it.
 */
import { FEATURE_LABEL, FEATURES, LIMITS, type Feature } from "../setup.ts";
import { GRID } from "../protocol.ts";
import { colorOf, NEGATIVE, paintHeatmap, POSITIVE, unitScale } from "./colors.ts";
import { el, svgEl } from "./dom.ts";
import { t, tn } from "../i18n.ts";

export interface NodeRef {
  /** −1 for the input features, else the layer (0-based, the last is the output). */
  layer: number;
  unit: number;
  label: string;
}

export interface NetworkViewHandlers {
  toggleFeature(key: string): void;
  addLayer(): void;
  removeLayer(): void;
  addNeuron(layer: number): void;
  removeNeuron(layer: number): void;
  editParam(index: number, value: number, label: string, at: { x: number; y: number }): void;
  hoverNode(node: NodeRef | null): void;
  tooltip(text: string | null, at?: { x: number; y: number }): void;
}

export interface InputNode {
  key: string;
  label: string;
  /** Feeds the network (switched-off Playground features are drawn, but have no edges). */
  on: boolean;
  /** Whether a click switches it (the Playground's features; not an experiment file's inputs). */
  toggle: boolean;
}

export interface NetworkShape {
  inputs: readonly InputNode[];
  hidden: readonly number[];
  /** Units of the output layer (1, or one per class for softmax). */
  outputUnits: number;
  /** Each layer's activation, the output's last. */
  activations: readonly string[];
  /** Whether + and − change the layers (not for an experiment file, which says what it trains). */
  editable: boolean;
}

/** The Playground's seven features as input nodes. */
export function featureNodes(active: readonly Feature[]): InputNode[] {
  return FEATURES.map((f) => ({ key: f, label: FEATURE_LABEL[f], on: active.includes(f), toggle: true }));
}

const TOP = 74;
/** Thumbnails paint every third grid cell: 34 of 100 across, about the node's pixels. */
const THUMB_EVERY = 3;
const LEFT = 74;
/** Node size and row pitch: the Playground's for up to 12 rows, smaller for wide layers so the diagram stays on screen. */
function sizing(rows: number): { node: number; row: number } {
  const k = Math.min(1, 12 / Math.max(rows, 1));
  return { node: Math.max(10, Math.round(34 * k)), row: Math.max(13, Math.round(46 * k)) };
}
let NODE = 34;
let ROW = 46;

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
  private inputCanvases = new Map<string, HTMLCanvasElement>();
  private layerCanvases: HTMLCanvasElement[][] = [];
  private params: Float64Array | null = null;
  /** The weights and biases the keyboard reaches: what each one's label says it is. */
  private readonly keyed = new Map<Element, { index: number; label: string }>();
  private keyOrder: HTMLElement[] | null = null;

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

  private columnX(width: number, columns = this.shape.hidden.length + 2): number[] {
    // The Playground's spacing where there is room; on a phone, as close as the layer heads'
    // texts allow (their boxes, NODE + 60 px wide, may overlap a little) before the diagram scrolls sideways.
    const gap = Math.max(NODE + 40, Math.min(170, (width - LEFT - NODE - 30) / (columns - 1)));
    return Array.from({ length: columns }, (_, c) => LEFT + c * gap);
  }

  private build(width: number): void {
    const { inputs, hidden, editable } = this.shape;
    const active = inputs.filter((i) => i.on);
    const rows = Math.max(inputs.length, ...hidden, this.shape.outputUnits, 1);
    ({ node: NODE, row: ROW } = sizing(rows));
    const xs = this.columnX(width);
    const height = TOP + rows * ROW + 10;
    // The last column's head reaches 30 px past its node (layerHead).
    const innerWidth = xs[xs.length - 1] + NODE + 30;
    this.inner.style.width = `${innerWidth}px`;
    this.inner.style.height = `${height}px`;
    this.svg.setAttribute("width", String(innerWidth));
    this.svg.setAttribute("height", String(height));
    this.inner.append(this.svg);

    // The layer count control, and each hidden layer's neuron count.
    const layersControl = el(
      "div",
      { class: "layers-control ui-numHiddenLayers" },
      miniButton("+", t("network.addLayer"), hidden.length >= LIMITS.layers, () => this.on.addLayer(), "add-layer"),
      miniButton("−", t("network.removeLayer"), hidden.length === 0, () => this.on.removeLayer(), "remove-layer"),
      el("span", { "data-testid": "layer-count", text: tn("network.layers", hidden.length) }),
    );
    layersControl.style.position = "absolute";
    // Where the first hidden column stands with one hidden layer, whatever the count: the control
    // stays put as layers come and go (it moved left under the pointer, so a double click on +
    // landed its second click on −).
    layersControl.style.left = `${this.columnX(width, 3)[1] - 10}px`;
    layersControl.style.top = "0px";
    if (editable) this.inner.append(layersControl);
    this.inner.append(this.head(inputs.some((i) => i.toggle) ? t("network.features") : t("network.inputs"), xs[0], inputs.some((i) => i.toggle) ? t("network.features.title") : ""), this.head(t("network.output"), xs[xs.length - 1], ""));

    const centre = (count: number, i: number): number => TOP + ((rows - count) * ROW) / 2 + i * ROW;
    // Input nodes: the Playground's seven features (the active ones feed the network, in order), or the file's inputs.
    const inputY = new Map<string, number>();
    inputs.forEach((input, i) => {
      const y = TOP + i * ROW + ((rows - inputs.length) * ROW) / 2;
      inputY.set(input.key, y);
      const canvas = el("canvas", { width: GRID, height: GRID });
      const title = input.toggle ? t(input.on ? "network.switchOff" : "network.switchOn", { label: input.label }) : input.label;
      const node = el("div", { class: `node input${input.on ? "" : " off"}`, "data-feature": input.key, role: input.toggle ? "button" : "img", "aria-pressed": input.toggle ? String(input.on) : undefined, title }, canvas, el("span", { class: "name", text: input.label }));
      place(node, xs[0], y);
      if (input.toggle) {
        node.addEventListener("click", () => this.on.toggleFeature(input.key));
        // A button for the keyboard too: reached by Tab, pressed by Enter or Space.
        node.tabIndex = 0;
        node.addEventListener("keydown", (e) => {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          this.on.toggleFeature(input.key);
        });
      }
      this.hover(node, { layer: -1, unit: active.indexOf(input), label: input.label }, input.on);
      this.inputCanvases.set(input.key, canvas);
      this.inner.append(node);
    });

    const sizes = [...hidden, this.shape.outputUnits];
    let previous: { x: number; y: number }[] = active.map((input) => ({ x: xs[0], y: inputY.get(input.key)! }));
    let offset = 0;
    this.layerCanvases = [];
    sizes.forEach((units, l) => {
      const x = xs[l + 1];
      const isOutput = l === sizes.length - 1;
      if (!isOutput && editable) {
        const head = el(
          "div",
          { class: "layer-head" },
          miniButton("+", t("network.addNeuron", { layer: l + 1 }), units >= LIMITS.neurons, () => this.on.addNeuron(l), `add-neuron-${l}`),
          " ",
          miniButton("−", t("network.removeNeuron", { layer: l + 1 }), units <= 1, () => this.on.removeNeuron(l), `remove-neuron-${l}`),
          el("span", { class: "count", text: tn("network.neurons", units) }),
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
        const label = isOutput ? (units > 1 ? t("network.outputUnit", { unit: j + 1 }) : t("network.theOutput")) : t("network.neuron", { unit: j + 1, layer: l + 1 });
        const canvas = el("canvas", { width: GRID, height: GRID });
        const node = el("div", { class: "node", "data-node": `${l}:${j}` }, canvas);
        place(node, x, y);
        this.hover(node, { layer: l, unit: j, label }, true);
        const biasIndex = offset + units * inSize + j;
        const bias = el("div", { class: "bias", "data-param": biasIndex, title: "" });
        if (NODE < 20) {
          bias.style.width = bias.style.height = "5px";
          bias.style.left = bias.style.bottom = "-3px";
        }
        bias.addEventListener("mouseenter", (e) => this.on.tooltip(this.describe(biasIndex, t("network.bias", { node: label })), { x: e.clientX, y: e.clientY }));
        bias.addEventListener("mouseleave", () => this.on.tooltip(null));
        bias.addEventListener("click", (e) => {
          e.stopPropagation();
          this.on.editParam(biasIndex, this.params?.[biasIndex] ?? 0, t("network.bias", { node: label }), { x: e.clientX, y: e.clientY });
        });
        this.keyboard(bias, biasIndex, t("network.bias", { node: label }));
        node.append(bias);
        this.biases.push({ index: biasIndex, box: bias });
        canvases.push(canvas);
        this.inner.append(node);
        for (let i = 0; i < inSize; i++) {
          const from = previous[i];
          const index = offset + j * inSize + i;
          const fromLabel = l === 0 ? active[i].label : t("network.neuron", { unit: i + 1, layer: l });
          this.edge(index, from, { x, y }, t("network.weight", { from: fromLabel, to: label }));
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
    this.keyboard(hit, index, label, visible);
    this.svg.append(visible, hit);
    this.edges.push({ index, visible });
  }

  /**
   * A weight or bias for the keyboard, as the pointer has it: one stop of Tab for them all (the
   * last one focused), the arrow keys from one to the next in the engine's order (W₁, b₁, W₂, …),
   * its value said as it is focused, and shown; edited with Enter or Space.
   */
  private keyboard(target: HTMLElement | SVGElement, index: number, label: string, visible?: SVGElement): void {
    this.keyed.set(target, { index, label });
    target.setAttribute("tabindex", this.keyed.size === 1 ? "0" : "-1");
    target.setAttribute("role", "button");
    target.setAttribute("aria-label", label);
    const centre = (): { x: number; y: number } => {
      const r = target.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    target.addEventListener("focus", () => {
      // Tab comes back to this one.
      for (const other of this.keyed.keys()) other.setAttribute("tabindex", other === target ? "0" : "-1");
      // A click focuses it too: the pointer's tooltip stays where the pointer is.
      if (!target.matches(":focus-visible")) return;
      const said = this.describe(index, label, "network.valueKeys");
      target.setAttribute("aria-label", said);
      visible?.setAttribute("data-hover", "1");
      this.on.tooltip(said, centre());
    });
    target.addEventListener("blur", () => {
      visible?.removeAttribute("data-hover");
      this.on.tooltip(null);
    });
    target.addEventListener("keydown", (e) => {
      const key = (e as KeyboardEvent).key;
      const move = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[key];
      if (key !== "Enter" && key !== " " && move === undefined) return;
      // The page's own keys (→ steps, space plays) are not pressed on a weight.
      e.preventDefault();
      e.stopPropagation();
      if (move === undefined) return this.on.editParam(index, this.params?.[index] ?? 0, label, centre());
      // The engine's order, made once the diagram is complete (its last weight is keyed before any key is pressed).
      this.keyOrder ??= [...this.keyed].sort((a, b) => a[1].index - b[1].index).map(([el]) => el as HTMLElement);
      const order = this.keyOrder;
      order[Math.max(0, Math.min(order.length - 1, order.indexOf(target as HTMLElement) + move))].focus();
    });
  }

  private describe(index: number, label: string, key: "network.value" | "network.valueKeys" = "network.value"): string {
    const v = this.params?.[index];
    return t(key, { label, value: v === undefined ? "…" : v.toPrecision(4) });
  }

  /** Marks the landscape's two parameters (their indices, horizontal then vertical; none to clear) on their edges or biases. */
  markPicked(indices: readonly number[]): void {
    for (const { index, visible } of this.edges) {
      const k = indices.indexOf(index);
      if (k < 0) visible.removeAttribute("data-picked");
      else visible.setAttribute("data-picked", k === 0 ? "x" : "y");
    }
    for (const { index, box } of this.biases) {
      const k = indices.indexOf(index);
      if (k < 0) delete box.dataset.picked;
      else box.dataset.picked = k === 0 ? "x" : "y";
    }
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
    for (const { index, box } of this.biases) box.style.background = colorOf(Math.tanh(params[index]));
    // The focused weight says its value now (an edit, training), not the one it had when focused.
    const focused = document.activeElement;
    const k = focused ? this.keyed.get(focused) : undefined;
    if (focused && k) focused.setAttribute("aria-label", this.describe(k.index, k.label, "network.valueKeys"));
  }

  /** Each input's map over the plane (switched-off features too: they show what they would add). */
  paintFeatures(grids: Readonly<Record<string, Float32Array>>): void {
    for (const [key, canvas] of this.inputCanvases) if (grids[key]) paintHeatmap(canvas, grids[key], GRID, inputScale(grids[key]), false, 0, 1, THUMB_EVERY);
  }

  /** Every neuron's heatmap. `grids[l]` is layer l's activations, GRID² × units. */
  /** Every neuron's map; `outputScale` colours the output's (a regression's value range), else its activation's range. */
  paint(grids: Float32Array[], discretize: boolean, outputScale?: (v: number) => number): void {
    grids.forEach((g, l) => {
      const canvases = this.layerCanvases[l];
      if (!canvases) return;
      const units = canvases.length;
      const last = l === grids.length - 1;
      const scale = last && outputScale ? outputScale : unitScale(this.shape.activations[l]);
      // Thumbnails: a third of the grid's cells in each direction is more than their pixels show.
      canvases.forEach((canvas, j) => paintHeatmap(canvas, g, GRID, scale, last && discretize, j, units, THUMB_EVERY));
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
  node.style.width = `${NODE}px`;
  node.style.height = `${NODE}px`;
}

/** Inputs are coloured relative to their largest magnitude over the plane (x ∈ ±6, x² up to 36). */
export function inputScale(values: ArrayLike<number>): (v: number) => number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, Math.abs(values[k]));
  const s = max > 0 ? 1 / max : 1;
  return (v) => v * s;
}
