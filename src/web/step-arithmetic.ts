/**
 * The step inspector's hover text: the arithmetic that produced one cell of a computed matrix,
 * with the trace's own numbers (ARCHITECTURE §6), e.g.
 * "Z1[0,1] = Σₖ A0[0,k]·W1[1,k] + b1[1] = 0.12×0.5 + (−0.31)×1.2 + 0.1 = −0.212".
 * The operands and the result are the trace's cells, shown as its tables show them (four
 * significant digits); only long sums are cut, naming how many terms are left out.
 */
import type { Trace, TraceStep } from "../nn/trace.ts";
import { fmt } from "../viz/format.ts";
import type { Mark, Scene } from "../viz/scene.ts";
import { MAX_COLS, MAX_ROWS } from "../viz/views/tables.ts";

/** Terms of a sum written out before "… + k more". */
export const MAX_TERMS = 6;

export interface ArithmeticWords {
  /** How many terms of a long sum are not written out, in the page's language. */
  more(n: number): string;
  /** The penalty's part of a gradient, in the page's language. */
  penalty: string;
  /** "the optimiser's step", for updates other than W − η·dW. */
  step(optimizer: string): string;
}

export const ENGLISH: ArithmeticWords = {
  more: (n) => `not shown: ${n}`,
  penalty: "penalty",
  step: (o) => `${o} step`,
};

/** The words from the page's templates ("not shown: {n}", "{optimizer} step"); English without them. */
export function arithmeticWords(w?: { more: string; penalty: string; step: string }): ArithmeticWords {
  if (!w) return ENGLISH;
  return { more: (n) => w.more.replace("{n}", String(n)), penalty: w.penalty, step: (o) => w.step.replace("{optimizer}", o) };
}

/** A number as the tables show it; negative ones in brackets when they are a factor or a term. */
export const num = (v: number): string => fmt(v, 4);
const factor = (v: number): string => (num(v).startsWith("−") ? `(${num(v)})` : num(v));

function sum(terms: string[], words: ArithmeticWords): string {
  if (terms.length <= MAX_TERMS) return terms.join(" + ");
  return `${terms.slice(0, MAX_TERMS - 1).join(" + ")} + … + ${terms[terms.length - 1]} (${words.more(terms.length - MAX_TERMS)})`;
}

/** "b1[1]" for a bias row, "Z1[0,1]" for others. */
export function cellName(step: Pick<TraceStep, "name" | "value">, i: number, j: number): string {
  return step.value.length === 1 && /^(b\d+'?|db\d+)$/.test(step.name) ? `${step.name}[${j}]` : `${step.name}[${i},${j}]`;
}

/** The arithmetic of cell (i, j) of the computed step `name`; null for a given matrix or a cell outside it. */
export function arithmetic(trace: Trace, name: string, i: number, j: number, words: ArithmeticWords = ENGLISH): string | null {
  const by = new Map(trace.steps.map((s) => [s.name, s]));
  const step = by.get(name);
  if (!step || step.phase === "given") return null;
  const value = step.value[i]?.[j];
  if (value === undefined) return null;
  const v = (n: string, r: number, c: number): number => by.get(n)!.value[r][c];
  const here = cellName(step, i, j);
  const result = num(value);
  const [a, b, c] = step.inputs;
  const n = trace.samples;

  if (/^Z\d+$/.test(name)) {
    const k = by.get(a)!.value[0].length;
    const terms = Array.from({ length: k }, (_, q) => `${factor(v(a, i, q))}×${factor(v(b, j, q))}`);
    return `${here} = Σₖ ${a}[${i},k]·${b}[${j},k] + ${c}[${j}] = ${sum([...terms, factor(v(c, 0, j))], words)} = ${result}`;
  }
  if (/^A\d+$/.test(name)) {
    const act = /= (\w+)\(/.exec(step.formula)?.[1] ?? "f";
    const z = v(a, i, j);
    if (act === "softmax") {
      const row = by.get(a)!.value[i];
      return `${here} = e^${factor(z)} / Σₖ e^${a}[${i},k] = e^${factor(z)} / (${row.map((x) => `e^${factor(x)}`).join(" + ")}) = ${result}`;
    }
    return `${here} = ${act}(${a}[${i},${j}]) = ${act}(${num(z)}) = ${result}`;
  }
  if (step.phase === "loss") {
    return `${here.replace(/\[0,0\]$/, "")} = ${step.formula} = ${result} (${n} × ${by.get(a)!.value[0].length})`;
  }
  if (/^dA\d+$/.test(name) && a.startsWith("dZ")) {
    const k = by.get(a)!.value[0].length;
    const terms = Array.from({ length: k }, (_, q) => `${factor(v(a, i, q))}×${factor(v(b, q, j))}`);
    return `${here} = Σⱼ ${a}[${i},j]·${b}[j,${j}] = ${sum(terms, words)} = ${result}`;
  }
  if (/^dA\d+$/.test(name)) {
    // ∂loss/∂A at the output: the loss's gradient at this cell's output and target.
    const parts = step.formula.split(" = ");
    const rule = parts[parts.length - 1];
    const units = by.get(a)!.value[0].length;
    const filled = rule.replaceAll("1/n", `1/${n}`).replace(/A\d+/g, factor(v(a, i, j))).replace(/\bY\b/g, factor(v(b, i, j))).replace(/\boutputs\b/g, String(units));
    return `${here} = ${parts.slice(1).join(" = ")} = ${filled} = ${result}`;
  }
  if (/^f'/.test(name)) {
    const rule = step.formula.split(" = ").slice(1).join(" = ");
    const aName = step.inputs[1];
    const zName = step.inputs[0];
    if (/1 − A/.test(rule) && rule.includes("²")) return `${here} = 1 − ${aName}[${i},${j}]² = 1 − ${factor(v(aName, i, j))}² = ${result}`;
    if (rule.includes("⊙")) return `${here} = ${aName}[${i},${j}]·(1 − ${aName}[${i},${j}]) = ${factor(v(aName, i, j))}×(1 − ${factor(v(aName, i, j))}) = ${result}`;
    if (rule.includes("Z")) return `${here} = ${num(v(zName, i, j))} > 0 ? 1 : 0 = ${result}`;
    return `${here} = ${rule} = ${result}`;
  }
  if (/^dZ\d+$/.test(name)) {
    if (a === "dA" + name.slice(2)) return `${here} = ${a}[${i},${j}]·${b}[${i},${j}] = ${factor(v(a, i, j))}×${factor(v(b, i, j))} = ${result}`;
    // The fused form at the output: (1/n)·(A − Y), as training computes it.
    const fused = /= ([^ ]+\(A\d+ − Y\)(\/\d+)?)/.exec(step.formula)?.[1] ?? "(A − Y)";
    const mean = fused.startsWith("(1/n)") ? `(1/${n})·` : "";
    const per = /\/(\d+)$/.exec(fused)?.[1];
    return `${here} = ${fused} = ${mean}(${num(v(a, i, j))} − ${factor(v(b, i, j))})${per ? `/${per}` : ""} = ${result}`;
  }
  if (/^dW\d+$/.test(name)) {
    const rows = by.get(a)!.value;
    const terms = rows.map((_, s) => `${factor(v(a, s, i))}×${factor(v(b, s, j))}`);
    let total = 0;
    rows.forEach((_, s) => (total += v(a, s, i) * v(b, s, j)));
    const penalty = value - total;
    const extra = Math.abs(penalty) > 1e-12 * Math.max(1, Math.abs(value)) ? ` + ${factor(penalty)} (${words.penalty})` : "";
    return `${here} = Σᵢ ${a}[i,${i}]·${b}[i,${j}] = ${sum(terms, words)}${extra} = ${result}`;
  }
  if (/^db\d+$/.test(name)) {
    const rows = by.get(a)!.value;
    return `${here} = Σᵢ ${a}[i,${j}] = ${sum(rows.map((_, s) => factor(v(a, s, j))), words)} = ${result}`;
  }
  if (step.phase === "update") {
    const before = v(a, i, j);
    const grad = v(b, i, j);
    const source = `${a}${cellName(by.get(a)!, i, j).slice(a.length)}`;
    const gname = `${b}${cellName(by.get(b)!, i, j).slice(b.length)}`;
    if (step.formula.includes("η·d")) return `${here} = ${source} − η·${gname} = ${num(before)} − ${trace.learningRate}×${factor(grad)} = ${result}`;
    return `${here} = ${source} − (${words.step(trace.optimizer)}) = ${num(before)} − ${factor(before - value)} = ${result}  (${gname} = ${num(grad)})`;
  }
  return null;
}

/** A cell of the computed matrix where the picture draws it (in the SVG's own units). */
export interface CellBox {
  r: number;
  c: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page needs to hover the step inspector's picture: the computed matrix's cells and the highlighted cell's arithmetic. */
export interface StepHover {
  /** The computed step's name ("Z1", "dW2", "W1'"). */
  name: string;
  /** The highlighted cell (clamped to what the table shows). */
  cell: [number, number];
  arithmetic: string | null;
  cells: CellBox[];
  /** The picture's size in its own units. */
  width: number;
  height: number;
}

/**
 * For step k (1-based) of the trace layout drawn as `scene` with `cell` highlighted: the result
 * table's cells (drawn last, row-major, at most 8 × 8 shown) and the arithmetic of that cell.
 */
export function stepHover(trace: Trace, scene: Scene, k: number, cell: [number, number] | undefined, words: ArithmeticWords = ENGLISH): StepHover | null {
  const step = trace.steps.filter((s) => s.phase !== "given")[k - 1];
  if (!step) return null;
  const rows = Math.min(step.value.length, MAX_ROWS);
  const cols = Math.min(step.value[0]?.length ?? 0, MAX_COLS);
  const rects = scene.marks.filter((m): m is Extract<Mark, { type: "rect" }> => m.type === "rect" && /^cell\b/.test(m.role ?? "")).slice(-rows * cols);
  if (rects.length !== rows * cols) return null;
  const i = Math.max(0, Math.min(cell?.[0] ?? 0, rows - 1));
  const j = Math.max(0, Math.min(cell?.[1] ?? 0, cols - 1));
  return {
    name: step.name,
    cell: [i, j],
    arithmetic: arithmetic(trace, step.name, i, j, words),
    cells: rects.map((m, q) => ({ r: Math.floor(q / cols), c: q % cols, x: m.x, y: m.y, width: m.width, height: m.height })),
    width: scene.width,
    height: scene.height,
  };
}
