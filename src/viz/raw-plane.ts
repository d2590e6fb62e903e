/**
 * The input plane of the pictures drawn over it (boundary, surface, the hidden-space morph): the
 * data's raw columns. A model with a feature map (`inputs`: x1·x2, sin(x1), …) computes its
 * inputs from those columns, so its plane is still theirs. No drawing code: the view registry
 * (read by the page's main thread) says from here when a view applies.
 */
import type { Model } from "../nn/model.ts";

type Inputs = Pick<Model, "inputs" | "featureNames" | "inputSize">;

/** How many raw data columns the model reads: the ones its feature map reads, else its inputs. */
export function rawInputCount(model: Inputs): number {
  return model.inputs ? model.featureNames.length : model.inputSize;
}

/** Why `view` cannot be drawn over a plane of `allowed` raw columns for this model (null: it can). */
export function planeRefusal(view: string, model: Inputs, allowed: readonly number[]): string | null {
  const n = rawInputCount(model);
  if (allowed.includes(n)) return null;
  const want = allowed.join(" or ");
  return model.inputs ? `${view} needs ${want} data columns to draw over; this model's inputs are computed from ${n}` : `${view} needs ${want} input feature${allowed.length === 1 && allowed[0] === 1 ? "" : "s"}; this model has ${n}`;
}
