/** The optimisers and their settings as `glassbox train --help` lists them, from the registry. */
import { rangeText, type OptimizerEntry } from "./entry.ts";
import { OPTIMIZERS } from "./registry.ts";

const num = (v: number | boolean): string => (typeof v === "number" && v > 0 && v < 1e-3 ? v.toExponential() : String(v));

export function optimizerHelp(): string {
  const lines = ["Optimizers (train.optimizer) and their settings (train.<field>):"];
  for (const e of Object.values(OPTIMIZERS) as OptimizerEntry[]) {
    lines.push(`  ${e.name.padEnd(6)} ${e.doc.replaceAll("`", "")}`);
    for (const f of e.fields) lines.push(`         ${f.name}: ${f.doc.replaceAll("`", "")}${f.type === "number" ? `, ${rangeText(f)}` : ""} (default ${num(e.defaults[f.name])})`);
  }
  return lines.join("\n");
}
