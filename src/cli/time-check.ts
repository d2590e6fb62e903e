/**
 * Time bounded before the work starts: `train` and the commands that train for a picture estimate
 * the training time from the shapes (src/experiment/time-estimate.ts), say it before long work
 * ("about 4 min"), and refuse what would take longer than the limit (24 h; GLASSBOX_TIME_LIMIT
 * sets another, "off" none), with the number and the fix. The rate comes from this machine's
 * earlier runs when there are some (a file in the cache folder), else from a constant.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../core/errors.ts";
import { fastKernelsAvailable } from "../core/wasm/mlp.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { DEFAULT_RATE, DEFAULT_TIME_LIMIT, durationText, estimateTrainingTime, parseDuration, PLAIN_KERNELS_RATE, UPDATE_OVERHEAD, type TimeEstimate } from "../experiment/time-estimate.ts";
import { writeJsonAtomic } from "./json-stream.ts";
import { cacheDir } from "./run-cache.ts";

/** Estimates this long or longer are announced before training. */
export const ANNOUNCE_AFTER = 10;

const RATE_FILE = "rate.json";

/** The limit in seconds (Infinity for none), from GLASSBOX_TIME_LIMIT or the default. */
export function timeLimit(env = process.env.GLASSBOX_TIME_LIMIT): number {
  if (env === undefined || env.trim() === "") return DEFAULT_TIME_LIMIT;
  const v = parseDuration(env);
  if (v === null) throw new UserError(`GLASSBOX_TIME_LIMIT="${env}" is not a duration: write seconds or with a unit, e.g. 48h or 7d ("off" for no limit)`);
  return v;
}

const sci = (x: number): string => x.toPrecision(2).replace("e+", "e");

/** Operations per second measured by this machine's earlier runs, else the constant for its kernels. */
export function machineRate(): number {
  return measuredRate() ?? (fastKernelsAvailable() ? DEFAULT_RATE : PLAIN_KERNELS_RATE);
}

function measuredRate(): number | null {
  const dir = cacheDir();
  if (dir) {
    try {
      const r = JSON.parse(readFileSync(join(dir, RATE_FILE), "utf8")) as { rate?: unknown };
      if (typeof r.rate === "number" && r.rate >= 1e7 && r.rate <= 1e12) return r.rate;
    } catch {
      // none yet
    }
  }
  return null;
}

function shapesOf(prepared: Prepared): [number, number, number] {
  return [prepared.model.inputSize, prepared.data.X.rows, prepared.data.testX?.rows ?? 0];
}

/**
 * The estimate for training `prepared` `epochs` epochs; throws a UserError when it is over the
 * limit, and announces it through `say` when it is long.
 */
export function checkTrainingTime(prepared: Prepared, epochs: number, say: (line: string) => void, o: { file?: string; limit?: number; rate?: number } = {}): TimeEstimate {
  const limit = o.limit ?? timeLimit();
  const measured = o.rate === undefined ? measuredRate() : null;
  const rate = o.rate ?? measured ?? machineRate();
  const est = estimateTrainingTime(prepared.experiment, ...shapesOf(prepared), epochs, rate);
  if (est.seconds > limit) {
    const how = o.rate !== undefined || measured !== null ? "as measured here" : "a cautious guess until a run here has been measured";
    throw new UserError(
      `training would take ${durationText(est.seconds)} (${epochs.toLocaleString("en-US")} epochs × ${sci(est.flopsPerEpoch)} floating-point operations, at ${sci(rate)} a second, ${how}), ` +
        `more than the ${durationText(limit).replace("about ", "")} allowed: use fewer epochs (train.epochs or --epochs), fewer rows or narrower layers, or raise the limit with GLASSBOX_TIME_LIMIT=… (e.g. 7d; "off" for none)`,
      o.file ? `${o.file}: train.epochs` : "train.epochs",
    );
  }
  if (est.seconds >= ANNOUNCE_AFTER) say(`training ${epochs.toLocaleString("en-US")} epochs: ${durationText(est.seconds)} (estimated from the shapes)`);
  return est;
}

/** After a run of at least a second: remember the rate it reached, for the next estimates. */
export function rememberRate(est: TimeEstimate, epochsRun: number, seconds: number): void {
  const dir = cacheDir();
  const matrixSeconds = seconds - epochsRun * est.updatesPerEpoch * UPDATE_OVERHEAD;
  if (!dir || seconds < 1 || epochsRun < 1 || matrixSeconds <= 0) return;
  const rate = (est.flopsPerEpoch * epochsRun) / matrixSeconds;
  if (!(rate >= 1e7 && rate <= 1e12)) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeJsonAtomic(join(dir, RATE_FILE), { rate, measured: new Date().toISOString() });
  } catch {
    // the cache never makes a command fail
  }
}
