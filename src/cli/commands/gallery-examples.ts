/**
 * What the gallery draws for each example: the pictures examples/README.md lists, each with a
 * one-line caption. Each example is trained once; its pictures and animations share that run.
 */
import type { AnimateOptions, AnimationName } from "../../animate/index.ts";
import type { ViewName, ViewOptions } from "../../viz/index.ts";

/** A change to an experiment file for a comparison (merged into its sections). */
export interface Variant {
  label: string;
  patch: { model?: unknown; train?: Record<string, unknown> };
}

export type GalleryItem =
  | { kind: "view"; name: string; view: ViewName; options?: ViewOptions; caption: string; variant?: Variant }
  | { kind: "animation"; name: string; animation: AnimationName; options?: AnimateOptions; caption: string }
  | { kind: "tile"; name: string; view: ViewName; variants: Variant[]; options?: ViewOptions; columns: number; title: string; caption: string }
  | { kind: "steps"; name: string; caption: string };

export interface GalleryExample {
  file: string;
  items: GalleryItem[];
}

const oneLayer = (units: number, activation = "relu"): Variant => ({
  label: `${units} ${activation} neuron${units === 1 ? "" : "s"}`,
  patch: { model: { layers: [{ units, activation }, { units: 1, activation: "sigmoid" }] } },
});

export const GALLERY: GalleryExample[] = [
  {
    file: "one-feature.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "12 points on a line; class 1 in the middle" },
      { kind: "view", name: "neurons", view: "neurons", options: { extent: [-2, 2] }, caption: "each hidden neuron's curve (red, blue) and the output (black): two sigmoid cuts near ±0.5" },
      { kind: "view", name: "cost-slice", view: "cost-slice", options: { param: "W1[0,0]", range: [-100, 100] }, caption: "the cost as one weight of W1 sweeps [−100, 100]: not convex" },
      { kind: "view", name: "cost-surface", view: "cost-surface", caption: "the cost over two weights, the descent path drawn on it" },
      { kind: "view", name: "cost-surface-3d", view: "cost-surface", options: { mode: "3d" }, caption: "the same cost as a 3-D surface" },
      { kind: "animation", name: "cost-landscape", animation: "cost-landscape", caption: "gradient descent walking the cost surface" },
      { kind: "view", name: "trajectory", view: "trajectory", caption: "all 7 parameters over the epochs" },
      { kind: "animation", name: "training", animation: "training", caption: "the fit evolving as the network learns" },
    ],
  },
  {
    file: "moons-deep.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "the moons: 900 training points, 100 test points (rings)" },
      { kind: "view", name: "boundary", view: "boundary", caption: "the learned decision boundary: probability, the 0.5 contour, train and test points" },
      { kind: "animation", name: "training", animation: "training", caption: "the boundary forming over the epochs" },
      { kind: "view", name: "history", view: "history", caption: "loss and accuracy, train and test, over the epochs" },
      { kind: "view", name: "network", view: "network", caption: "the 2-25-50-50-25-1 network, edges by sign and size" },
      {
        kind: "tile",
        name: "optimizers",
        view: "boundary",
        columns: 3,
        title: "The same network, three optimisers",
        options: { width: 520, height: 440 },
        variants: [
          { label: "gradient descent (the example's own)", patch: {} },
          { label: "Adam, lr 0.01, 200 epochs", patch: { train: { optimizer: "adam", learningRate: 0.01, epochs: 200 } } },
          { label: "SGD, mini-batches of 32, lr 0.05, 300 epochs", patch: { train: { optimizer: "sgd", learningRate: 0.05, epochs: 300, batchSize: 32 } } },
        ],
        caption: "the same network trained with gradient descent, Adam and SGD mini-batches",
      },
      { kind: "view", name: "history-adam", view: "history", variant: { label: "Adam", patch: { train: { optimizer: "adam", learningRate: 0.01, epochs: 200 } } }, caption: "Adam (lr 0.01) gets there in 200 epochs" },
    ],
  },
  {
    file: "twelve-steps.json",
    items: [
      { kind: "steps", name: "steps", caption: "one forward and backward pass as numbered steps, the computed cell and its sources marked" },
      { kind: "view", name: "network", view: "network", caption: "the 4-3-1 sigmoid network after 5,000 iterations" },
    ],
  },
  {
    file: "gauss-two-neurons.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "two classes in three Gaussian groups (standardised)" },
      { kind: "view", name: "hidden", view: "hidden", caption: "the data in the two hidden neurons' space, where a line separates it" },
      { kind: "animation", name: "hidden-morph", animation: "hidden-morph", caption: "each point sliding from input space to hidden space" },
      { kind: "view", name: "surface", view: "surface", caption: "the output as a surface over the input plane" },
    ],
  },
  {
    file: "circles-three-neurons.json",
    items: [
      { kind: "view", name: "boundary", view: "boundary", caption: "the decision region of three hidden neurons" },
      { kind: "view", name: "hidden", view: "hidden", caption: "the data in the 3-D hidden space, a plane separating the classes" },
      { kind: "animation", name: "hidden-morph", animation: "hidden-morph", caption: "the plane folding into the cube" },
      { kind: "animation", name: "rotate", animation: "rotate", caption: "the hidden-space cube turning" },
    ],
  },
  {
    file: "spiral-layers.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "two interleaved spirals" },
      { kind: "view", name: "boundary", view: "boundary", caption: "the 4-4-2 relu network's boundary" },
      { kind: "tile", name: "widths", view: "boundary", columns: 3, title: "One hidden layer of 1, 2, 3, 6, 8 and 30 relu neurons", options: { width: 460, height: 400, showTest: false }, variants: [1, 2, 3, 6, 8, 30].map((n) => oneLayer(n)), caption: "boundaries for 1, 2, 3, 6, 8 and 30 neurons in one hidden layer" },
      { kind: "tile", name: "activations", view: "boundary", columns: 3, title: "Logistic, identity and relu: 8 neurons each", options: { width: 460, height: 400, showTest: false }, variants: [oneLayer(8, "sigmoid"), oneLayer(8, "linear"), oneLayer(8, "relu")], caption: "logistic against identity against relu: identity stays linear however many neurons" },
      { kind: "view", name: "history", view: "history", caption: "loss over time" },
      { kind: "animation", name: "training", animation: "training", caption: "the boundary forming" },
    ],
  },
  {
    file: "three-classes.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "three blobs" },
      { kind: "view", name: "boundary", view: "boundary", caption: "three decision regions in three colours (softmax output)" },
      { kind: "view", name: "history", view: "history", caption: "loss and accuracy over the epochs" },
    ],
  },
];
