/**
 * How robust examples/spiral-layers.json is: trains each of its three nets (4-4-2 relu, 4-4-2
 * sigmoid, 1 × 8 relu) from several initialisation seeds and prints the test accuracy each
 * reaches and the epoch its test accuracy first reached 0.9.
 *   npx tsx scripts/spiral-seeds.ts [seeds=16] [epochs] [net name filter] [JSON merged into the file]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prepareExperiment } from "../src/experiment/prepare.ts";
import { runExperiment } from "../src/experiment/run.ts";
import { validateExperiment } from "../src/experiment/validate.ts";

const file = fileURLToPath(new URL("../examples/spiral-layers.json", import.meta.url));
const base = JSON.parse(readFileSync(file, "utf8"));
const seeds = Number(process.argv[2] ?? 16);
const epochs = process.argv[3] ? Number(process.argv[3]) : base.train.epochs;
const only = process.argv[4] ?? "";
const patch = JSON.parse(process.argv[5] ?? "{}");
const nets: Record<string, unknown[]> = {
  "4-4-2 relu": base.model.layers,
  "4-4-2 sigmoid": [4, 4, 2].map((units) => ({ units, activation: "sigmoid" })).concat([{ units: 1, activation: "sigmoid" }]),
  "1 x 8 relu": [{ units: 8, activation: "relu" }, { units: 1, activation: "sigmoid" }],
};
const noText = (): string => {
  throw new Error("no files");
};
for (const [name, layers] of Object.entries(nets).filter(([n]) => n.includes(only))) {
  const rows: string[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const ex = { ...base, ...patch, model: { layers }, init: { ...base.init, ...patch.init, seed }, train: { ...base.train, ...patch.train, epochs } };
    const p = prepareExperiment(validateExperiment(ex), noText);
    const { result } = runExperiment(p);
    const h = result.history;
    const test = h.testAccuracy![h.testAccuracy!.length - 1];
    const reach = h.testAccuracy!.findIndex((a) => a >= 0.9);
    rows.push(`seed ${seed}: test ${test.toFixed(3)}${reach >= 0 ? `, ≥ 0.9 at epoch ${reach + 1}` : ""}`);
  }
  console.log(`${name}\n  ${rows.join("\n  ")}`);
}
