/**
 * The user's path: `glassbox train <example>` as a user runs it, one process per repeat, through
 * bin/glassbox.js (the compiled build while it is current). Each repeat gives the process's wall
 * time and the training time the command itself prints ("trained N epochs in S s": history,
 * metrics, test set, progress included); start-up and the final report are the difference, and
 * `glassbox --help` is timed too, as start-up alone.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runChild } from "./child.ts";

export interface UserPathRun {
  example: string;
  epochs: number;
  /** Per repeat: the process's wall time, and the training seconds `glassbox train` printed. */
  wallSeconds: number[];
  trainSeconds: number[];
  /**
   * The engine loop's seconds per epoch on the same workload, timed in the bench's process just
   * before each repeat (with the default threads, as `glassbox train` runs): the loop's overhead is
   * judged against these, measured at the same moments.
   */
  engineSecondsPerEpoch: number[];
}

export interface UserPathResult {
  /** "compiled" when dist/cli was current (what an installed package runs), else "tsx". */
  runs: "compiled" | "tsx";
  /** `glassbox --help`, per repeat. */
  helpSeconds: number[];
  examples: UserPathRun[];
}

/** Whether bin/glassbox.js will run dist/cli (the same check it makes). */
export function compiledBuildCurrent(root: string): boolean {
  try {
    const build = JSON.parse(readFileSync(join(root, "dist", "cli", "build.json"), "utf8")) as { builtAt: number; inputs: string[] };
    return build.inputs.every((f) => statSync(join(root, f)).mtimeMs <= build.builtAt);
  } catch {
    return false;
  }
}

async function timed(root: string, args: string[], timeoutMs: number): Promise<{ seconds: number; stdout: string }> {
  const { code, stdout, stderr, seconds } = await runChild(process.execPath, [join(root, "bin", "glassbox.js"), ...args], { cwd: root, timeoutMs });
  if (code === 0) return { seconds, stdout };
  throw new Error(`glassbox ${args.join(" ")} failed (${code}): ${stderr.trim().split("\n").slice(-1)[0] ?? ""}`);
}

/** The training seconds in `glassbox train`'s output. */
export function trainedSeconds(stdout: string): { epochs: number; seconds: number } {
  const m = /trained (\d+) epochs? .*?in ([\d.]+) s/.exec(stdout);
  if (!m) throw new Error(`no "trained … in … s" line in: ${stdout.slice(0, 200)}`);
  return { epochs: Number(m[1]), seconds: Number(m[2]) };
}

/**
 * Times `glassbox --help` and `glassbox train examples/<name>.json --epochs <epochs>` for each
 * example, `repeats` times, the commands interleaved so that a busy machine weighs on all alike.
 */
export async function timeUserPath(
  root: string,
  examples: { example: string; epochs: number }[],
  repeats: number,
  log: (line: string) => void = () => {},
  engine?: (example: string) => Promise<number | null>,
): Promise<UserPathResult> {
  const result: UserPathResult = { runs: compiledBuildCurrent(root) ? "compiled" : "tsx", helpSeconds: [], examples: examples.map((e) => ({ ...e, wallSeconds: [], trainSeconds: [], engineSecondsPerEpoch: [] })) };
  await timed(root, ["--help"], 60_000); // the first start reads the files from disk
  for (let r = 0; r < repeats; r++) {
    result.helpSeconds.push((await timed(root, ["--help"], 60_000)).seconds);
    for (const run of result.examples) {
      const inProcess = engine ? await engine(run.example) : null;
      if (inProcess !== null) run.engineSecondsPerEpoch.push(inProcess);
      const { seconds, stdout } = await timed(root, ["train", join("examples", `${run.example}.json`), "--epochs", String(run.epochs)], 600_000);
      const trained = trainedSeconds(stdout);
      run.wallSeconds.push(seconds);
      run.trainSeconds.push(trained.seconds);
    }
  }
  for (const run of result.examples) log(`  glassbox train ${run.example} --epochs ${run.epochs}: ${run.wallSeconds.map((s) => s.toFixed(2)).join(", ")} s wall (${result.runs})`);
  return result;
}
