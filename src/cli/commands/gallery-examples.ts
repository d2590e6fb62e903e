/**
 * What the gallery draws for each example: the pictures examples/README.md lists, each with a
 * one-line caption. Each example is trained once; its pictures and animations share that run.
 */
import type { AnimateOptions, AnimationName } from "../../animate/index.ts";
import { activation, type ActivationName } from "../../nn/activations.ts";
import type { ViewName, ViewOptions } from "../../viz/index.ts";

/** A change to an experiment file for a comparison: `model` replaces it, the other sections are merged into the file's. */
export interface Variant {
  label: string;
  /** Draw the initial parameters: no training (the network before training). */
  untrained?: boolean;
  patch: { model?: unknown; train?: Record<string, unknown>; init?: Record<string, unknown>; data?: Record<string, unknown>; scale?: string };
}

/** What a tiled panel's subtitle reports of its run. */
export interface PanelMetrics {
  /** Also say at which epoch the test accuracy first reached this (e.g. 0.9). */
  reach?: number;
}

export type GalleryItem =
  | { kind: "view"; name: string; view: ViewName; options?: ViewOptions; caption: string; variant?: Variant; metrics?: PanelMetrics }
  | { kind: "animation"; name: string; animation: AnimationName; options?: AnimateOptions; caption: string }
  | { kind: "tile"; name: string; view: ViewName; variants: Variant[]; options?: ViewOptions; columns: number; title: string; caption: string; note?: string; metrics?: PanelMetrics }
  | { kind: "steps"; name: string; caption: string };

export interface GalleryExample {
  file: string;
  items: GalleryItem[];
}

const oneLayer = (units: number, activation = "relu"): Variant => ({
  label: `${units} ${activation} neuron${units === 1 ? "" : "s"}`,
  patch: { model: { layers: [{ units, activation }, { units: 1, activation: "sigmoid" }] } },
});

const logisticRegression: Variant = {
  label: "logistic regression",
  patch: { model: { layers: [{ units: 1, activation: "sigmoid" }] }, init: { scheme: "zeros-bias", scale: 0 }, train: { optimizer: "lbfgs", epochs: 100, l2: 1 } },
};

/** One hidden layer labelled with scikit-learn's name of its activation, as the article's captions write it. */
const mlp = (units: number, name: ActivationName): Variant => ({ ...oneLayer(units, name), label: `${units} ${activation(name).interop.sklearn!.name} neuron${units === 1 ? "" : "s"}` });

/** The boundary the article's Keras model trains (Glorot-uniform start, batches of 32, 200 epochs) with one optimiser. */
function kerasBoundary(name: string, label: string, optimizer: "sgd" | "adam", learningRate: number, title: string, caption: string): GalleryItem {
  return {
    kind: "view",
    name,
    view: "boundary",
    metrics: {},
    variant: { label, patch: { init: { scheme: "xavier", seed: 0 }, train: { optimizer, learningRate, batchSize: 32, epochs: 200 } } },
    options: { title },
    caption,
  };
}

export const GALLERY: GalleryExample[] = [
  {
    file: "visual-linear.json",
    items: [
      { kind: "view", name: "data", view: "data", options: { title: "A linearly separable problem" }, caption: "a sample problem: 40 points, a line separates red from blue (make_classification)" },
      { kind: "view", name: "boundary", view: "boundary", options: { title: "Logistic regression solves it" }, caption: "logistic regression finds the separating line (accuracy 1.0)" },
    ],
  },
  {
    file: "visual-circles.json",
    items: [
      { kind: "view", name: "data", view: "data", options: { title: "A non-linear problem", equalAxes: true }, caption: "a non-linear problem: no line separates the inner class from the ring" },
      { kind: "view", name: "logistic", view: "boundary", variant: logisticRegression, options: { title: "Logistic regression cannot solve it" }, caption: "logistic regression tries a line and fails (accuracy 0.5)" },
      {
        kind: "tile",
        name: "one-neuron",
        view: "boundary",
        columns: 3,
        title: "One hidden neuron: a straight line, whatever the activation",
        note: "MLPClassifier(hidden_layer_sizes=(1), max_iter=500000, learning_rate_init=0.01): Adam, alpha 1e-4, 500 epochs",
        options: { width: 420, height: 450 },
        variants: [mlp(1, "sigmoid"), mlp(1, "linear"), mlp(1, "relu")],
        caption: "a single neuron gives a linear boundary with logistic, identity and relu alike",
      },
      {
        kind: "tile",
        name: "neurons",
        view: "boundary",
        columns: 2,
        title: "More neurons, more lines combined",
        note: "one hidden layer of 2, 3, 6, 8 and 30 relu neurons: 6 classify perfectly; 30 identity neurons still draw one line",
        options: { width: 420, height: 440 },
        variants: [mlp(2, "relu"), mlp(3, "relu"), mlp(6, "relu"), mlp(8, "relu"), mlp(30, "relu"), mlp(30, "linear")],
        caption: "2 neurons: two lines, fewer errors; 3: fewer still; 6: 100 %; 8 and 30 too; 30 with a linear activation: one line again",
      },
    ],
  },
  {
    file: "one-feature.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "12 points on a line; class 1 in the middle" },
      { kind: "view", name: "network", view: "network", variant: { label: "1-2-1", untrained: true, patch: {} }, options: { title: "The 1-2-1 network: one feature, two sigmoid neurons, one output" }, caption: "the network's structure: one input, two hidden sigmoid neurons, one sigmoid output (7 parameters)" },
      {
        kind: "view",
        name: "single-neuron",
        view: "neurons",
        variant: { label: "one neuron", untrained: true, patch: { model: { layers: [{ units: 1, activation: "sigmoid" }] }, init: { params: [{ W: [[-11]], b: [-11] }] } } },
        options: { extent: [-2, 2], title: "One neuron with random values: sigmoid(−11x − 11)", subtitle: "its cut (z = 0) at x = −1; one cut cannot separate the middle class" },
        caption: "a single neuron's curve, sigmoid(−11x − 11), over the data",
      },
      { kind: "view", name: "before-training", view: "neurons", variant: { label: "initial", untrained: true, patch: {} }, options: { extent: [-2, 2], title: "Before training: w1 = [−1, 9], b1 = [−1, 5]" }, caption: "the network before training (--epochs 0): the hidden curves and the output of the chosen starting values are not good" },
      { kind: "view", name: "cuts", view: "data", options: { cuts: true, title: "Two dots separate the classes", subtitle: "the dots: where each trained hidden neuron's input z = w·x + b is 0" }, caption: "the data with the trained network's two cuts (each hidden neuron's z = 0): two dots, near −0.5 and 0.5, separate class 1 from class 0" },
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
      { kind: "view", name: "blueprint", view: "blueprint", caption: "one iteration's blueprint: forward layer by layer (reading W, b; caching A, Z), the cost, backward (reading W and the cache), the update (the only stage that changes W, b)" },
      { kind: "view", name: "shapes", view: "shapes", caption: "W[l] is n[l] × n[l−1] and b[l] is n[l] × 1, for each of the five layers of this network" },
      { kind: "view", name: "forward-shapes", view: "forward-shapes", caption: "the forward step with every matrix's shape: Z[l] = W[l]·A[l−1] + b[l], m samples as columns (as the article writes it)" },
      { kind: "view", name: "layer-pass", view: "layer-pass", options: { layer: 2 }, caption: "one layer's forward pass (A1 → Z2 → A2, keeping the cache) and backward pass (dA2 → dZ2 → dW2, db2, dA1)" },
      { kind: "view", name: "activation", view: "activation", caption: "the activation functions (sigmoid and relu are this network's) and their derivatives" },
      kerasBoundary("keras-sgd", "Keras SGD", "sgd", 0.01, "The same network as Keras trains it: SGD, 200 epochs", "the article's Keras model: Glorot-uniform start, optimizer \"sgd\" (learning rate 0.01), batches of 32, 200 epochs"),
      kerasBoundary("keras-adam", "Keras Adam", "adam", 0.001, "The same network with Keras' Adam, 200 epochs", "the same Keras model with optimizer \"adam\" (learning rate 0.001), batches of 32, 200 epochs"),
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
      { kind: "steps", name: "steps", caption: "one forward and backward pass as the article's twelve steps (its names, E = y − output), the computed cell and its sources marked" },
      {
        kind: "view",
        name: "perceptron",
        view: "perceptron",
        variant: { label: "perceptron", untrained: true, patch: { data: { X: [[0, 1, 1]], y: [1] }, model: { layers: [{ units: 1, activation: "sigmoid" }] }, init: { params: [{ W: [[2, 3, 4]], b: [0] }] } } },
        options: { title: "A perceptron: three inputs, one output" },
        caption: "the article's perceptron: x = (0, 1, 1), weights (2, 3, 4), threshold 0: 2·0 + 3·1 + 4·1 = 7 > 0, so the output is 1",
      },
      { kind: "view", name: "network", view: "network", caption: "the 4-3-1 sigmoid network after 5,000 iterations" },
    ],
  },
  {
    file: "gauss-two-neurons.json",
    items: [
      { kind: "view", name: "data", view: "data", options: { scaled: true, equalAxes: true }, caption: "two classes in three Gaussian groups, standardised, equal axes (the article's plt.axis('equal'))" },
      { kind: "view", name: "hidden", view: "hidden", caption: "the data in the two hidden neurons' space, where a line separates it" },
      { kind: "animation", name: "hidden-morph", animation: "hidden-morph", caption: "each point sliding from input space to hidden space" },
      { kind: "view", name: "surface", view: "surface", caption: "the output as a surface over the input plane" },
    ],
  },
  {
    file: "circles-three-neurons.json",
    items: [
      { kind: "view", name: "data", view: "data", options: { equalAxes: true }, caption: "one class inside a ring of the other (scikit-learn's make_circles)" },
      {
        kind: "tile",
        name: "cuts",
        view: "boundary",
        columns: 2,
        title: "Two cuts are not enough, three are needed",
        note: "one hidden layer of sigmoid neurons, L-BFGS with scikit-learn's alpha 1e-4",
        options: { width: 420, height: 440 },
        variants: [
          { label: "2 hidden neurons", patch: { model: { layers: [{ units: 2, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }] }, init: { scheme: "xavier", seed: 0 } } },
          { label: "3 hidden neurons", patch: {} },
        ],
        caption: "two neurons cut the plane twice: a band, not a closed region; three cuts close a triangle around the inner class",
      },
      { kind: "view", name: "boundary", view: "boundary", caption: "the decision region of three hidden neurons: a rounded triangle" },
      { kind: "view", name: "surface", view: "surface", caption: "the final surface over the input plane; where it crosses 0.5, a sort of triangle" },
      { kind: "view", name: "hidden", view: "hidden", caption: "the data in the 3-D hidden space, a plane separating the classes" },
      { kind: "animation", name: "hidden-morph", animation: "hidden-morph", caption: "the plane folding into the cube" },
      { kind: "animation", name: "rotate", animation: "rotate", caption: "the hidden-space cube turning" },
    ],
  },
  {
    file: "spiral-layers.json",
    items: [
      { kind: "view", name: "data", view: "data", caption: "two interleaved spirals (TensorFlow Playground's): 250 training points, 250 test points (rings)" },
      { kind: "view", name: "boundary", view: "boundary", caption: "the 4-4-2 relu network's boundary after 3,000 epochs: the spiral solved almost perfectly" },
      {
        kind: "tile",
        name: "playground-neurons",
        view: "boundary",
        columns: 2,
        title: "One hidden layer of 1, 3, 5 and 8 tanh neurons",
        note: "TensorFlow Playground's set-up (tanh, its default activation): SGD, learning rate 0.03, batches of 10, 3,000 epochs",
        options: { width: 400, height: 430 },
        variants: [1, 3, 5, 8].map((n) => oneLayer(n, "tanh")),
        caption: "1 neuron: only a straight line; 3, 5 and 8 neurons curve the boundary, better with each, far from perfect",
      },
      {
        kind: "tile",
        name: "depth",
        view: "boundary",
        columns: 3,
        title: "Depth against width, sigmoid against relu",
        note: "same data, SGD with learning rate 0.03 and batches of 10, 3,000 epochs; each net's best of 16 seeds; time: when the test accuracy first reached 0.9",
        options: { width: 420, height: 460 },
        metrics: { reach: 0.9 },
        variants: [
          { label: "4-4-2 sigmoid", patch: { model: { layers: [{ units: 4, activation: "sigmoid" }, { units: 4, activation: "sigmoid" }, { units: 2, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }] }, init: { seed: 4 } } },
          { label: "4-4-2 relu", patch: {} },
          { label: "1 × 8 relu", patch: { model: { layers: [{ units: 8, activation: "relu" }, { units: 1, activation: "sigmoid" }] }, init: { seed: 8 } } },
        ],
        caption: "4-4-2 sigmoid against 4-4-2 relu against one layer of 8 relu: the deep relu net solves the spiral, the others do not",
      },
      { kind: "view", name: "history", view: "history", caption: "the 4-4-2 relu net's loss and accuracy, train and test, over the epochs" },
      { kind: "animation", name: "training", animation: "training", caption: "the 4-4-2 relu boundary forming" },
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

/** Which article figures each gallery picture reproduces (ids of article-figures.ts), by "example/item". */
export const FIGURE_OF: Record<string, string[]> = {
  "visual-linear/data": ["vi-linear-data"],
  "visual-linear/boundary": ["vi-linear-logistic"],
  "visual-circles/data": ["vi-nonlinear-data"],
  "visual-circles/logistic": ["vi-nonlinear-logistic"],
  "visual-circles/one-neuron": ["vi-1-logistic", "vi-1-identity", "vi-1-relu"],
  "visual-circles/neurons": ["vi-2", "vi-3", "vi-6", "vi-8", "vi-30", "vi-30-linear"],
  "three-classes/boundary": ["vi-3-class"],
  "spiral-layers/data": ["vi-spiral-data"],
  "spiral-layers/playground-neurons": ["vi-pg-1", "vi-pg-3", "vi-pg-5", "vi-pg-8"],
  "spiral-layers/depth": ["vi-442-sigmoid", "vi-442-relu"],
  "spiral-layers/boundary": ["vi-442-relu"],
  "spiral-layers/training": ["vi-relu-gif"],
  "gauss-two-neurons/data": ["hl-gauss-data"],
  "gauss-two-neurons/hidden": ["hl-gauss-hidden"],
  "gauss-two-neurons/hidden-morph": ["hl-gauss-morph"],
  "gauss-two-neurons/surface": ["hl-gauss-surface"],
  "circles-three-neurons/data": ["hl-circles-data"],
  "circles-three-neurons/cuts": ["hl-circles-cuts"],
  "circles-three-neurons/boundary": ["hl-circles-surface"],
  "circles-three-neurons/surface": ["hl-circles-surface"],
  "circles-three-neurons/hidden-morph": ["hl-circles-morph"],
  "circles-three-neurons/rotate": ["hl-circles-rotate"],
  "one-feature/data": ["of-data"],
  "one-feature/network": ["of-architecture"],
  "one-feature/single-neuron": ["of-single-neuron"],
  "one-feature/before-training": ["of-initial-curves", "of-initial-output"],
  "one-feature/cuts": ["of-cuts"],
  "one-feature/neurons": ["of-curves"],
  "one-feature/cost-slice": ["of-cost-slice"],
  "one-feature/cost-surface": ["of-cost-surface"],
  "one-feature/cost-surface-3d": ["of-cost-surface"],
  "one-feature/cost-landscape": ["of-cost-animation"],
  "one-feature/trajectory": ["of-trajectory"],
  "one-feature/training": ["of-training-animation"],
  "moons-deep/data": ["nd-data"],
  "moons-deep/boundary": ["nd-numpy-animation"],
  "moons-deep/training": ["nd-numpy-animation"],
  "moons-deep/network": ["nd-architecture"],
  "moons-deep/activation": ["nd-activations"],
  "moons-deep/blueprint": ["nd-blueprint"],
  "moons-deep/shapes": ["nd-shapes"],
  "moons-deep/forward-shapes": ["nd-forward-shapes"],
  "moons-deep/layer-pass": ["nd-layer-pass"],
  "moons-deep/keras-sgd": ["nd-keras"],
  "twelve-steps/network": ["ts-mlp"],
  "twelve-steps/perceptron": ["ts-perceptron"],
  "twelve-steps/steps": [...Array.from({ length: 12 }, (_, k) => `ts-step-${k + 1}`), "ts-after"],
};
