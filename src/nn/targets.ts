/**
 * From labels to the target matrix Y and back. The task follows the output layer, as in Keras:
 * sigmoid → binary (or multi-label) classification, softmax → one class of k, anything else → regression.
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import type { ActivationName } from "./activations.ts";

export type Task = "binary" | "multiclass" | "regression";

export function taskOf(outputActivation: ActivationName): Task {
  if (outputActivation === "sigmoid") return "binary";
  if (outputActivation === "softmax") return "multiclass";
  return "regression";
}

/** Sorted distinct labels (numbers ascending, else strings in code-point order), like np.unique. */
export function classesOf(labels: readonly Label[]): Label[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((v) => typeof v === "number")) return (distinct as number[]).sort((a, b) => a - b);
  return distinct.map(String).sort();
}

/**
 * The classes a model with this output predicts, checked against the labels.
 * Binary tasks with numeric labels always use [0, 1] (so a set with only 1s is fine).
 */
export function classesFor(task: Task, units: number, labels: readonly Label[], where = "data"): Label[] | null {
  if (task === "regression") {
    const bad = labels.findIndex((v) => typeof v !== "number");
    if (bad >= 0) throw new UserError(`target "${labels[bad]}" is not a number, but a ${"linear/relu/tanh"} output layer does regression: use a sigmoid or softmax output for classes`, where);
    return null;
  }
  const found = classesOf(labels);
  if (task === "binary") {
    if (units !== 1) {
      throw new UserError(`a sigmoid output with ${units} units is not supported for class labels: use 1 sigmoid unit for two classes or ${units} softmax units`, where);
    }
    if (found.length > 2) {
      throw new UserError(
        `the target has ${found.length} classes (${found.join(", ")}) but the output layer is 1 sigmoid unit, which separates two: use { "units": ${found.length}, "activation": "softmax" } with "loss": "categorical-crossentropy"`,
        where,
      );
    }
    if (found.every((v) => v === 0 || v === 1)) return [0, 1];
    return found;
  }
  if (found.length > units) {
    throw new UserError(`the target has ${found.length} classes (${found.join(", ")}) but the softmax output has ${units} units: set the last layer's units to ${found.length}`, where);
  }
  return found;
}

/** Y as n × units: 0/1 for binary, one-hot for multiclass, the value for regression. */
export function encodeTargets(labels: readonly Label[], classes: readonly Label[] | null, units: number, where = "data"): Float64Array {
  const Y = new Float64Array(labels.length * units);
  if (classes === null) {
    labels.forEach((v, i) => (Y[i * units] = v as number));
    return Y;
  }
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  labels.forEach((v, i) => {
    const k = index.get(v);
    if (k === undefined) throw new UserError(`label "${v}" at row ${i} is not one of the model's classes (${classes.join(", ")})`, where);
    if (units === 1) Y[i] = k;
    else Y[i * units + k] = 1;
  });
  return Y;
}

/** Index of the predicted class of each of n rows of the output A (n × units). */
export function predictedIndex(A: Float64Array, n: number, units: number, out: Int32Array): void {
  for (let i = 0; i < n; i++) {
    if (units === 1) {
      out[i] = A[i] > 0.5 ? 1 : 0; // as the walkthrough: exactly 0.5 counts as class 0
      continue;
    }
    let best = 0;
    for (let j = 1; j < units; j++) if (A[i * units + j] > A[i * units + best]) best = j;
    out[i] = best;
  }
}

/** Fraction of rows whose predicted class matches Y; NaN for regression. */
export function accuracy(A: Float64Array, Y: Float64Array, n: number, units: number, task: Task): number {
  if (task === "regression") return NaN;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (units === 1) {
      if ((A[i] > 0.5 ? 1 : 0) === Y[i]) correct++;
      continue;
    }
    let best = 0;
    for (let j = 1; j < units; j++) if (A[i * units + j] > A[i * units + best]) best = j;
    if (Y[i * units + best] === 1) correct++;
  }
  return correct / n;
}
