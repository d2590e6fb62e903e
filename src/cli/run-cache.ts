/**
 * A cache of trained runs for the pictures (`plot`, `animate`, `gallery`): plotting the same
 * experiment twice trains it once. An entry is keyed by a hash of everything the run depends on
 * (the experiment as validated, the data the network sees, its initial parameters, the training
 * settings, Glassbox's version) and the epochs trained; it holds the run with its history and
 * parameter snapshots. Entries live in `.glassbox-cache/` in the current folder (the
 * GLASSBOX_CACHE environment variable names another folder, or turns the cache off with "off"),
 * are written atomically, and one that cannot be read or is not what its name says is ignored
 * and written again. The cache never makes a command fail: an unwritable folder is skipped.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { PACKAGE_VERSION } from "./package-root.ts";
import { join, resolve } from "node:path";
import type { Prepared } from "../experiment/prepare.ts";
import type { RunJson } from "../experiment/run.ts";
import { writeJsonAtomic } from "./json-stream.ts";

const FORMAT = "glassbox-run-cache";
/** Bumped when what an entry holds changes. */
const FORMAT_VERSION = 1;
/** The newest entries kept; older ones are removed when a new one is written. */
export const CACHE_ENTRIES = 40;

const VERSION = PACKAGE_VERSION;

/** The cache folder, or null when GLASSBOX_CACHE turns it off ("off", "0", "false", "no"). */
export function cacheDir(): string | null {
  const env = process.env.GLASSBOX_CACHE;
  if (env !== undefined && /^(off|0|false|no|none)$/i.test(env.trim())) return null;
  return resolve(env && env.trim() ? env.trim() : ".glassbox-cache");
}

function bytes(a: Float64Array | null | undefined): Uint8Array {
  return a ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(0);
}

/** The hash of a prepared (untrained) experiment's content and the epochs to train. */
export function runKey(prepared: Prepared, epochs: number): string {
  const h = createHash("sha256");
  const { onEpoch: _onEpoch, engine: _engine, paramsAt: _paramsAt, epochs: _epochs, ...config } = prepared.config;
  const m = prepared.model;
  h.update(JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, glassbox: VERSION, epochs, experiment: prepared.experiment, config, model: { inputSize: m.inputSize, loss: m.loss, layers: m.layers.map((l) => [l.units, l.inputSize, l.activation]) } }));
  const d = prepared.data;
  for (const part of [m.params, d.X.data, d.Y, d.testX?.data, d.testY]) {
    const b = bytes(part);
    h.update(String(b.byteLength) + ":");
    h.update(b);
  }
  return h.digest("hex").slice(0, 32);
}

interface Entry {
  format: typeof FORMAT;
  formatVersion: number;
  key: string;
  run: RunJson;
}

function entryFile(dir: string, key: string): string {
  return join(dir, `${key}.json`);
}

function isRun(r: unknown, epochs: number): r is RunJson {
  const o = r as Record<string, unknown> | null;
  if (!o || typeof o !== "object") return false;
  const model = o.model as Record<string, unknown> | null;
  const history = o.history as Record<string, unknown> | null;
  return !!model && model.format === "glassbox-model" && !!history && Array.isArray(history.epoch) && Array.isArray(history.loss) && Array.isArray(o.snapshots) && typeof o.epochs === "number" && o.epochs <= epochs && (o.snapshots as unknown[]).every((s) => !!s && typeof (s as { epoch?: unknown }).epoch === "number" && Array.isArray((s as { layers?: unknown }).layers));
}

/** The cached run for `key` (trained `epochs` epochs), or null: missing, unreadable, corrupt or another key's. */
export function readCachedRun(key: string, epochs: number): RunJson | null {
  const dir = cacheDir();
  if (!dir) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(entryFile(dir, key), "utf8"));
  } catch {
    return null;
  }
  const e = json as Partial<Entry> | null;
  if (!e || e.format !== FORMAT || e.formatVersion !== FORMAT_VERSION || e.key !== key || !isRun(e.run, epochs)) return null;
  return e.run;
}

/** Writes the run under `key` (atomically), then trims the folder to the newest CACHE_ENTRIES. Never throws. */
export function writeCachedRun(key: string, run: RunJson): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    const entry: Entry = { format: FORMAT, formatVersion: FORMAT_VERSION, key, run };
    writeJsonAtomic(entryFile(dir, key), entry);
    const entries = readdirSync(dir)
      .filter((f) => /^[0-9a-f]{32}\.json$/.test(f))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of entries.slice(CACHE_ENTRIES)) rmSync(join(dir, f), { force: true });
  } catch {
    // A cache that cannot be written is no cache: the pictures are made all the same.
  }
}
