/** A progress bar on an interactive terminal (stderr); silent when output is piped or in CI. */
import cliProgress from "cli-progress";
import type { Prepared } from "../experiment/prepare.ts";
import { runExperiment } from "../experiment/run.ts";
import { epochText } from "./format.ts";

export interface Progress {
  update(done: number, text?: string): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {text}`, stream, hideCursor: false, clearOnComplete: true, fps: 15 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { text: "" });
  let last = 0;
  return {
    update(done, text = "") {
      // Updating on every epoch would cost more than the epoch; refresh about every 50 ms.
      const now = performance.now();
      if (now - last < 50 && done < total) return;
      last = now;
      bar.update(done, { text });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Trains a prepared experiment with a progress bar on a terminal (none when `quiet`). */
export function trainWithProgress(prepared: Prepared, epochs: number, quiet = false): ReturnType<typeof runExperiment> {
  const bar = quiet ? SILENT : progressBar("training", epochs);
  try {
    return runExperiment(prepared, { epochs, onEpoch: (e) => bar.update(e.epoch, epochText(e)) });
  } finally {
    bar.stop();
  }
}
