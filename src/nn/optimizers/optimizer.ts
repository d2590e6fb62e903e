/**
 * What every first-order optimiser does: update the flat parameter vector from its gradient, in
 * place. Hyperparameters are fields read at every step, so a trainer can change them between
 * steps without losing the optimiser's state (momentum's velocity, Adam's moments and step count).
 */
export interface Optimizer {
  readonly name: string;
  /** η, the step size. */
  learningRate: number;
  step(params: Float64Array, grad: Float64Array): void;
}

// The names live in the registry; re-exported here for code that imported them from this module.
export { OPTIMIZER_NAMES, type OptimizerName } from "./registry.ts";
