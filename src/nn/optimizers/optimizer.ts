/** What every first-order optimiser does: update the flat parameter vector from its gradient, in place. */
export interface Optimizer {
  readonly name: string;
  step(params: Float64Array, grad: Float64Array): void;
}

export type OptimizerName = "gd" | "sgd" | "adam" | "lbfgs";
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ["gd", "sgd", "adam", "lbfgs"];
