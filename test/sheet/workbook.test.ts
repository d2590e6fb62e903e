/**
 * The workbook computes what the engine computes: every formula is evaluated by HyperFormula (an
 * independent formula engine) from the written file, and compared with the trace and with
 * training, to 1e-9 relative.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/cli/experiment-file.ts";
import { prepareExperiment, type Prepared } from "../../src/experiment/prepare.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { cloneNetwork } from "../../src/nn/network.ts";
import { train, type TrainConfig } from "../../src/nn/train.ts";
import { buildLayout, parameterNames, workbookFromExperiment, type Layout } from "../../src/sheet/index.ts";
import { writeXlsx } from "../../src/sheet/xlsx.ts";
import { ROOT, flatLayers } from "../helpers.ts";
import { evaluateWorkbook, readWorkbook, type Evaluated } from "./evaluate.ts";

const TOL = 1e-9;
const close = (got: unknown, want: number): boolean =>
  typeof got === "number" && (got === want || Math.abs(got - want) <= TOL * Math.max(Math.abs(want), 1e-12));

async function open(prepared: Prepared, iterations: number): Promise<{ layout: Layout; ev: Evaluated; bytes: Uint8Array }> {
  const layout = buildLayout(prepared, { iterations });
  const bytes = await writeXlsx(layout);
  return { layout, ev: evaluateWorkbook(await readWorkbook(bytes)), bytes };
}

/** Every cell of every trace block, as the workbook computes it, against the trace. */
function traceMismatches(layout: Layout, ev: Evaluated): string[] {
  const wrong: string[] = [];
  for (const step of layout.trace.steps) {
    const b = layout.blocks.get(step.name)!;
    for (let i = 0; i < b.rows; i++)
      for (let j = 0; j < b.cols; j++) {
        const got = ev.value(b.sheet, b.row + i, b.col + j);
        if (!close(got, step.value[i][j])) wrong.push(`${step.name}[${i},${j}]: ${String(got)} ≠ ${step.value[i][j]}`);
      }
  }
  return wrong;
}

/** The descent rows against `iterations` epochs of the engine's gradient descent from `prepared`. */
function descentMismatches(layout: Layout, ev: Evaluated, prepared: Prepared, iterations: number): string[] {
  const { data, config } = prepared;
  const net = cloneNetwork(prepared.model);
  const run = train(net, data, { ...config, optimizer: "gd", batchSize: null, epochs: iterations, recordEvery: 1, paramsAt: Array.from({ length: iterations + 1 }, (_, k) => k) } as TrainConfig);
  const last = evaluate(net, data.X.data, data.Y, data.X.rows, config.l2 ?? 0, config.l1 ?? 0);
  const d = layout.descent;
  const names = parameterNames(net);
  const wrong: string[] = [];
  for (let k = 0; k <= iterations; k++) {
    const r = d.firstRow + k;
    const params = flatLayers(run.snapshots[k].layers);
    names.forEach((p, q) => {
      const col = d.paramCols.get(p);
      if (col !== undefined && !close(ev.value("descent", r, col), params[q])) wrong.push(`row ${k + 1} ${p}: ${String(ev.value("descent", r, col))} ≠ ${params[q]}`);
    });
    const loss = k < iterations ? run.history.loss[k] : last.loss;
    if (!close(ev.value("descent", r, d.lossCol), loss)) wrong.push(`row ${k + 1} loss: ${String(ev.value("descent", r, d.lossCol))} ≠ ${loss}`);
    const acc = k < iterations ? run.history.accuracy[k] : last.accuracy;
    if (d.accuracyCol && !close(ev.value("descent", r, d.accuracyCol), acc)) wrong.push(`row ${k + 1} accuracy: ${String(ev.value("descent", r, d.accuracyCol))} ≠ ${acc}`);
  }
  return wrong.slice(0, 10);
}

const inline = (json: object): Prepared => prepareExperiment(validateExperiment(json));

describe("glassbox sheet: the workbook's formulas", () => {
  it("one-feature.json: every matrix of the first iteration and 200 iterations of summed-gradient descent", async () => {
    const prepared = loadExperiment(`${ROOT}examples/one-feature.json`);
    const { layout, ev } = await open(prepared, 200);
    expect(layout.descent.live).toBe(true);
    expect(traceMismatches(layout, ev)).toEqual([]);
    expect(descentMismatches(layout, ev, prepared, 200)).toEqual([]);

    // Change the learning rate on the parameters sheet: the rows become a run with that rate.
    const [lrRow, lrCol] = [4, 3];
    ev.set("parameters", lrRow, lrCol, 0.5);
    expect(descentMismatches(layout, ev, { ...prepared, config: { ...prepared.config, learningRate: 0.5 } as TrainConfig }, 200)).toEqual([]);

    // Back to the file's rate and one starting weight changed, W1[1,0] = 9 → 4 (both edits in one
    // recalculation: the check below reads the cells after both).
    const W1 = layout.blocks.get("parameters:W1")!;
    ev.hf.batch(() => {
      ev.set("parameters", lrRow, lrCol, 0.1);
      ev.set("parameters", W1.row + 1, W1.col, 4);
    });
    const edited = cloneNetwork(prepared.model);
    edited.layers[0].W[1] = 4;
    expect(descentMismatches(layout, ev, { ...prepared, model: { ...prepared.model, params: edited.params, layers: edited.layers } }, 200)).toEqual([]);
  }, 120_000);

  it("twelve-steps.json: every matrix (sse, summed) and the descent", async () => {
    const prepared = loadExperiment(`${ROOT}examples/twelve-steps.json`);
    const { layout, ev } = await open(prepared, 60);
    expect(layout.descent.live).toBe(true);
    expect(traceMismatches(layout, ev)).toEqual([]);
    expect(descentMismatches(layout, ev, prepared, 60)).toEqual([]);
  }, 60_000);

  const X = [[0.1, -0.4], [0.9, 0.3], [-0.7, 0.8], [0.2, 0.6], [-0.5, -0.9]];
  it.each([
    ["tanh → sigmoid, binary cross-entropy, mean, L2 and L1", { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, "binary-crossentropy", { reduction: "mean", l2: 0.3, l1: 0.05 }, [0, 1, 1, 0, 1]],
    ["relu → linear, mse, mean", { layers: [{ units: 3, activation: "relu" }, { units: 1, activation: "linear" }] }, "mse", { reduction: "mean" }, [0.5, -1, 2, 0.3, 1.1]],
    ["linear → tanh, sse, summed", { layers: [{ units: 2, activation: "linear" }, { units: 1, activation: "tanh" }] }, "sse", { reduction: "sum" }, [0.5, -0.2, 0.7, 0.1, -0.6]],
    ["sigmoid → sigmoid, mse, summed", { layers: [{ units: 2, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }] }, "mse", { reduction: "sum" }, [0, 1, 1, 0, 1]],
    ["tanh → softmax, categorical cross-entropy, three classes", { layers: [{ units: 2, activation: "tanh" }, { units: 3, activation: "softmax" }] }, "categorical-crossentropy", { reduction: "mean" }, [0, 1, 2, 1, 0]],
  ])("%s: the trace and the descent", async (_what, model, loss, trainOptions, y) => {
    const prepared = inline({ data: { X, y }, model, loss, init: { scheme: "normal", scale: 0.8, seed: 3 }, train: { optimizer: "gd", learningRate: 0.3, ...trainOptions } });
    const { layout, ev } = await open(prepared, 25);
    expect(layout.descent.live).toBe(true);
    expect(traceMismatches(layout, ev)).toEqual([]);
    expect(descentMismatches(layout, ev, prepared, 25)).toEqual([]);
  });

  it("a larger network: forward and backward still live, the descent as the engine's values with a note", async () => {
    const prepared = inline({ data: { dataset: "moons", samples: 40, seed: 1 }, model: { layers: [{ units: 8, activation: "relu" }, { units: 1, activation: "sigmoid" }] }, train: { learningRate: 0.5 } });
    const { layout, ev } = await open(prepared, 30);
    expect(layout.descent.live).toBe(false);
    expect(layout.descent.reason).toContain("33 parameters");
    expect(String(ev.value("descent", 2, 1))).toContain("values computed by Glassbox's engine");
    expect(traceMismatches(layout, ev)).toEqual([]);
    expect(descentMismatches(layout, ev, prepared, 30)).toEqual([]);
  });

  it("writes the charts into the file, fed by the descent's cells, and no cached values", async () => {
    const prepared = loadExperiment(`${ROOT}examples/twelve-steps.json`);
    const bytes = await workbookFromExperiment(prepared, { iterations: 10 });
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.keys(zip.files);
    expect(files).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/worksheets/_rels/sheet5.xml.rels"]));
    const d = buildLayout(prepared, { iterations: 10 }).descent;
    const loss = await zip.file("xl/charts/chart1.xml")!.async("string");
    const col = String.fromCharCode(64 + d.lossCol);
    expect(loss).toContain(`<c:val><c:numRef><c:f>descent!$${col}$${d.firstRow}:$${col}$${d.firstRow + 10}</c:f></c:numRef></c:val>`);
    expect(loss).not.toContain("numCache");
    const params = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(params.match(/<c:ser>/g)).toHaveLength(19);
    expect(await zip.file("xl/worksheets/sheet5.xml")!.async("string")).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/charts/chart2.xml"');
    for (let k = 1; k <= 5; k++) expect(await zip.file(`xl/worksheets/sheet${k}.xml`)!.async("string")).not.toMatch(/<\/f><v>/);
  });
});
