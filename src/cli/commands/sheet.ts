/**
 * `glassbox sheet <experiment.json> --out FILE.xlsx [--iterations N]`: a workbook that computes
 * the network with spreadsheet formulas (src/sheet), written whole or not at all.
 */
import { loadExperiment } from "../experiment-file.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { buildLayout } from "../../sheet/layout.ts";
import { writeXlsx } from "../../sheet/xlsx.ts";

export interface SheetFlags {
  out: string;
  iterations?: number;
}

export async function sheetCommand(file: string, flags: SheetFlags, print: (line: string) => void = console.log): Promise<void> {
  outputKind(flags.out, ["xlsx"] as const, "--out");
  const prepared = loadExperiment(file);
  const layout = buildLayout(prepared, { iterations: flags.iterations });
  const bytes = await writeXlsx(layout);
  writeFileAtomic(flags.out, bytes);
  const d = layout.descent;
  print(`workbook written to ${flags.out}: data, parameters, forward, backward, descent (${d.rows - 1} iterations${d.live ? ", live formulas" : `, as values: ${d.reason}`})`);
}
