/**
 * `glassbox steps <experiment.json> [--out steps.json | steps.html | steps.png]`: one iteration's
 * every matrix. JSON: the trace itself; HTML: one page, every step a table with the computed cell
 * and its sources marked; PNG: one picture per step, `steps-01.png`, `steps-02.png`, … beside the name given.
 * A trace of the twelve-steps article's kind is drawn as its twelve steps, and the HTML page and
 * the PNGs end with the outputs the experiment's epochs of the same steps reach.
 */
import { basename, dirname, extname, join } from "node:path";
import { loadExperiment } from "../experiment-file.ts";
import { svgToPng } from "../../render/png.ts";
import { numberedName, writeFilesAtomic } from "../../render/files.ts";
import { afterTrainingScene, stepScenes, stepsHtml, stepsLayout, toSvg } from "../../viz/index.ts";
import { outputKind, writeFileAtomic } from "../files.ts";
import { checkOutputs } from "../outputs.ts";
import { afterTraining, firstIteration } from "./pictures.ts";

export interface StepsFlags {
  out?: string;
}

export function stepsCommand(file: string, flags: StepsFlags, print: (line: string) => void = console.log): void {
  const kind = flags.out ? outputKind(flags.out, ["json", "html", "png"] as const, "--out") : "json";
  const input = { what: "experiment file", path: file };
  if (kind !== "png") checkOutputs([flags.out !== undefined && { flag: "--out", path: flags.out }], [input]);
  else checkOutputs([{ flag: "--out", path: join(dirname(flags.out!), "x.png") }], [input]);
  const prepared = loadExperiment(file);
  const t = firstIteration(prepared);
  if (!flags.out) {
    process.stdout.write(JSON.stringify(t, null, 1) + "\n");
    return;
  }
  if (kind === "json") {
    writeFileAtomic(flags.out, JSON.stringify(t, null, 1));
    print(`${t.steps.length} steps of one iteration written to ${flags.out}`);
  } else if (kind === "html") {
    // The article's page ends with what its epochs of the same steps reach.
    const after = stepsLayout(t) === "article" ? afterTraining(file) : undefined;
    writeFileAtomic(flags.out, stepsHtml(t, { after, title: prepared.experiment.name ? `${prepared.experiment.name}: one iteration, step by step` : undefined }));
    print(`one iteration, step by step, written to ${flags.out}`);
  } else {
    // Every picture is made before the first file is written.
    // …and every numbered name checked before the first picture is drawn; all are written together or none.
    const scenes = stepScenes(t);
    const stem = basename(flags.out, extname(flags.out));
    const a = stepsLayout(t) === "article" ? afterTraining(file) : undefined;
    const names = scenes.map((_, i) => numberedName(`${stem}-`, i, scenes.length, "png"));
    if (a) names.push(`${stem}-after.png`);
    checkOutputs(names.map((n) => ({ flag: "--out", path: join(dirname(flags.out!), n) })), [input]);
    const pngs = scenes.map((s, i): [string, Uint8Array] => [names[i], svgToPng(toSvg(s))]);
    if (a) pngs.push([names[names.length - 1], svgToPng(toSvg(afterTrainingScene(a.targets, a.outputs, a.iterations)))]);
    const written = writeFilesAtomic(dirname(flags.out), pngs);
    print(`${scenes.length} steps written to ${written[0]} … ${basename(written[scenes.length - 1])}` + (a ? `, the outputs after ${a.iterations} iterations to ${basename(written[written.length - 1])}` : ""));
  }
}
