/**
 * The five articles' figures (formula images, code screenshots and the Excel screenshot left
 * out), each with an id the gallery's items name, so the index says which article figure each
 * picture reproduces and a test can list what is still missing.
 */
export const ARTICLES = {
  "visual-introduction": "A visual introduction to neural networks",
  "hidden-layer-transforms": "Animations of neural networks transforming data",
  "one-feature": "Visualize how a neural network works from scratch",
  "twelve-steps": "Neural networks from scratch: twelve steps with matrices",
  "numpy-deep": "Let's code a neural network in plain NumPy",
} as const;

export type ArticleId = keyof typeof ARTICLES;

export interface ArticleFigure {
  id: string;
  article: ArticleId;
  /** The article's caption, or what the figure shows where it has none. */
  caption: string;
}

const vi = (id: string, caption: string): ArticleFigure => ({ id: `vi-${id}`, article: "visual-introduction", caption });
const hl = (id: string, caption: string): ArticleFigure => ({ id: `hl-${id}`, article: "hidden-layer-transforms", caption });
const of = (id: string, caption: string): ArticleFigure => ({ id: `of-${id}`, article: "one-feature", caption });
const ts = (id: string, caption: string): ArticleFigure => ({ id: `ts-${id}`, article: "twelve-steps", caption });
const nd = (id: string, caption: string): ArticleFigure => ({ id: `nd-${id}`, article: "numpy-deep", caption });

export const ARTICLE_FIGURES: ArticleFigure[] = [
  vi("linear-data", "Sample classification problem to solve"),
  vi("linear-logistic", "Logistic Regression can solve this problem"),
  vi("nonlinear-data", "A non linear classification problem"),
  vi("nonlinear-logistic", "Logistic Regression unable to solve the problem"),
  vi("1-logistic", "hidden_layer_sizes=(1), activation='logistic'"),
  vi("1-identity", "hidden_layer_sizes=(1), activation='identity'"),
  vi("1-relu", "hidden_layer_sizes=(1), activation='relu'"),
  vi("2", "Non Linear problem with 1 layer and 2 neurons"),
  vi("3", "Decision plane with 3 neurons"),
  vi("6", "Decision plane with 6 neurons: 100 % accuracy"),
  vi("8", "Decision plane with 8 neurons"),
  vi("30", "Decision plane with 30 neurons"),
  vi("30-linear", "30 neurons with linear activation function"),
  vi("3-class", "Decision boundary of a non linear 3-class classification problem"),
  vi("spiral-data", "A more complex non linear problem (TensorFlow Playground)"),
  vi("pg-1", "1 neuron: only a linear boundary"),
  vi("pg-3", "Using 3 neurons: the boundary is curved"),
  vi("pg-5", "5 neurons: a better classification"),
  vi("pg-8", "8 neurons: a better and faster classification"),
  vi("442-sigmoid", "A 3 layer net with 4, 4, 2 neurons (sigmoid)"),
  vi("442-relu", "3 layers (4, 4, 2 neurons) and relu: almost perfect, in half the time"),
  vi("relu-gif", "Animation depicting boundary formation with 3 layers and relu"),
  hl("gauss-data", "Two classes, three Gaussian groups, standardised"),
  hl("gauss-hidden", "The data transformed by the hidden layer into the (0, 1) square"),
  hl("gauss-morph", "Animation: the initial data transformed into the hidden layer's values"),
  hl("gauss-surface", "The whole network as a surface over the input plane"),
  hl("circles-data", "One class inside the other, in a circular form"),
  hl("circles-cuts", "Two neurons cut only twice: three are needed"),
  hl("circles-surface", "The final surface: the decision boundary is a sort of triangle"),
  hl("circles-morph", "Animation: the plane mapped into the (0, 1) cube"),
  hl("circles-rotate", "Animation: the cube rotating, a plane separates the classes"),
  of("data", "The dataset: one feature X, 12 observations"),
  of("cuts", "Two dots (around −0.5 and 0.5) separate the classes"),
  of("architecture", "The 1-2-1 network structure"),
  of("curves", "The hidden neurons (red, blue) and the output (black)"),
  of("single-neuron", "One neuron with random values: sigmoid(−11x − 11)"),
  of("initial-curves", "The two hidden neurons with w1 = [−1, 9], b1 = [−1, 5]"),
  of("initial-output", "With the output: the randomly chosen parameters are not good"),
  of("cost-slice", "The cost as the first weight of w1 varies: not convex"),
  of("cost-surface", "The cost as two parameters vary"),
  of("cost-animation", "Animation of the cost function"),
  of("trajectory", "The 7 parameters during gradient descent"),
  of("training-animation", "Animation of the fit during gradient descent"),
  ts("perceptron", "A perceptron: three inputs, one output"),
  ts("mlp", "The multilayer perceptron with one hidden layer"),
  ...[
    "Read the input and output",
    "Initialise the weights and biases",
    "Calculate the hidden layer input",
    "Non-linear transformation of the hidden input",
    "Output layer: linear, then non-linear transformation",
    "Calculate the error E = y − output at the output layer",
    "Compute the slope at the output and hidden layers",
    "Compute the delta at the output layer",
    "Calculate the error at the hidden layer",
    "Compute the delta at the hidden layer",
    "Update the weights at the output and hidden layers",
    "Update the biases at the output and hidden layers",
  ].map((caption, k) => ts(`step-${k + 1}`, `Step ${k + 1}: ${caption}`)),
  ts("after", "After thousands of iterations the outputs approach the targets (≈ [0.980, 0.968, 0.045])"),
  nd("architecture", "Figure 1. Example of dense neural network architecture"),
  nd("blueprint", "Figure 2. Neural network blueprint"),
  nd("shapes", "Figure 3. Dimensions of weight matrix W and bias vector b for layer l"),
  nd("activations", "Figure 4. Activation functions used in the algorithm"),
  nd("forward-shapes", "Figure 5. Dimensions of the matrices in the forward step"),
  nd("layer-pass", "Figure 6. Forward and backward propagation for a single layer"),
  nd("data", "Figure 7. Test dataset"),
  nd("numpy-animation", "The NumPy model's boundary over the iterations"),
  nd("keras", "The Keras model's boundary (same network, SGD)"),
];

/** Figures no gallery picture reproduces yet (the test lists them as to-dos). */
export const NOT_YET_DRAWN: readonly string[] = [];
