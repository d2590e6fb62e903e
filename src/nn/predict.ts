/** Using a trained model on raw (unscaled) inputs, with scikit-learn's names. */
import type { Label } from "../core/label.ts";
import { matrix, type Matrix } from "../core/matrix.ts";
import { applyScalerInto } from "../core/scaler.ts";
import type { Model } from "./model.ts";
import { outputLayer } from "./network.ts";
import { forwardOutput } from "./passes.ts";
import { encodeTargets, predictedIndex, taskOf } from "./targets.ts";

/**
 * The network's output for each row of X (n × inputSize: unscaled; for a model with `inputs`, the
 * mapped features, see src/data/feature-map.ts `mapInputs`): probabilities or values.
 */
export function predictOutput(model: Model, X: Matrix): Matrix {
  if (X.cols !== model.inputSize) {
    const hint = model.inputs ? ` (${model.inputs.join(", ")}: map the raw columns first, e.g. with mapInputs)` : "";
    throw new RangeError(`X has ${X.cols} features, the model expects ${model.inputSize}${hint}`);
  }
  let input = X.data;
  if (model.scaler) {
    input = new Float64Array(X.data.length);
    applyScalerInto(X.data, model.scaler, input, X.rows, X.cols);
  }
  // In passes that fit the fast kernels' memory (a 100×100 grid or larger), the same bits as one.
  return matrix(X.rows, outputLayer(model).units, forwardOutput(model, input, X.rows).A);
}

/**
 * Class probabilities, one column per class (scikit-learn's `predict_proba`):
 * for one sigmoid unit the columns are [1 − p, p].
 */
export function predictProba(model: Model, X: Matrix): Matrix {
  const out = predictOutput(model, X);
  if (model.classes === null) throw new RangeError("predictProba needs a classifier; this model does regression");
  if (out.cols !== 1) return out;
  const P = matrix(X.rows, 2);
  for (let i = 0; i < X.rows; i++) {
    P.data[2 * i] = 1 - out.data[i];
    P.data[2 * i + 1] = out.data[i];
  }
  return P;
}

/** The predicted label (classifier) or value (regression) of each row. */
export function predict(model: Model, X: Matrix): Label[] {
  const out = predictOutput(model, X);
  if (model.classes === null) {
    if (out.cols !== 1) throw new RangeError(`this model has ${out.cols} outputs per row: use predictOutput for the rows`);
    return Array.from(out.data);
  }
  const idx = new Int32Array(X.rows);
  predictedIndex(out.data, X.rows, out.cols, idx);
  const classes = model.classes;
  return Array.from(idx, (k) => classes[k]);
}

/** Accuracy for a classifier, R² for regression (as scikit-learn's `score`). */
export function score(model: Model, X: Matrix, y: readonly Label[]): number {
  const predicted = predict(model, X);
  if (taskOf(outputLayer(model).activation) !== "regression" && model.classes) {
    encodeTargets(y, model.classes, outputLayer(model).units); // rejects unknown labels
    let correct = 0;
    for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) correct++;
    return correct / y.length;
  }
  const values = y as number[];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < values.length; i++) {
    ssRes += (values[i] - (predicted[i] as number)) ** 2;
    ssTot += (values[i] - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}
