/**
 * The glass in Glassbox (ARCHITECTURE §6): one training iteration as an ordered list of named matrices,
 * each with its formula and the matrices it came from. Values are read out of the same
 * workspace the training loop uses, so what a trace shows is what training computes.
 */
import { activation } from "./activations.ts";
import { loss as lossOf } from "./losses.ts";
import { matrix, toRows } from "../core/matrix.ts";
import { layerToJson, layerViews, outputLayer, type Network } from "./network.ts";
import type { AllOptimizerOptions, OptimizerName } from "./optimizers/registry.ts";
import { firstOrderOptimizer, type TrainConfig } from "./train.ts";
import { createLbfgs } from "./lbfgs.ts";
import { LBFGS_DEFAULTS, type LbfgsStop } from "./lbfgs/options.ts";
import { backward, createWorkspace, disposeWorkspace, forward, lossTotal, objectiveAndGradient, reportedLoss, type Reduction, type Workspace } from "./propagation.ts";

export type TracePhase = "given" | "forward" | "loss" | "backward" | "update";

export interface TraceStep {
  /** Short name, e.g. "Z1", "dW2", "W1'" (the updated W1). */
  name: string;
  phase: TracePhase;
  /** What it is, in words. */
  title: string;
  formula: string;
  /** Names of the earlier steps it was computed from. */
  inputs: string[];
  /** rows × cols as nested arrays (samples × units for activations, out × in for weights). */
  value: number[][];
}

export interface Trace {
  steps: TraceStep[];
  /** The reported loss before the update. */
  loss: number;
  samples: number;
  reduction: Reduction;
  learningRate: number;
  optimizer: OptimizerName;
  /** L-BFGS: the step its line search took along −∇ (0: none), and why none when it took none. */
  lbfgs?: { alpha: number; stopped: LbfgsStop | null };
}

/**
 * The step a trace ends with: the optimiser (default "gd"; L-BFGS: its first iteration from the
 * current weights, with no memory of earlier steps) with its settings (`momentum`, `beta1`, …: those of its registry entry are read), η, and
 * how the gradient is formed.
 */
export type TraceOptions = {
  learningRate: number;
  reduction?: Reduction;
  l2?: number;
  l1?: number;
  optimizer?: OptimizerName;
} & Partial<Omit<AllOptimizerOptions, "learningRate">>;

/**
 * One L-BFGS iteration from `params` with an empty memory, as the trainer would take it from these
 * weights (the mean objective, a strong-Wolfe line search along −∇): `params` becomes the new point.
 * Returns the step α the line search chose (0 when L-BFGS takes none, with why). `net` is left as it was.
 */
function lbfgsFirstIteration(net: Network, X: Float64Array, Y: Float64Array, ws: Workspace, params: Float64Array, l2: number, l1: number, gtol: number): { alpha: number; stopped: LbfgsStop | null } {
  const start = net.params.slice();
  const fg = (x: Float64Array, grad: Float64Array): number => {
    net.params.set(x);
    const f = objectiveAndGradient(net, X, Y, ws, "mean", l2, l1);
    grad.set(ws.grad);
    return f;
  };
  try {
    const it = createLbfgs(fg, start, { gtol });
    const g0 = it.g.slice();
    if (!it.iterate()) return { alpha: 0, stopped: it.stopped };
    params.set(it.x);
    // x' = x − α·g: α from any component the gradient moves.
    let k = 0;
    for (let i = 1; i < g0.length; i++) if (Math.abs(g0[i]) > Math.abs(g0[k])) k = i;
    return { alpha: (start[k] - it.x[k]) / g0[k], stopped: null };
  } finally {
    // The trial points the line search went through are not the network's.
    net.params.set(start);
  }
}

/** Why L-BFGS takes no step from a point, in words. */
function noStep(stopped: LbfgsStop | null): string {
  if (stopped === "gtol") return "L-BFGS takes no step: the gradient is below its tolerance";
  if (stopped === "non-finite") return "L-BFGS takes no step: the loss or its gradient is not a finite number here";
  return "L-BFGS takes no step: its line search finds no lower loss along the gradient";
}

/** The first r rows of a row-major buffer with c columns, as nested arrays. */
const rows = (data: Float64Array, r: number, c: number): number[][] => toRows(matrix(r, c, data.subarray(0, r * c)));

/** One iteration on (X, Y) from the network's current parameters. `net` itself is not changed. */
export function trace(net: Network, X: Float64Array, Y: Float64Array, n: number, options: TraceOptions): Trace {
  const reduction = options.reduction ?? "mean";
  const l2 = options.l2 ?? 0;
  const l1 = options.l1 ?? 0;
  const optimizer = options.optimizer ?? "gd";
  const L = net.layers.length;
  const out = outputLayer(net);
  const lossFn = lossOf(net.loss);
  const ws = createWorkspace(net, n);
  const steps: TraceStep[] = [];
  const push = (s: TraceStep): void => void steps.push(s);
  const scale = reduction === "mean" ? "(1/n)·" : "";

  push({ name: "A0", phase: "given", title: "input X (samples × features)", formula: "A0 = X", inputs: [], value: rows(X, n, net.inputSize) });
  push({ name: "Y", phase: "given", title: "targets", formula: "Y", inputs: [], value: rows(Y, n, out.units) });
  net.layers.forEach((layer, i) => {
    const { W, b } = layerToJson(layer);
    push({ name: `W${i + 1}`, phase: "given", title: `weights into layer ${i + 1} (out × in)`, formula: `W${i + 1}`, inputs: [], value: W });
    push({ name: `b${i + 1}`, phase: "given", title: `biases of layer ${i + 1}`, formula: `b${i + 1}`, inputs: [], value: [b] });
  });

  forward(net, X, ws, n);
  net.layers.forEach((layer, i) => {
    const l = i + 1;
    push({ name: `Z${l}`, phase: "forward", title: `layer ${l} input (weighted sums)`, formula: `Z${l} = A${l - 1}·W${l}ᵀ + b${l}`, inputs: [`A${l - 1}`, `W${l}`, `b${l}`], value: rows(ws.Z[i], n, layer.units) });
    push({ name: `A${l}`, phase: "forward", title: l === L ? "output" : `layer ${l} activation`, formula: `A${l} = ${layer.activation}(Z${l})`, inputs: [`Z${l}`], value: rows(ws.A[i], n, layer.units) });
  });
  const lossValue = reportedLoss(net, lossTotal(net, Y, ws, n), n, l2, l1);
  push({ name: "loss", phase: "loss", title: `${net.loss} loss`, formula: lossFn.formula + (lossFn.reportsSum ? ", summed over samples" : ", averaged over samples"), inputs: [`A${L}`, "Y"], value: [[lossValue]] });

  backward(net, X, Y, ws, reduction, l2, n, l1);
  const s = reduction === "mean" ? 1 / n : 1;
  // ∂loss/∂A[L] and the output slope, shown even when the fused form is what training uses.
  const dAL = new Float64Array(n * out.units);
  lossFn.gradient(ws.A[L - 1], Y, dAL, n, out.units);
  for (let i = 0; i < dAL.length; i++) dAL[i] *= s;
  push({ name: `dA${L}`, phase: "backward", title: "gradient of the loss with respect to the output", formula: `dA${L} = ${scale}∂ℓ/∂A${L} = ${scale ? `${scale}(${lossFn.gradientFormula.replaceAll("A", `A${L}`)})` : lossFn.gradientFormula.replaceAll("A", `A${L}`)}`, inputs: [`A${L}`, "Y"], value: rows(dAL, n, out.units) });
  const fusedUsed = lossFn.fused !== null && lossFn.requiresOutput === out.activation;

  for (let i = L - 1; i >= 0; i--) {
    const layer = net.layers[i];
    const l = i + 1;
    const act = activation(layer.activation);
    if (l < L) {
      push({ name: `dA${l}`, phase: "backward", title: `error sent back to layer ${l}`, formula: `dA${l} = dZ${l + 1}·W${l + 1}`, inputs: [`dZ${l + 1}`, `W${l + 1}`], value: rows(ws.dA[i], n, layer.units) });
    }
    if (act.slope) {
      const slope = new Float64Array(n * layer.units);
      act.slope(ws.Z[i], ws.A[i], slope, n * layer.units);
      push({ name: `f'(Z${l})`, phase: "backward", title: `slope of ${layer.activation} at Z${l}`, formula: `f'(Z${l}) = ${act.slopeFormula.replaceAll("A", `A${l}`).replaceAll("Z", `Z${l}`)}`, inputs: [`Z${l}`, `A${l}`], value: rows(slope, n, layer.units) });
    }
    const chain = act.slope ? `dA${l} ⊙ f'(Z${l})` : `softmax Jacobian · dA${l}`;
    const fused = `${scale}(A${l} − Y)${out.units > 1 && net.loss === "binary-crossentropy" ? `/${out.units}` : ""}`;
    const formula = l === L && fusedUsed ? `dZ${l} = ${fused}  (= ${chain})` : `dZ${l} = ${chain}`;
    push({ name: `dZ${l}`, phase: "backward", title: `delta of layer ${l}`, formula, inputs: l === L && fusedUsed ? [`A${l}`, "Y"] : [`dA${l}`, `f'(Z${l})`], value: rows(ws.dZ[i], n, layer.units) });
    const g = ws.gradLayers[i];
    const { W: dW, b: db } = layerToJson(g);
    push({ name: `dW${l}`, phase: "backward", title: `gradient of W${l}`, formula: `dW${l} = dZ${l}ᵀ·A${l - 1}` + (l2 > 0 ? ` + ${scale}l2·W${l}` : "") + (l1 > 0 ? ` + ${scale}l1·sign(W${l})` : ""), inputs: [`dZ${l}`, `A${l - 1}`], value: dW });
    push({ name: `db${l}`, phase: "backward", title: `gradient of b${l}`, formula: `db${l} = Σ rows of dZ${l}`, inputs: [`dZ${l}`], value: [db] });
  }

  const params = net.params.slice();
  let rule: (w: string) => string;
  let stepSize: string;
  let lbfgs: Trace["lbfgs"];
  if (optimizer === "lbfgs") {
    lbfgs = lbfgsFirstIteration(net, X, Y, ws, params, l2, l1, options.tolerance ?? LBFGS_DEFAULTS.gtol);
    // With no memory, L-BFGS's direction is the gradient's opposite (of the mean objective it minimises); the line search picks how far.
    const g = reduction === "mean" ? "" : "(1/n)·";
    rule = (w) => `${w} − α·${g}d${w}`;
    stepSize = lbfgs.alpha === 0 ? noStep(lbfgs.stopped) : `L-BFGS, α = ${Number(lbfgs.alpha.toPrecision(4))} from its line search`;
  } else {
    const opt = firstOrderOptimizer(net, { ...options, optimizer, epochs: 1 } as TrainConfig);
    opt.step(params, ws.grad);
    rule = (w) => (opt.name === "gd" ? `${w} − η·d${w}` : `${opt.name} step on ${w} from d${w}`);
    stepSize = `η = ${options.learningRate}`;
  }
  const after = layerViews(net.inputSize, net.layers, params).map(layerToJson);
  net.layers.forEach((layer, i) => {
    const l = i + 1;
    push({ name: `W${l}'`, phase: "update", title: `updated W${l} (${stepSize})`, formula: `W${l}' = ${rule(`W${l}`)}`, inputs: [`W${l}`, `dW${l}`], value: after[i].W });
    push({ name: `b${l}'`, phase: "update", title: `updated b${l}`, formula: `b${l}' = ${rule(`b${l}`)}`, inputs: [`b${l}`, `db${l}`], value: [after[i].b] });
  });
  disposeWorkspace(ws);
  return { steps, loss: lossValue, samples: n, reduction, learningRate: options.learningRate, optimizer, ...(lbfgs ? { lbfgs } : {}) };
}
