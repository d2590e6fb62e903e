/**
 * The playground's training worker: it owns the data, the network and the resumable trainer
 * (worker/session.ts), trains in slices between the page's calls (worker/training.ts) and draws
 * the views (worker/views.ts). This file answers the page's calls (protocol.ts). The page only draws.
 */
import * as Comlink from "comlink";
import { firstIteration } from "../experiment/first-iteration.ts";
import { setParams } from "../nn/init.ts";
import { modelToJson, type ModelJson } from "../nn/serialize.ts";
import type { Trace } from "../nn/trace.ts";
import { paramNames } from "../viz/index.ts";
import type { Frame, LiveSettings, PlaygroundWorker, SetupInfo, ViewRequest, ViewResult } from "./protocol.ts";
import type { ExperimentJson } from "./setup.ts";
import { predictRows, readModelFiles } from "./model-import.ts";
import type { ImportedModel, ModelFile } from "./model-kind.ts";
import { engineReady, threadCount } from "./worker/engine.ts";
import { createSession, prepare, type Session } from "./worker/session.ts";
import { begin, close, current, pace, play, rate, run, send, stop } from "./worker/training.ts";
import { drawView } from "./worker/views.ts";
import { problemOf, type Problem } from "./problem.ts";

/** The session, for a call that needs a network. */
function ready(): Session {
  const s = current();
  if (!s) throw new Error("the network is not ready yet");
  return s;
}

const api: PlaygroundWorker = {
  check(json: ExperimentJson, files: Record<string, string> = {}, model?: ModelJson): Problem | null {
    try {
      prepare(json, files, model);
      return null;
    } catch (e) {
      return problemOf(e);
    }
  },

  async setup(json: ExperimentJson, onFrame: (frame: Frame) => void, files: Record<string, string> = {}, model?: ModelJson, stopAt: number | null = null): Promise<SetupInfo> {
    // Prepared first: a file that does not validate leaves the current network as it was.
    let prepared: ReturnType<typeof prepare>;
    try {
      prepared = prepare(json, files, model);
    } catch (e) {
      // thrown as a plain object, which reaches the page whole
      throw problemOf(e);
    }
    const eng = await engineReady();
    close();
    const { session, info } = createSession(prepared, eng, threadCount(), onFrame, stopAt);
    begin(session);
    return Comlink.transfer(info, [...Object.values(info.featureGrids), ...(info.inputGrids ?? [])].map((g) => g.buffer));
  },

  play,
  pace,

  pause(): number {
    const s = current();
    if (!s) return 0;
    stop();
    send(s, true);
    return s.trainer.epoch;
  },

  step(): void {
    const s = current();
    if (!s) return;
    stop();
    send(s, true, run(s, 1));
  },

  update(settings: Partial<LiveSettings>): void {
    const s = current();
    if (!s) return;
    const config = s.prepared.config as unknown as Record<string, unknown>;
    // L-BFGS has no learning rate; momentum is SGD's.
    const given = { ...settings };
    if (config.optimizer === "lbfgs") delete given.learningRate;
    if (config.optimizer !== "sgd") delete given.momentum;
    s.trainer.update(given);
    // The experiment as it trains now: the step inspector, its apply and the workbook read it.
    Object.assign(config, given);
  },

  setParam(index: number, value: number): void {
    const s = current();
    if (!s || !Number.isInteger(index) || index < 0 || index >= s.model.params.length || !Number.isFinite(value)) return;
    s.model.params[index] = value;
    send(s, true);
  },

  view(request: ViewRequest): ViewResult {
    return drawView(ready(), request);
  },

  paramNames(): string[] {
    const s = current();
    return s ? paramNames(s.model) : [];
  },

  trace(): Trace {
    const s = ready();
    return firstIteration(s.prepared, s.model);
  },

  applyIteration(): void {
    const s = current();
    if (!s) return;
    stop();
    const t = firstIteration(s.prepared, s.model);
    const updated = (name: string): number[][] => t.steps.find((x) => x.name === name)!.value;
    setParams(s.model, s.model.layers.map((_, i) => ({ W: updated(`W${i + 1}'`), b: updated(`b${i + 1}'`)[0] })));
    send(s, true);
  },

  modelJson(): unknown {
    return modelToJson(ready().model);
  },

  async spreadsheet(iterations: number): Promise<Uint8Array> {
    const s = ready();
    // Loaded on first use: the workbook writer is a large part of the bundle.
    const { workbookFromExperiment } = await import("../sheet/index.ts");
    // The prepared experiment's model is the one being trained: the workbook starts from its current weights.
    const bytes = await workbookFromExperiment(s.prepared, { iterations });
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  // Importing a model (model-import.ts).
  readModel(files: ModelFile[]): ImportedModel {
    return readModelFiles(files);
  },

  predict(rows: number[][]): number[][] {
    return predictRows(ready().model, rows);
  },

  rate,
};

Comlink.expose(api);
