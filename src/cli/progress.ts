/**
 * Progress on stderr: a bar on an interactive terminal, redrawn a few times a second; when stderr
 * is not a terminal (piped, redirected, CI), one plain line every few seconds instead, so a log
 * shows the work going on rather than nothing until the end.
 */
import cliProgress from "cli-progress";
import type { Prepared } from "../experiment/prepare.ts";
import { runExperiment } from "../experiment/run.ts";
import type { EpochInfo } from "../nn/history.ts";
import { epochText } from "./format.ts";
import { checkTrainingTime, rememberRate } from "./time-check.ts";

export interface Progress {
  /**
   * `done` of the total so far; `text` (or a function making it, called only when the progress is
   * shown) describes where it is. Cheap to call on every step: it redraws only when it is due.
   */
  update(done: number, text?: string | (() => string)): void;
  stop(): void;
}

/** A terminal's bar is redrawn at most this often. */
export const BAR_INTERVAL_MS = 200;
/** Without a terminal, one line this often. */
export const LINE_INTERVAL_MS = 5000;

export const SILENT: Progress = { update() {}, stop() {} };

export interface ProgressOptions {
  stream?: Pick<NodeJS.WriteStream, "write" | "isTTY">;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  /** Force the plain-line form (default: when the stream is not a terminal, or in CI). */
  lines?: boolean;
}

export function progressBar(label: string, total: number, o: ProgressOptions = {}): Progress {
  const stream = o.stream ?? process.stderr;
  const now = o.now ?? (() => performance.now());
  const lines = o.lines ?? (!stream.isTTY || !!process.env.CI);
  return lines ? progressLines(label, total, stream, now) : terminalBar(label, total, stream as NodeJS.WriteStream, now);
}

const textOf = (text: string | (() => string) | undefined): string => (typeof text === "function" ? text() : (text ?? ""));

function terminalBar(label: string, total: number, stream: NodeJS.WriteStream, now: () => number): Progress {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {text}`, stream, hideCursor: false, clearOnComplete: true, fps: 1000 / BAR_INTERVAL_MS },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { text: "" });
  let last = -Infinity;
  return {
    update(done, text) {
      const t = now();
      if (t - last < BAR_INTERVAL_MS && done < total) return;
      last = t;
      bar.update(done, { text: textOf(text) });
    },
    stop() {
      bar.stop();
    },
  };
}

/** `label: 4,000/10,000 (40%), loss 0.3012  acc 0.873, 12 s` every LINE_INTERVAL_MS; nothing for short work. */
function progressLines(label: string, total: number, stream: Pick<NodeJS.WriteStream, "write">, now: () => number): Progress {
  const start = now();
  let last = start;
  return {
    update(done, text) {
      const t = now();
      if (t - last < LINE_INTERVAL_MS) return;
      last = t;
      const words = textOf(text);
      const pct = total > 0 && Number.isFinite(total) ? ` (${Math.floor((100 * done) / total)}%)` : "";
      stream.write(`${label}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}${pct}${words ? `, ${words}` : ""}, ${((t - start) / 1000).toFixed(0)} s\n`);
    },
    stop() {},
  };
}

/** Trains a prepared experiment with progress on stderr (none when `quiet`). */
export function trainWithProgress(prepared: Prepared, epochs: number, quiet = false): ReturnType<typeof runExperiment> {
  const estimate = checkTrainingTime(prepared, epochs, quiet ? () => {} : (line) => process.stderr.write(`${line}\n`));
  const bar = quiet ? SILENT : progressBar("training", epochs);
  // One text function for the whole run (nothing made per epoch); it reads the latest epoch.
  let latest: EpochInfo | null = null;
  const text = (): string => (latest ? epochText(latest) : "");
  try {
    const ran = runExperiment(prepared, {
      epochs,
      onEpoch: (e) => {
        latest = e;
        bar.update(e.epoch, text);
      },
    });
    if (ran.result.stoppedBy === "epochs") rememberRate(estimate, ran.result.epochs, ran.result.seconds);
    return ran;
  } finally {
    bar.stop();
  }
}
