/**
 * Input feature maps (an experiment's `inputs`, TensorFlow Playground's seven and a little more):
 * the features the network sees, computed from the data's raw feature columns. A name is one of
 *
 *   xK         the K-th raw feature column (1-based)      x1
 *   xK^2       its square                                 x2^2
 *   xJ*xK      the product of two columns                 x1*x2
 *   sin(xK)    cos(xK)                                    sin(x1)
 *
 * where a column may also be named as the data names it ("sin(age)", "age*height"); a column's
 * name is tried before a position, so a CSV whose columns are x2,x1 means them by name. Names
 * containing ( ) * ^ can only be given by position. Spaces around operators are allowed.
 * Pure: parsing gives a map from raw rows (samples × columns) to the network's input rows.
 */
import { UserError } from "../core/errors.ts";
import { matrix, type Matrix } from "../core/matrix.ts";
import type { DataSplit, LabeledData } from "./types.ts";

/** The accepted forms, for error messages. */
export const FEATURE_FORMS = "xK, xK^2, xJ*xK, sin(xK) or cos(xK) (K = 1, 2, … or a column's name)";

export type FeatureOp = "column" | "square" | "product" | "sin" | "cos";

/** A name's shape before its columns are looked up: the operation and its one or two operands. */
export interface FeatureSyntax {
  op: FeatureOp;
  operands: string[];
}

export interface FeatureMap {
  /** One name per output column, as given (trimmed). */
  readonly names: string[];
  /** The raw columns it reads (their count). */
  readonly rawColumns: number;
  /** Raw rows (samples × rawColumns) → the features (samples × names.length). */
  apply(X: Matrix): Matrix;
}

/** Parses one name's shape; UserError at `path` when it is none of the forms. */
export function parseFeatureName(name: string, path = "inputs"): FeatureSyntax {
  const s = name.trim();
  const operand = (t: string): string | null => (t.length > 0 && !/[()*^]/.test(t) ? t : null);
  const fn = /^(sin|cos)\s*\(\s*(.*?)\s*\)$/.exec(s);
  const square = /^(.*?)\s*\^\s*2$/.exec(s);
  const product = /^([^*]*?)\s*\*\s*([^*]*)$/.exec(s);
  let syntax: FeatureSyntax | null = null;
  if (fn && operand(fn[2])) syntax = { op: fn[1] as "sin" | "cos", operands: [fn[2]] };
  else if (square && operand(square[1])) syntax = { op: "square", operands: [square[1]] };
  else if (product && operand(product[1]) && operand(product[2])) syntax = { op: "product", operands: [product[1], product[2]] };
  else if (operand(s)) syntax = { op: "column", operands: [s] };
  if (!syntax) throw new UserError(`${JSON.stringify(name)} is not an input feature; write ${FEATURE_FORMS}`, path);
  return syntax;
}

/**
 * The map for `names` over raw columns called `columns` (the data's feature names, in order).
 * UserError at `${path}[i]` for a name of no accepted form, a column that is not there, or a repeat.
 */
export function featureMap(names: readonly string[], columns: readonly string[], path = "inputs"): FeatureMap {
  if (names.length === 0) throw new UserError("needs at least 1 entry", path);
  const d = columns.length;
  const seen = new Map<string, number>();
  const terms = names.map((name, i) => {
    const at = `${path}[${i}]`;
    const { op, operands } = parseFeatureName(name, at);
    const idx = operands.map((o) => columnIndex(o, columns, at));
    const key = `${op}:${op === "product" ? [...idx].sort((a, b) => a - b).join(",") : idx.join(",")}`;
    const first = seen.get(key);
    if (first !== undefined) throw new UserError(`${JSON.stringify(name)} repeats ${path}[${first}] (${JSON.stringify(names[first])}); list each feature once`, at);
    seen.set(key, i);
    return { op, a: idx[0], b: idx[1] ?? idx[0] };
  });
  const k = terms.length;
  return {
    names: names.map((n) => n.trim()),
    rawColumns: d,
    apply(X: Matrix): Matrix {
      if (X.cols !== d) throw new RangeError(`the feature map reads ${d} raw column${d === 1 ? "" : "s"} (${columns.join(", ")}); X has ${X.cols}`);
      const out = matrix(X.rows, k);
      const x = X.data;
      const y = out.data;
      for (let i = 0; i < X.rows; i++) {
        const row = i * d;
        for (let j = 0; j < k; j++) {
          const t = terms[j];
          const a = x[row + t.a];
          y[i * k + j] =
            t.op === "column" ? a : t.op === "square" ? a * a : t.op === "product" ? a * x[row + t.b] : t.op === "sin" ? Math.sin(a) : Math.cos(a);
        }
      }
      return out;
    },
  };
}

/** Both parts of a split through the map; the feature names become the map's. */
export function mapSplit(split: DataSplit, map: FeatureMap): DataSplit {
  const part = (p: LabeledData): LabeledData => ({ ...p, X: map.apply(p.X) });
  return { train: part(split.train), test: split.test ? part(split.test) : null, featureNames: map.names, targetName: split.targetName };
}

/**
 * Raw rows → the network's input rows (before its scaler), for a model that may carry `inputs`
 * (its `featureNames` are then the raw columns the map reads). Without `inputs`, X itself.
 */
export function mapInputs(model: { inputs: readonly string[] | null; featureNames: readonly string[] }, X: Matrix, path = "inputs"): Matrix {
  return model.inputs ? featureMap(model.inputs, model.featureNames, path).apply(X) : X;
}

function columnIndex(operand: string, columns: readonly string[], at: string): number {
  const byName = columns.indexOf(operand);
  if (byName >= 0) return byName;
  const d = columns.length;
  const range = d === 1 ? "x1" : `x1 to x${d}`;
  const pos = /^x(\d+)$/.exec(operand);
  if (pos) {
    const k = Number(pos[1]);
    if (k >= 1 && k <= d) return k - 1;
    throw new UserError(`${JSON.stringify(operand)} is out of range: the data has ${d} feature column${d === 1 ? "" : "s"} (${columns.join(", ")}); use ${range} or a column's name`, at);
  }
  throw new UserError(`${JSON.stringify(operand)} is not a feature column: the data's are ${columns.map((c) => JSON.stringify(c)).join(", ")} (or ${range} by position)`, at);
}
