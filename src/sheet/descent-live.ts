/**
 * The descent sheet's live rows: each row's parameters are the row above minus η × its gradient,
 * and the row computes its loss, accuracy and gradient itself, through working cells that hold
 * every sample's Z, A and dZ.
 */
import { outputLayer } from "../nn/network.ts";
import { paramNames } from "../viz/params.ts";
import { cellOf, DATA, DESCENT, PARAMS, type StepContext } from "./book.ts";
import { a1, range, type SheetSpec } from "./cells.ts";
import type { DescentPlan } from "./descent-plan.ts";
import { activationFormula, fusedFormula, lossFormula, lossGradient, paren, slopeFormula } from "./formulas.ts";

/** Live rows: parameters, loss, accuracy, gradient, and the working cells of each sample. */
export function liveRows(ctx: StepContext, s: SheetSpec, plan: DescentPlan): void {
  const { net, cells, book } = ctx;
  const n = ctx.trace.samples;
  const L = net.layers.length;
  const out = outputLayer(net);
  const F = net.inputSize;
  const M = out.units;
  const names = paramNames(net);
  const P = (c: string): string => `${PARAMS}!${c}`;
  const gradStart = (plan.accuracyCol ?? plan.lossCol) + 1;
  const gradCols = new Map<string, number>();
  names.forEach((p, k) => gradCols.set(p, gradStart + k));
  const gap = gradStart + names.length;
  const work0 = gap + 1;
  names.forEach((p) => {
    s.set(plan.header, gradCols.get(p)!, { v: `d${p}`, style: "header" });
    s.width(gradCols.get(p)!, 10);
  });
  s.set(plan.header - 1, gradStart, { v: "gradient: ∂loss/∂parameter (dW = dZᵀ·A + s·(l2·W + l1·sign W), db = Σ dZ)", style: "note" });
  s.width(gap, 16);

  // Working blocks: one column per sample for each unit of Z, A (forward) and dZ (backward).
  const quantities: { key: string; label: string }[] = [];
  net.layers.forEach((layer, i) => {
    for (let j = 0; j < layer.units; j++) quantities.push({ key: `Z${i + 1}_${j}`, label: `Z${i + 1}` });
    for (let j = 0; j < layer.units; j++) quantities.push({ key: `A${i + 1}_${j}`, label: `A${i + 1}` });
  });
  for (let i = L - 1; i >= 0; i--) for (let j = 0; j < net.layers[i].units; j++) quantities.push({ key: `dZ${i + 1}_${j}`, label: `dZ${i + 1}` });
  const qStart = new Map<string, number>();
  quantities.forEach((q, k) => qStart.set(q.key, work0 + k * n));
  const formulas = new Map(ctx.trace.steps.map((x) => [x.name, x.formula]));
  for (const q of quantities) {
    const c0 = qStart.get(q.key)!;
    const unit = q.key.split("_")[1];
    if (unit === "0") s.set(plan.header - 1, c0, { v: formulas.get(q.label) ?? q.label, style: "formula" });
    for (let i = 0; i < n; i++) {
      s.set(plan.header, c0 + i, { v: `${q.label}[${i},${unit}]`, style: "header" });
      s.width(c0 + i, 9);
    }
  }

  // The data, one column per sample, above the working blocks (copied from the data sheet).
  const X = book.blocks.get(`${DATA}:X`)!;
  const Yd = book.blocks.get(`${DATA}:Ydata`)!;
  const xRow = (k: number): number => plan.dataRow0 + k;
  const yRow = (j: number): number => plan.dataRow0 + F + j;
  for (let k = 0; k < F; k++) {
    s.set(xRow(k), gap, { v: `input ${k} (A0)`, style: "label" });
    for (let i = 0; i < n; i++) s.set(xRow(k), work0 + i, { f: cellOf(X, i, k, DESCENT), style: "linked" });
  }
  for (let j = 0; j < M; j++) {
    s.set(yRow(j), gap, { v: `target ${j} (Y)`, style: "label" });
    for (let i = 0; i < n; i++) s.set(yRow(j), work0 + i, { f: cellOf(Yd, i, j, DESCENT), style: "linked" });
  }
  const xRange = (k: number): string => range(xRow(k), work0, xRow(k), work0 + n - 1, true);
  const yRange = (j: number): string => range(yRow(j), work0, yRow(j), work0 + n - 1, true);
  const xCell = (k: number, i: number): string => a1(xRow(k), work0 + i, true);
  const yCell = (j: number, i: number): string => a1(yRow(j), work0 + i, true);

  const eta = P(cells.learningRate);
  const sc = P(cells.scale);
  const l2 = P(cells.l2);
  const l1 = P(cells.l1);
  for (let k = 0; k < plan.rows; k++) {
    const r = plan.firstRow + k;
    const pc = (p: string): string => a1(r, plan.paramCols.get(p)!);
    const q = (key: string, i: number): string => a1(r, qStart.get(key)! + i);
    const qRange = (key: string): string => range(r, qStart.get(key)!, r, qStart.get(key)! + n - 1);
    // Parameters: the parameters sheet's, then the row above minus η × its gradient.
    net.layers.forEach((layer, li) => {
      const l = li + 1;
      const Wp = book.blocks.get(`${PARAMS}:W${l}`)!;
      const bp = book.blocks.get(`${PARAMS}:b${l}`)!;
      for (let j = 0; j < layer.units; j++) {
        for (let c = 0; c < layer.inputSize; c++) {
          const p = `W${l}[${j},${c}]`;
          s.set(r, plan.paramCols.get(p)!, { f: k === 0 ? cellOf(Wp, j, c, DESCENT) : `${a1(r - 1, plan.paramCols.get(p)!)}-${eta}*${a1(r - 1, gradCols.get(p)!)}`, style: "value" });
        }
      }
      for (let j = 0; j < layer.units; j++) {
        const p = `b${l}[${j}]`;
        s.set(r, plan.paramCols.get(p)!, { f: k === 0 ? cellOf(bp, 0, j, DESCENT) : `${a1(r - 1, plan.paramCols.get(p)!)}-${eta}*${a1(r - 1, gradCols.get(p)!)}`, style: "value" });
      }
    });
    // Forward, per sample.
    net.layers.forEach((layer, li) => {
      const l = li + 1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < layer.units; j++) {
          const terms = Array.from({ length: layer.inputSize }, (_, c) => `${pc(`W${l}[${j},${c}]`)}*${l === 1 ? xCell(c, i) : q(`A${l - 1}_${c}`, i)}`);
          s.set(r, qStart.get(`Z${l}_${j}`)! + i, { f: `${pc(`b${l}[${j}]`)}+${terms.join("+")}`, style: "value" });
        }
        for (let j = 0; j < layer.units; j++) {
          const z = q(`Z${l}_${j}`, i);
          let f: string;
          if (layer.activation === "softmax") {
            const zs = Array.from({ length: layer.units }, (_, u) => q(`Z${l}_${u}`, i));
            const max = `MAX(${zs.join(",")})`;
            f = `EXP(${z}-${max})/(${zs.map((zz) => `EXP(${zz}-${max})`).join("+")})`;
          } else f = activationFormula(layer.activation, z, null);
          s.set(r, qStart.get(`A${l}_${j}`)! + i, { f, style: "value" });
        }
      }
    });
    // Backward, per sample.
    const fused = ctx.trace.steps.find((x) => x.name === `dZ${L}`)!.inputs.includes("Y");
    for (let li = L - 1; li >= 0; li--) {
      const layer = net.layers[li];
      const l = li + 1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < layer.units; j++) {
          const a = q(`A${l}_${j}`, i);
          const z = q(`Z${l}_${j}`, i);
          let f: string;
          if (l === L) {
            f = fused ? fusedFormula(ctx.lossName, a, yCell(j, i), M, sc) : `${lossGradient(ctx.lossName, a, yCell(j, i), M, sc)}*${paren(slopeFormula(layer.activation, z, a))}`;
          } else {
            const next = net.layers[li + 1];
            const back = Array.from({ length: next.units }, (_, u) => `${q(`dZ${l + 1}_${u}`, i)}*${pc(`W${l + 1}[${u},${j}]`)}`).join("+");
            f = `(${back})*${paren(slopeFormula(layer.activation, z, a))}`;
          }
          s.set(r, qStart.get(`dZ${l}_${j}`)! + i, { f, style: "value" });
        }
      }
      // Gradients of this layer.
      for (let j = 0; j < layer.units; j++) {
        for (let c = 0; c < layer.inputSize; c++) {
          const p = `W${l}[${j},${c}]`;
          const input = l === 1 ? xRange(c) : qRange(`A${l - 1}_${c}`);
          s.set(r, gradCols.get(p)!, { f: `SUMPRODUCT(${qRange(`dZ${l}_${j}`)},${input})+${sc}*(${l2}*${pc(p)}+${l1}*SIGN(${pc(p)}))`, style: "value" });
        }
        s.set(r, gradCols.get(`b${l}[${j}]`)!, { f: `SUM(${qRange(`dZ${l}_${j}`)})`, style: "value" });
      }
    }
    // Loss and accuracy of this row's parameters.
    const pairs: [string, string][] = Array.from({ length: M }, (_, j) => [qRange(`A${L}_${j}`), yRange(j)]);
    const Ws = net.layers.map((layer, li) => range(r, plan.paramCols.get(`W${li + 1}[0,0]`)!, r, plan.paramCols.get(`W${li + 1}[${layer.units - 1},${layer.inputSize - 1}]`)!));
    s.set(r, plan.lossCol, { f: lossFormula(ctx.lossName, pairs, M, Ws, { l2, l1, n: P(cells.samples) }), style: "value" });
    if (plan.accuracyCol) {
      let f: string;
      if (M === 1) f = `SUMPRODUCT(--((${pairs[0][0]}>0.5)=(${pairs[0][1]}=1)))/${P(cells.samples)}`;
      else {
        // Sample i is right when the target's 1 is at the first largest output (the engine's argmax).
        f = `(${pairs
          .map(([a, y], j) => `SUMPRODUCT(${y}${pairs.map(([b], u) => (u === j ? "" : `*(${a}${u < j ? ">" : ">="}${b})`)).join("")})`)
          .join("+")})/${P(cells.samples)}`;
      }
      s.set(r, plan.accuracyCol, { f, style: "value" });
    }
  }
}
