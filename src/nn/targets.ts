/**
 * From labels to the target matrix Y and back. The task follows the output layer, as in Keras:
 * sigmoid → binary (or multi-label) classification, softmax → one class of k, anything else → regression.
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import { activation, type ActivationName } from "./activations.ts";

export type Task = "binary" | "multiclass" | "regression";

/** What an output layer of this activation does: its registry entry's `task`. */
export function taskOf(outputActivation: ActivationName): Task {
  return activation(outputActivation).task;
}

/** Sorted distinct labels (numbers ascending, else strings in code-point order), like np.unique. */
export function classesOf(labels: readonly Label[]): Label[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((v) => typeof v === "number")) return (distinct as number[]).sort((a, b) => a - b);
  return distinct.map(String).sort();
}

const show = (v: Label): string => (typeof v === "string" ? JSON.stringify(v) : String(v));
const listOf = (a: readonly Label[]): string => (a.length > 8 ? [...a.slice(0, 8).map(show), "…"] : a.map(show)).join(", ");

/**
 * The classes a model with this output predicts, checked against the labels (and against the
 * experiment's `classes` when it lists them, as scikit-learn's `classes_`).
 * - one sigmoid unit: two classes; numeric labels in {0, 1} always use [0, 1] (so a set with only 1s is fine);
 * - softmax with k units: k classes; integer labels are unit indices 0…k−1 (Keras' sparse
 *   convention), other labels must be exactly k distinct values, or listed in `classes`;
 * - regression: numbers, and no classes.
 */
export function classesFor(task: Task, units: number, labels: readonly Label[], where = "data", declared: readonly Label[] | null = null): Label[] | null {
  const kinds = new Set(labels.map((v) => typeof v));
  if (kinds.size > 1) {
    const n = labels.find((v) => typeof v === "number")!;
    const s = labels.find((v) => typeof v === "string")!;
    throw new UserError(`the labels mix numbers (${n}) and strings (${JSON.stringify(s)}): write every label the same way, all numbers or all strings`, "data.y");
  }
  if (task === "regression") {
    if (declared) throw new UserError(`lists classes, but a ${"linear/relu/tanh"} output layer does regression: use a sigmoid or softmax output, or remove classes`, "classes");
    const bad = labels.findIndex((v) => typeof v !== "number");
    if (bad >= 0) throw new UserError(`target ${show(labels[bad])} is not a number, but a ${"linear/relu/tanh"} output layer does regression: use a sigmoid or softmax output for classes`, where);
    return null;
  }
  const found = classesOf(labels);
  if (task === "binary" && units !== 1) {
    throw new UserError(`a sigmoid output with ${units} units is not supported for class labels: use 1 sigmoid unit for two classes or ${units} softmax units`, where);
  }
  const wanted = task === "binary" ? 2 : units;
  const output = task === "binary" ? "the output layer is 1 sigmoid unit, which separates two" : `the softmax output has ${units} units`;
  if (declared) {
    if (declared.length !== wanted) {
      const fix = task === "binary" ? (declared.length > 2 ? `use { "units": ${declared.length}, "activation": "softmax" }` : "list two classes") : `set the last layer's units to ${declared.length}`;
      throw new UserError(`lists ${declared.length} class${declared.length === 1 ? "" : "es"} (${listOf(declared)}) but ${output}: ${fix}`, "classes");
    }
    const known = new Set<Label>(declared);
    const missing = labels.findIndex((v) => !known.has(v));
    if (missing >= 0) throw new UserError(`label ${show(labels[missing])} (row ${missing}) is not one of the listed classes (${listOf(declared)}): add it to "classes" or fix the row`, "data.y");
    return [...declared];
  }
  if (task === "binary") {
    if (found.length > 2) {
      throw new UserError(
        `the target has ${found.length} classes (${listOf(found)}) but the output layer is 1 sigmoid unit, which separates two: use { "units": ${found.length}, "activation": "softmax" } with "loss": "categorical-crossentropy"`,
        where,
      );
    }
    if (found.every((v) => v === 0 || v === 1)) return [0, 1];
    if (found.length < 2) {
      throw new UserError(`the target has only one class (${listOf(found)}), and a classifier needs two: list both, e.g. "classes": [${show(found[0])}, "other"], or use labels 0 and 1`, where);
    }
    return found;
  }
  if (found.every((v) => typeof v === "number" && Number.isInteger(v))) {
    const out = (found as number[]).find((v) => v < 0 || v >= units);
    if (out === undefined) return Array.from({ length: units }, (_, i) => i);
    if (found.length === units) {
      throw new UserError(`whole-number labels are unit indices 0…${units - 1} of the ${units}-unit softmax, but the target has ${out}: list the labels as "classes": [${listOf(found)}] (unit k stands for the k-th) or use 0…${units - 1}`, where);
    }
    throw new UserError(`whole-number labels are unit indices 0…${units - 1} of the ${units}-unit softmax, but the target has ${out} (classes found: ${listOf(found)}): use labels 0…${units - 1}, set the units to cover them, or list "classes"`, where);
  }
  if (found.length !== units) {
    throw new UserError(`the target has ${found.length} classes (${listOf(found)}) but the softmax output has ${units} units: set the last layer's units to ${found.length}${found.length === 2 ? ' (or use 1 sigmoid unit)' : ""}, or list all ${units} in "classes"`, where);
  }
  return found;
}

/**
 * Targets given as rows (one-hot rows, or several values per sample), n × k: for a softmax output
 * each row must be one-hot and becomes its class (classes[k]); for regression the rows are Y.
 * Returns the labels for class rows, or null when the rows are regression targets.
 */
export function labelsFromRows(task: Task, units: number, rows: { rows: number; cols: number; data: Float64Array }, classes: readonly Label[] | null, where = "data.y"): Label[] | null {
  const k = rows.cols;
  if (task === "regression") {
    if (k !== units) throw new UserError(`the targets have ${k} values per row but the output layer has ${units} unit${units === 1 ? "" : "s"}: set the last layer's units to ${k}`, where);
    return null;
  }
  if (task === "binary") {
    throw new UserError(`targets given as rows of ${k} values need ${k === 1 ? "a single value per row" : `a softmax output with ${k} units (one-hot rows)`}: use { "units": ${k}, "activation": "softmax" }, or give one 0/1 label per row for one sigmoid unit`, where);
  }
  if (k !== units) throw new UserError(`one-hot rows of ${k} values, but the softmax output has ${units} units: set the last layer's units to ${k}`, where);
  const labels: Label[] = new Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) {
    let hot = -1;
    let ok = true;
    for (let j = 0; j < k; j++) {
      const v = rows.data[i * k + j];
      if (v === 1 && hot < 0) hot = j;
      else if (v !== 0) ok = false;
    }
    if (!ok || hot < 0) {
      const row = Array.from(rows.data.subarray(i * k, (i + 1) * k)).join(", ");
      throw new UserError(`[${row}] is not one-hot (one 1, the rest 0), as a softmax output's targets must be: fix the row, or use a linear output for several regression targets`, `${where}[${i}]`);
    }
    labels[i] = classes ? classes[hot] : hot;
  }
  return labels;
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
