/**
 * The gallery's examples drawn side by side: each in a `glassbox gallery --part` process of its
 * own, up to `jobs` at once, the longest first, so that a two-core machine trains two examples
 * at a time (one example's training gains little from a second thread, ../../core/wasm/plan/threads.ts).
 * A part reports each item as it starts and then its section, as JSON lines on stdout; the
 * pictures are the same bytes as when drawn one after another in one process.
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { estimateTrainingTime } from "../../experiment/time-estimate.ts";
import { loadExperiment } from "../experiment-file.ts";
import { PACKAGE_ROOT } from "../package-root.ts";
import type { GalleryExample } from "./gallery-examples.ts";
import type { ExampleDrawn, GalleryFlags } from "./gallery.ts";

/** One example at a time per processor. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** The examples drawn by up to `jobs` processes at once; in the examples' order. */
export async function drawInProcesses(examples: GalleryExample[], flags: GalleryFlags, jobs: number, onItem: (text: string) => void): Promise<ExampleDrawn[]> {
  const cost = new Map(examples.map((ex) => [ex, trainingCost(ex, flags.epochs)]));
  const queue = [...examples].sort((a, b) => cost.get(b)! - cost.get(a)!);
  const drawn = new Map<GalleryExample, ExampleDrawn>();
  const worker = async (): Promise<void> => {
    for (let ex = queue.shift(); ex; ex = queue.shift()) drawn.set(ex, await drawPart(ex, flags, onItem));
  };
  await Promise.all(Array.from({ length: Math.min(jobs, examples.length) }, worker));
  return examples.map((ex) => drawn.get(ex)!);
}

/** Seconds the example's own run is expected to train (its variants not counted): enough to start the longest first. */
function trainingCost(ex: GalleryExample, cap: number | undefined): number {
  try {
    const p = loadExperiment(join(PACKAGE_ROOT, "examples", ex.file));
    const epochs = cap ? Math.min(cap, p.config.epochs) : p.config.epochs;
    return estimateTrainingTime(p.experiment, p.model.inputSize, p.data.X.rows, p.data.testX?.rows ?? 0, epochs).seconds;
  } catch {
    return 0;
  }
}

function drawPart(ex: GalleryExample, flags: GalleryFlags, onItem: (text: string) => void): Promise<ExampleDrawn> {
  const args = [join(PACKAGE_ROOT, "bin", "glassbox.js"), "gallery", "--part", "--only", ex.file.replace(/\.json$/, ""), "--out", flags.out ?? "gallery"];
  if (flags.epochs !== undefined) args.push("--epochs", String(flags.epochs));
  if (flags.frames !== undefined) args.push("--frames", String(flags.frames));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let result: ExampleDrawn | null = null;
    let pending = "";
    let errors = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        let message: { item?: string } & Partial<ExampleDrawn>;
        try {
          message = JSON.parse(line);
        } catch {
          continue; // not the part's report (nothing else should print there)
        }
        if (message.item !== undefined) onItem(message.item);
        else result = message as ExampleDrawn;
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (errors += chunk));
    const failed = (why: string): ExampleDrawn => ({ file: ex.file, title: ex.file, figures: [], failures: [`${ex.file.replace(/\.json$/, "")}: ${why}`], written: 0 });
    child.on("error", (e) => resolve(failed(e.message)));
    child.on("close", (code) => {
      const last = errors.trim().split("\n").filter((l) => !l.startsWith("gallery ")).pop();
      resolve(result && code === 0 ? result : failed(last ?? `its process ended with code ${code}`));
    });
  });
}
