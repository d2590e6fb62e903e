/** `glassbox predict --model model.json --csv data.csv [--out predictions.csv]` */
import { readFileSync } from "node:fs";
import { UserError } from "../../core/errors.ts";
import { parseCsvInputs } from "../../data/csv-inputs.ts";
import { mapInputs } from "../../data/feature-map.ts";
import { parseNumber } from "../../data/parse-number.ts";
import { decodeText, readJsonFile, readProblem } from "../experiment-file.ts";
import { predict, predictOutput } from "../../nn/predict.ts";
import { modelFromJson } from "../../nn/serialize.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { checkOutputs } from "../outputs.ts";

export interface PredictFlags {
  model: string;
  csv: string;
  out?: string;
}

/** CSV cell quoting (RFC 4180): quote when the value has a comma, quote or newline. */
function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function predictCommand(flags: PredictFlags, print: (line: string) => void = console.log): void {
  if (flags.out) outputKind(flags.out, ["csv"] as const, "--out");
  checkOutputs([flags.out !== undefined && { flag: "--out", path: flags.out }], [{ what: "model file (--model)", path: flags.model }, { what: "input CSV (--csv)", path: flags.csv }]);
  const model = modelFromJson(readJsonFile(flags.model, "model file"), flags.model);
  let text: string;
  try {
    text = decodeText(readFileSync(flags.csv), flags.csv);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read "${flags.csv}": ${readProblem(e)}`, "--csv");
  }
  const inputs = parseCsvInputs(text, model.featureNames, flags.csv);
  // The model's input features (its `inputs`, if any) from the file's raw columns.
  const X = mapInputs(model, inputs.X, `${flags.model}: inputs`);
  const output = predictOutput(model, X);
  const classes = model.classes;
  const several = classes === null && output.cols > 1;
  const labels = several ? [] : predict(model, X);
  // One probability column per class. One sigmoid unit gives p(second class); the first is 1 − p
  // (scikit-learn's predict_proba), so a binary model writes two columns too.
  const binary = classes !== null && output.cols === 1;
  const probHeader = classes === null ? [] : binary ? [`p(${classes[0] ?? 0})`, `p(${classes[1] ?? 1})`] : classes.map((c) => `p(${c})`);
  const targets = model.targetName.split(",");
  const predictedHeader = several ? Array.from({ length: output.cols }, (_, j) => `predicted(${targets.length === output.cols ? targets[j] : j + 1})`) : ["predicted"];
  const header = [...inputs.header, ...predictedHeader, ...probHeader];
  const lines = [header.map(cell).join(",")];
  inputs.rows.forEach((r, i) => {
    const probs = classes === null ? [] : binary ? [String(1 - output.data[i]), String(output.data[i])] : Array.from(output.data.subarray(i * output.cols, (i + 1) * output.cols), (p) => String(p));
    const predicted = several ? Array.from(output.data.subarray(i * output.cols, (i + 1) * output.cols), String) : [String(labels[i])];
    lines.push([...r, ...predicted, ...probs].map(cell).join(","));
  });
  const csv = lines.join("\n") + "\n";

  const t = inputs.header.indexOf(model.targetName);
  let accuracyNote = "";
  if (t >= 0 && classes !== null) {
    const truth = inputs.rows.map((r) => parseNumber(r[t]) ?? r[t]);
    const correct = truth.filter((v, i) => String(v) === String(labels[i])).length;
    accuracyNote = `, accuracy ${(correct / truth.length).toFixed(3)} against column "${model.targetName}"`;
  }
  if (flags.out) {
    writeFileAtomic(flags.out, csv);
    print(`${inputs.rows.length} predictions written to ${flags.out}${accuracyNote}`);
  } else {
    process.stdout.write(csv);
    if (accuracyNote) process.stderr.write(`${inputs.rows.length} predictions${accuracyNote}\n`);
  }
}
