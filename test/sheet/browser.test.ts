/** The workbook builds in a browser: its bundle (exceljs and jszip included) runs where there is no Node. */
import { createContext, runInContext } from "node:vm";
import { join } from "node:path";
import { build } from "esbuild";
import JSZip from "jszip";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.ts";

it("workbookFromExperiment runs from a browser bundle, with no Node globals", async () => {
  const entry = `export { workbookFromExperiment } from "./src/sheet/index.ts";\nexport { prepareExperiment } from "./src/experiment/prepare.ts";\nexport { validateExperiment } from "./src/experiment/validate.ts";\n`;
  const result = await build({ stdin: { contents: entry, resolveDir: ROOT, sourcefile: join(ROOT, "sheet-entry.ts"), loader: "ts" }, bundle: true, write: false, platform: "browser", format: "iife", globalName: "glassbox", logLevel: "silent" });
  // What a page or worker has: `self`, timers, text codecs; no process, Buffer, require or setImmediate.
  const context = createContext({ performance, WebAssembly: (globalThis as Record<string, unknown>).WebAssembly, TextEncoder, TextDecoder, console, setTimeout, clearTimeout, queueMicrotask, Blob });
  runInContext(`globalThis.self = globalThis;\n${result.outputFiles[0].text}\nglobalThis.glassbox = glassbox;`, context);
  const bytes = (await runInContext(
    `glassbox.workbookFromExperiment(glassbox.prepareExperiment(glassbox.validateExperiment({
      data: { X: [[-1], [0], [1]], y: [0, 1, 0] },
      model: { layers: [{ units: 2, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }] },
    })), { iterations: 5 })`,
    context,
  )) as Uint8Array;
  const zip = await JSZip.loadAsync(new Uint8Array(bytes));
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet5.xml", "xl/charts/chart1.xml"]));
}, 60_000);
