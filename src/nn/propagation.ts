/**
 * Forward and backward passes over a batch, into a reusable Workspace. These are the only
 * places the engine computes Z, A, dZ, dW, db; training, traces and gradient checks all call them.
 *
 *   forward:  Z[l] = A[l−1]·W[l]ᵀ + b[l],  A[l] = f(Z[l])
 *   backward: dZ[L] = s·∂ℓ/∂Z (fused A − Y where the loss allows),  dZ[l] = dA[l] ⊙ f'(Z[l])
 *             dW[l] = dZ[l]ᵀ·A[l−1] (+ s·l2·W[l]) (+ s·l1·sign(W[l])),  db[l] = Σ rows of dZ[l],
 *             dA[l−1] = dZ[l]·W[l]
 * where s = 1/n for `reduction: "mean"` and 1 for `"sum"`. The penalties are scikit-learn's
 * convention on the summed loss, ½·l2·Σ‖W‖² and l1·Σ|W|, biases not penalised (sign(0) = 0).
 */
import { addRowVector, columnSums, matmulAB, matmulABt, matmulAtB } from "../core/kernels.ts";
import { attachPlan, MlpPlan, planFor, releaseWorkspace, type Engine } from "../core/wasm/mlp.ts";
import { copyValues } from "../core/copy.ts";
import { activation } from "./activations.ts";
import { loss as lossOf } from "./losses.ts";
import { layerViews, weightSquares, type Layer, type Network } from "./network.ts";

export type Reduction = "mean" | "sum";

/** Buffers for one batch size: made once, reused every epoch. */
export interface Workspace {
  readonly n: number;
  /**
   * Z[l], A[l], dZ[l] for l = 0..L−1 (layer l+1 in the maths), each n × units. (A lean workspace,
   * `WorkspaceOptions`, may leave Z and dA of hidden relu layers unwritten, and its hidden layers'
   * arrays may hold only a block of the rows.)
   */
  readonly Z: Float64Array[];
  readonly A: Float64Array[];
  readonly dZ: Float64Array[];
  /** dA[l] = ∂/∂A[l] for l = 0..L−1 (dA of the output is used only when the loss is not fused). */
  readonly dA: Float64Array[];
  /** The gradient, laid out like `Network.params`, with per-layer views. */
  readonly grad: Float64Array;
  readonly gradLayers: Layer[];
}

export interface WorkspaceOptions {
  /**
   * For training and prediction: where the fast kernels run, hidden relu layers' Z and dA are not
   * written (A, dZ, the output and the gradient are), which saves a store per value. Default
   * false: every matrix is kept (traces and pictures read them).
   */
  lean?: boolean;
  /**
   * The engine whose memory, helper thread and settings the workspace uses (default: the
   * default engine). A batch larger than the engine's memory holds runs on its fast kernels in
   * row blocks, with the same bits as one pass: a lean workspace's hidden arrays then hold the
   * last block computed, a full one's are ordinary arrays of all n rows.
   */
  engine?: Engine;
}

export function createWorkspace(net: Network, n: number, options: WorkspaceOptions = {}): Workspace {
  const Z: Float64Array[] = [];
  const A: Float64Array[] = [];
  const dZ: Float64Array[] = [];
  const dA: Float64Array[] = [];
  // Hidden layers' buffers live in WebAssembly memory when the fast kernels are available
  // (../core/wasm/mlp.ts); the output layer's stay ordinary arrays, since `forward` returns one.
  const lean = options.lean ?? false;
  const plan = MlpPlan.create(net.layers.map((l) => ({ inputSize: l.inputSize, units: l.units, activation: l.activation })), n, lean, { engine: options.engine, blocks: true });
  // (a full workspace in blocks keeps every row of its hidden layers, copied out of the blocks)
  const inPlan = plan !== null && (plan.n === n || lean);
  net.layers.forEach((l, i) => {
    const hidden = inPlan && i < net.layers.length - 1;
    Z.push(hidden ? plan!.Z[i] : new Float64Array(n * l.units));
    A.push(hidden ? plan!.A[i] : new Float64Array(n * l.units));
    dZ.push(hidden ? plan!.dZ[i] : new Float64Array(n * l.units));
    dA.push(hidden ? plan!.dA[i] : new Float64Array(n * l.units));
  });
  const grad = new Float64Array(net.params.length);
  const ws: Workspace = { n, Z, A, dZ, dA, grad, gradLayers: layerViews(net.inputSize, net.layers, grad) };
  if (plan) attachPlan(ws, plan);
  return ws;
}

/**
 * Hands a workspace's fast-kernel memory back now rather than at garbage collection; for
 * workspaces made for one call. It stays usable (on the plain kernels), but arrays taken from it
 * before must not be used after: copy what you keep.
 */
export function disposeWorkspace(ws: Workspace): void {
  releaseWorkspace(ws);
}

/** Runs the forward pass of the first n rows of X (n × inputSize). Returns the output A[L]. */
export function forward(net: Network, X: Float64Array, ws: Workspace, n = ws.n): Float64Array {
  const plan = planFor(ws, net.layers);
  if (plan) {
    // The same sums in the same order as below, in WebAssembly SIMD; relu fused into the kernels.
    const L = net.layers.length - 1;
    plan.loadParams(net.params);
    plan.loadTransposes();
    if (plan.n < ws.n) {
      // In blocks, the last first: the first block stays in the plan for `backward`, which starts there.
      const rows = plan.n;
      for (let r0 = Math.floor((n - 1) / rows) * rows; r0 >= 0; r0 -= rows) {
        const count = Math.min(rows, n - r0);
        plan.loadInput(X, count, r0);
        forwardInPlan(net, plan, count);
        plan.copyOut(L, ws.Z[L], count, r0);
        if (ws.Z[0] !== plan.Z[0]) copyHidden(net, plan, ws, count, r0, "Z", "A");
      }
    } else {
      plan.loadInput(X, n);
      forwardInPlan(net, plan, n);
      plan.copyOut(L, ws.Z[L], n);
    }
    const out = net.layers[L];
    activation(out.activation).forward(ws.Z[L], ws.A[L], n, out.units);
    return ws.A[L];
  }
  let input = X;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const Z = ws.Z[l];
    matmulABt(input, layer.W, Z, n, layer.inputSize, layer.units);
    addRowVector(Z, layer.b, n, layer.units);
    activation(layer.activation).forward(Z, ws.A[l], n, layer.units);
    input = ws.A[l];
  }
  return input;
}

/** Every layer's forward pass over the plan's first n rows (the output layer's Z stays in the plan). */
function forwardInPlan(net: Network, plan: MlpPlan, n: number): void {
  if (plan.hiddenRelu) {
    plan.forwardAll(n);
    return;
  }
  const L = net.layers.length - 1;
  for (let l = 0; l < L; l++) {
    const layer = net.layers[l];
    plan.forwardLayer(l, n);
    if (!plan.fused[l]) activation(layer.activation).forward(plan.Z[l], plan.A[l], n, layer.units);
  }
  plan.forwardLayer(L, n);
}

/** The hidden layers' `a` and `b` matrices of the plan's first n rows into the workspace's, from row `at` on. */
function copyHidden(net: Network, plan: MlpPlan, ws: Workspace, n: number, at: number, a: "Z" | "dZ", b: "A" | "dA"): void {
  for (let l = 0; l < net.layers.length - 1; l++) {
    const w = net.layers[l].units;
    ws[a][l].set(plan[a][l].subarray(0, n * w), at * w);
    ws[b][l].set(plan[b][l].subarray(0, n * w), at * w);
  }
}

/** Σℓᵢ over the batch after `forward`, without the penalties. */
export function lossTotal(net: Network, Y: Float64Array, ws: Workspace, n = ws.n): number {
  const L = net.layers.length - 1;
  return lossOf(net.loss).total(ws.A[L], ws.Z[L], Y, n, net.layers[L].units);
}

/**
 * The reported loss (ARCHITECTURE §2): Σℓᵢ + ½·l2·Σ‖W‖² + l1·Σ|W|, divided by n unless the loss
 * reports a sum. (For mean losses this is scikit-learn's `loss_`: mean + l2/(2n)·Σ‖W‖², and
 * likewise mean + l1/n·Σ|W|.)
 */
export function reportedLoss(net: Network, total: number, n: number, l2: number, l1 = 0): number {
  const objective = penalised(net, total, l2, l1);
  return lossOf(net.loss).reportsSum ? objective : objective / n;
}

/** Σℓᵢ + ½·l2·Σ‖W‖² + l1·Σ|W| (each term only when its coefficient is positive). */
function penalised(net: Network, total: number, l2: number, l1: number): number {
  let objective = total;
  if (l2 > 0) objective += 0.5 * l2 * weightSquares(net);
  if (l1 > 0) objective += l1 * weightAbsSum(net);
  return objective;
}

/** Σ|W| over every layer's weights (biases not included). */
function weightAbsSum(net: Network): number {
  let s = 0;
  for (const l of net.layers) for (let i = 0; i < l.W.length; i++) s += Math.abs(l.W[i]);
  return s;
}

/** g += c·sign(W), the L1 penalty's gradient (sign(0) = 0). */
function addSign(g: Float64Array, W: Float64Array, c: number): void {
  for (let i = 0; i < g.length; i++) g[i] += c * Math.sign(W[i]);
}

/**
 * The backward pass after `forward` on the same rows, with the same parameters (unchanged since);
 * fills ws.grad (with the penalties' gradients).
 */
export function backward(net: Network, X: Float64Array, Y: Float64Array, ws: Workspace, reduction: Reduction, l2 = 0, n = ws.n, l1 = 0): void {
  const L = net.layers.length - 1;
  const s = reduction === "mean" ? 1 / n : 1;
  const out = net.layers[L];
  const outLoss = lossOf(net.loss);
  if (outLoss.fused && outLoss.requiresOutput === out.activation) {
    outLoss.fused(ws.A[L], Y, ws.dZ[L], n, out.units);
  } else {
    outLoss.gradient(ws.A[L], Y, ws.dA[L], n, out.units);
    activation(out.activation).backward(ws.dA[L], ws.Z[L], ws.A[L], ws.dZ[L], n, out.units);
  }
  const len = n * out.units;
  if (s !== 1) for (let i = 0; i < len; i++) ws.dZ[L][i] *= s;

  const plan = planFor(ws, net.layers);
  if (plan) {
    // The loop below, in WebAssembly SIMD; relu's backward step is fused into the dA kernel. The
    // parameters (and, in one pass, the input) are in the plan already: `forward` loaded them.
    if (plan.n < ws.n) {
      // In blocks, in row order: dW and db go on from the block before. `forward` left the first
      // block in the plan; the others' forward values are made again.
      const rows = plan.n;
      if (n > rows) plan.loadTransposes();
      for (let r0 = 0; r0 < n; r0 += rows) {
        const count = Math.min(rows, n - r0);
        plan.loadInput(X, count, r0);
        if (r0 > 0) forwardInPlan(net, plan, count);
        plan.copyIn(L, ws.dZ[L], count, r0);
        backwardInPlan(net, plan, count, r0 === 0, r0 + count >= n);
        if (ws.Z[0] !== plan.Z[0]) copyHidden(net, plan, ws, count, r0, "dZ", "dA");
      }
    } else {
      plan.copyIn(L, ws.dZ[L], n);
      backwardInPlan(net, plan, n, true, true);
    }
    copyValues(plan.grad, 0, ws.grad, 0, ws.grad.length);
    if (l2 > 0) {
      const c = s * l2;
      for (let l = 0; l <= L; l++) {
        const g = ws.gradLayers[l].W;
        const W = net.layers[l].W;
        for (let i = 0; i < g.length; i++) g[i] += c * W[i];
      }
    }
    if (l1 > 0) for (let l = 0; l <= L; l++) addSign(ws.gradLayers[l].W, net.layers[l].W, s * l1);
    return;
  }

  for (let l = L; l >= 0; l--) {
    const layer = net.layers[l];
    const g = ws.gradLayers[l];
    const input = l === 0 ? X : ws.A[l - 1];
    matmulAtB(ws.dZ[l], input, g.W, n, layer.units, layer.inputSize);
    if (l2 > 0) {
      const c = s * l2;
      for (let i = 0; i < g.W.length; i++) g.W[i] += c * layer.W[i];
    }
    if (l1 > 0) addSign(g.W, layer.W, s * l1);
    columnSums(ws.dZ[l], g.b, n, layer.units);
    if (l > 0) {
      const below = net.layers[l - 1];
      matmulAB(ws.dZ[l], layer.W, ws.dA[l - 1], n, layer.units, layer.inputSize);
      activation(below.activation).backward(ws.dA[l - 1], ws.Z[l - 1], ws.A[l - 1], ws.dZ[l - 1], n, below.units);
    }
  }
}

/** Every layer's backward step over the plan's first n rows (one block of a batch: `first`, `last`). */
function backwardInPlan(net: Network, plan: MlpPlan, n: number, first: boolean, last: boolean): void {
  for (let l = net.layers.length - 1; l >= 0; l--) {
    plan.backwardLayer(l, n, first, last);
    if (l > 0) {
      const below = net.layers[l - 1];
      if (!plan.fused[l - 1]) activation(below.activation).backward(plan.dA[l - 1], plan.Z[l - 1], plan.A[l - 1], plan.dZ[l - 1], n, below.units);
    }
  }
}

/**
 * The training objective and its gradient at the network's current parameters:
 * returns s·(Σℓᵢ + ½·l2·Σ‖W‖² + l1·Σ|W|) and leaves s·∇ of it in ws.grad.
 */
export function objectiveAndGradient(net: Network, X: Float64Array, Y: Float64Array, ws: Workspace, reduction: Reduction, l2 = 0, l1 = 0): number {
  forward(net, X, ws);
  const total = lossTotal(net, Y, ws);
  backward(net, X, Y, ws, reduction, l2, ws.n, l1);
  const objective = penalised(net, total, l2, l1);
  return reduction === "mean" ? objective / ws.n : objective;
}
