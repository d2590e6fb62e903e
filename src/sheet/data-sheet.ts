/** The data sheet: the inputs the network sees and the encoded targets, as values. */
import type { Prepared } from "../experiment/prepare.ts";
import type { Model } from "../nn/model.ts";
import { outputLayer } from "../nn/network.ts";
import { addBlock, addSheet, DATA, type Book } from "./book.ts";

/** The inputs' names as the network sees them (after the feature map), x1, x2, … when unnamed. */
export function inputNames(model: Model): string[] {
  const featureNames = model.inputs ?? model.featureNames;
  return Array.from({ length: model.inputSize }, (_, k) => featureNames[k] ?? `x${k + 1}`);
}

export function dataSheet(book: Book, prepared: Prepared): void {
  const { model, data } = prepared;
  const out = outputLayer(model);
  const n = data.X.rows;
  const ds = addSheet(book, DATA);
  const xNames = inputNames(model);
  const yNames = out.units === 1 ? [model.targetName || "y"] : Array.from({ length: out.units }, (_, j) => `${model.targetName || "y"} = ${model.classes?.[j] ?? j}`);
  ds.set(1, 1, { v: "Data: the inputs the network sees and its targets", style: "title" });
  const dataNotes = [`${n} training rows${data.testX ? " (the test rows are left out)" : ""}.`];
  if (model.scaler) dataNotes.push("Inputs are standardised, (x − mean) / std with the training rows' mean and std, as the network sees them.");
  if (model.classes && out.units === 1) dataNotes.push(`Target 1 means class ${String(model.classes[1])}, 0 class ${String(model.classes[0])}.`);
  else if (model.classes) dataNotes.push("Targets are one-hot: one column per class.");
  ds.set(2, 1, { v: dataNotes.join(" "), style: "note" });
  ds.set(4, 1, { v: "sample", style: "header" });
  xNames.forEach((name, k) => ds.set(4, 2 + k, { v: name, style: "header" }));
  yNames.forEach((name, j) => ds.set(4, 2 + model.inputSize + j, { v: name, style: "header" }));
  for (let i = 0; i < n; i++) {
    ds.set(5 + i, 1, { v: i + 1, style: "label" });
    for (let k = 0; k < model.inputSize; k++) ds.set(5 + i, 2 + k, { v: data.X.data[i * model.inputSize + k], style: "data" });
    for (let j = 0; j < out.units; j++) ds.set(5 + i, 2 + model.inputSize + j, { v: data.Y[i * out.units + j], style: "data" });
  }
  ds.width(1, 8);
  for (let c = 2; c < 2 + model.inputSize + out.units; c++) ds.width(c, 12);
  ds.freeze = { rows: 4, cols: 1 };
  addBlock(book, { name: "X", sheet: DATA, row: 5, col: 2, rows: n, cols: model.inputSize, step: null });
  addBlock(book, { name: "Ydata", sheet: DATA, row: 5, col: 2 + model.inputSize, rows: n, cols: out.units, step: null });
}
