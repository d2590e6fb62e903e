/**
 * The trace of one full-batch iteration of a prepared experiment (what `glassbox steps` shows and
 * the page's step inspector walks through): every matrix of the forward and backward pass at the
 * model's current parameters, with the experiment's learning rate, reduction and penalties.
 */
import type { Model } from "../nn/model.ts";
import { trace, type Trace } from "../nn/trace.ts";
import type { Prepared } from "./prepare.ts";

export function firstIteration(prepared: Prepared, model: Model = prepared.model): Trace {
  const { data, config } = prepared;
  return trace(model, data.X.data, data.Y, data.X.rows, {
    learningRate: config.learningRate ?? 0.01,
    reduction: config.reduction,
    l2: config.l2,
    l1: config.l1,
    optimizer: config.optimizer,
    momentum: config.momentum,
    nesterov: config.nesterov,
  });
}
