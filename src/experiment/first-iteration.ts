/**
 * The trace of one full-batch iteration of a prepared experiment (what `glassbox steps` shows and
 * the page's step inspector walks through): every matrix of the forward and backward pass at the
 * model's current parameters, with the experiment's learning rate, reduction and penalties.
 */
import type { Model } from "../nn/model.ts";
import { optimizerOptions } from "../nn/optimizers/registry.ts";
import { trace, type Trace } from "../nn/trace.ts";
import { defaultLearningRate } from "../nn/train.ts";
import type { Prepared } from "./prepare.ts";

export function firstIteration(prepared: Prepared, model: Model = prepared.model): Trace {
  const { data, config } = prepared;
  // The optimiser's own settings come with it (Adam's β₁, β₂, ε; SGD's momentum); L-BFGS has no η (the trace takes its first iteration, with its own step).
  return trace(model, data.X.data, data.Y, data.X.rows, {
    ...optimizerOptions(config.optimizer, config),
    learningRate: config.learningRate ?? defaultLearningRate(config.optimizer),
    reduction: config.reduction,
    l2: config.l2,
    l1: config.l1,
    optimizer: config.optimizer,
  });
}
