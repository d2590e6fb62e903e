/**
 * The parameters sheet: the learning rate, the penalties, the gradient scale and every initial
 * weight and bias, the input cells every other sheet's formulas start from.
 */
import type { Prepared } from "../experiment/prepare.ts";
import { layerToJson } from "../nn/network.ts";
import type { Reduction } from "../nn/propagation.ts";
import { a1, range } from "./cells.ts";
import { addBlock, addSheet, DATA, PARAMS, type Book, type ParameterCells } from "./book.ts";
import { inputNames } from "./data-sheet.ts";

/** Writes the sheet and returns where its single-value cells are. */
export function parametersSheet(book: Book, prepared: Prepared, learningRate: number, reduction: Reduction): ParameterCells {
  const { model, data, config } = prepared;
  const n = data.X.rows;
  const xNames = inputNames(model);
  const ps = addSheet(book, PARAMS);
  ps.set(1, 1, { v: "Parameters: the starting point (change any coloured cell; every sheet follows)", style: "title" });
  const notes: string[] = [];
  if (config.optimizer !== "gd" && !(config.optimizer === "sgd" && !config.batchSize && !config.momentum)) {
    notes.push(`The experiment trains with ${config.optimizer}${config.batchSize ? ` in batches of ${config.batchSize}` : ""}; this workbook computes plain gradient descent on all ${n} rows with the same learning rate.`);
  } else if (config.batchSize && config.batchSize < n) {
    notes.push(`The experiment trains in batches of ${config.batchSize}; this workbook computes gradient descent on all ${n} rows at once.`);
  }
  notes.push(reduction === "mean" ? "Gradients are averaged over the samples (s = 1/n)." : "Gradients are summed over the samples (s = 1).");
  ps.set(2, 1, { v: notes.join(" "), style: "note" });
  const cells = { learningRate: a1(4, 3, true), l2: a1(5, 3, true), l1: a1(6, 3, true), samples: a1(7, 3, true), scale: a1(8, 3, true) };
  ps.set(4, 1, { v: "learning rate η", style: "label" });
  ps.set(4, 3, { v: learningRate, style: "input" });
  ps.set(5, 1, { v: "L2 penalty (alpha)", style: "label" });
  ps.set(5, 3, { v: config.l2 ?? 0, style: "input" });
  ps.set(5, 4, { v: "adds l2/2·ΣW² to the summed loss, s·l2·W to dW", style: "note" });
  ps.set(6, 1, { v: "L1 penalty", style: "label" });
  ps.set(6, 3, { v: config.l1 ?? 0, style: "input" });
  ps.set(6, 4, { v: "adds l1·Σ|W| to the summed loss, s·l1·sign(W) to dW", style: "note" });
  ps.set(7, 1, { v: "samples n", style: "label" });
  ps.set(7, 3, { f: `ROWS(${DATA}!${range(5, 1, 4 + n, 1, true)})`, style: "count" });
  ps.set(8, 1, { v: "gradient scale s", style: "label" });
  ps.set(8, 3, reduction === "mean" ? { f: `1/${cells.samples}`, style: "linked" } : { v: 1, style: "linked" });
  ps.set(8, 4, { v: reduction === "mean" ? "mean reduction: s = 1/n" : "summed gradients: s = 1", style: "note" });
  ps.width(1, 20);
  ps.width(2, 12);
  let row = 10;
  model.layers.forEach((layer, i) => {
    const l = i + 1;
    const { W, b } = layerToJson(layer);
    const inNames = l === 1 ? xNames : Array.from({ length: layer.inputSize }, (_, k) => `A${l - 1}[·,${k}]`);
    ps.set(row, 1, { v: `W${l}: weights into layer ${l} (${layer.activation}), out × in`, style: "heading" });
    inNames.forEach((name, k) => ps.set(row + 1, 3 + k, { v: `from ${name}`, style: "header" }));
    for (let j = 0; j < layer.units; j++) {
      ps.set(row + 2 + j, 2, { v: `neuron ${j}`, style: "label" });
      for (let k = 0; k < layer.inputSize; k++) ps.set(row + 2 + j, 3 + k, { v: W[j][k], style: "input" });
    }
    addBlock(book, { name: `W${l}`, sheet: PARAMS, row: row + 2, col: 3, rows: layer.units, cols: layer.inputSize, step: null });
    row += 3 + layer.units;
    ps.set(row, 1, { v: `b${l}: biases of layer ${l}`, style: "heading" });
    for (let j = 0; j < layer.units; j++) {
      ps.set(row + 1, 3 + j, { v: `neuron ${j}`, style: "header" });
      ps.set(row + 2, 3 + j, { v: b[j], style: "input" });
    }
    addBlock(book, { name: `b${l}`, sheet: PARAMS, row: row + 2, col: 3, rows: 1, cols: layer.units, step: null });
    row += 4;
  });
  for (let c = 3; c < 3 + Math.max(...model.layers.map((l) => Math.max(l.inputSize, l.units))); c++) ps.width(c, 12);
  return cells;
}
