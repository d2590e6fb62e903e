/**
 * The playground's training worker: it owns the data, the network and the resumable trainer, and
 * trains in slices of about 10 ms, as many epochs as fit, yielding between slices so the page's
 * calls (pause, a new learning rate, a clicked weight) are handled at once. After each slice it
 * sends the latest parameters and losses; every GRID_MS (70 ms), also every neuron's heatmap (one forward
 * pass over the grid). The page only draws.
 */
import * as Comlink from "comlink";
import { matrix, type Matrix } from "../core/matrix.ts";
import { prepareExperiment } from "../experiment/prepare.ts";
import { validateExperiment } from "../experiment/validate.ts";
import { featureMap, mapInputs } from "../data/feature-map.ts";
import { scaledInputs } from "../viz/model-data.ts";
import { outputLayer } from "../nn/network.ts";
import { createWorkspace, disposeWorkspace, forward, lossTotal, reportedLoss, type Workspace } from "../nn/propagation.ts";
import { createTrainer, type Trainer } from "../nn/trainer.ts";
import { createEngine, type Engine } from "../core/wasm/engine.ts";
import type { Model } from "../nn/model.ts";
import { setParams } from "../nn/init.ts";
import { modelToJson } from "../nn/serialize.ts";
import { firstIteration } from "../experiment/first-iteration.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { emptyHistory, recordEpoch, type History } from "../nn/history.ts";
import { accuracy, taskOf } from "../nn/targets.ts";
import type { Trace } from "../nn/trace.ts";
import { costGrid, costSurfaceScene, hiddenMorphScene, lossData, parseParam, paramNames, stepScenes, stepsLayout, toSvg, VIEWS, type Scene } from "../viz/index.ts";
import { CONVERGED, DOMAIN, GRID, type Domain, type Frame, type LiveSettings, type PlaygroundWorker, type SetupInfo, type ViewRequest, type ViewResult } from "./protocol.ts";
import { CLASS_DATASETS, FEATURE_INPUT, FEATURES, REG_DATASETS, type ExperimentJson, type Feature } from "./setup.ts";
import { predictRows, prepareForModel, readModelFiles } from "./model-import.ts";
import type { ImportedModel, ModelFile } from "./model-kind.ts";
import { arithmeticWords, stepHover } from "./step-arithmetic.ts";
import type { ModelJson } from "../nn/serialize.ts";

const SLICE_MS = 10;
const MAX_HISTORY = 2000;
const MAX_PATH = 400;
const FRAME_MS = 15;
const GRID_MS = 70;

interface Session {
  prepared: Prepared;
  model: Model;
  /** What the page has measured so far (train and test loss and accuracy at each frame). */
  history: History;
  /** Parameters at frames, thinned to at most MAX_PATH, for the landscape's descent path. */
  path: { epoch: number; params: Float64Array }[];
  trainer: Trainer;
  trainWs: Workspace;
  testWs: Workspace | null;
  gridX: Matrix | null;
  gridWs: Workspace | null;
  onFrame: (frame: Frame) => void;
}

let session: Session | null = null;

/**
 * The worker's engine (its WebAssembly memory and kernels). Where the page is cross-origin
 * isolated (the server's COOP/COEP), it also gets a helper thread: a nested worker on the same
 * shared memory, which takes half of each large kernel call (the 100×100 grids of wide networks)
 * with the same bits as one thread.
 */
let engine: Engine | null = null;
let threads = 1;

async function engineReady(): Promise<Engine> {
  if (engine) return engine;
  engine = createEngine();
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    const started = await engine
      .startHelperThread({ worker: () => new Worker(new URL("../core/wasm/helper-worker.ts", import.meta.url), { type: "module" }) })
      .catch(() => false);
    threads = started ? 2 : 1;
  }
  return engine;
}
let playing = false;
let scheduled = false;
let lastFrame = 0;
let lastGrid = -Infinity;
let epochsPerSlice = 1;
const recent: { t: number; epoch: number }[] = [];

// A zero-delay yield (setTimeout is clamped to 4 ms when nested).
const tick = new MessageChannel();
tick.port1.onmessage = () => {
  scheduled = false;
  slice();
};
function schedule(): void {
  if (scheduled || !playing) return;
  scheduled = true;
  tick.port2.postMessage(null);
}

/** The grid's points in raw input space, row 0 at the top; with 1-D data every row is the same line. */
function gridPoints(domain: Domain, dim: number): Matrix {
  const X = matrix(GRID * GRID, dim);
  const [x0, x1, y0, y1] = domain;
  for (let i = 0; i < GRID; i++) {
    const y = y1 - ((i + 0.5) / GRID) * (y1 - y0);
    for (let j = 0; j < GRID; j++) {
      const k = i * GRID + j;
      X.data[dim * k] = x0 + ((j + 0.5) / GRID) * (x1 - x0);
      if (dim === 2) X.data[2 * k + 1] = y;
    }
  }
  return X;
}

/** The Playground's square for its own datasets; else the data's extent with a margin, square for 2-D. */
function domainOf(X: Matrix, playground: boolean): Domain {
  if (playground) return [DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1]];
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let r = 0; r < X.rows; r++)
    for (let c = 0; c < Math.min(2, X.cols); c++) {
      lo[c] = Math.min(lo[c], X.data[r * X.cols + c]);
      hi[c] = Math.max(hi[c], X.data[r * X.cols + c]);
    }
  if (X.cols === 1) {
    const pad = (hi[0] - lo[0]) * 0.15 || 1;
    return [lo[0] - pad, hi[0] + pad, 0, 1];
  }
  const half = (Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2) * 1.15 || 1;
  const cx = (lo[0] + hi[0]) / 2;
  const cy = (lo[1] + hi[1]) / 2;
  return [cx - half, cx + half, cy - half, cy + half];
}

const PLAYGROUND_DATASETS = new Set<string>([...CLASS_DATASETS, ...REG_DATASETS]);

/** Column c of a samples × cols matrix over the grid, as the page's heatmap values. */
function gridColumn(X: Matrix, c: number): Float32Array {
  const g = new Float32Array(GRID * GRID);
  for (let k = 0; k < g.length; k++) g[k] = X.data[k * X.cols + c];
  return g;
}

/** All seven features over the grid, computed by the same feature map the network's inputs use. */
function featureGridsOver(raw: Matrix): Record<Feature, Float32Array> {
  const names = FEATURES.map((f) => FEATURE_INPUT[f]);
  const mapped = featureMap(names, ["x1", "x2"]).apply(raw);
  return Object.fromEntries(FEATURES.map((f, c) => [f, gridColumn(mapped, c)])) as Record<Feature, Float32Array>;
}

function measure(s: Session, X: Matrix | null, Y: Float64Array | null, ws: Workspace | null): { loss: number; accuracy: number } {
  if (!X || !Y || !ws || X.rows === 0) return { loss: NaN, accuracy: NaN };
  const A = forward(s.model, X.data, ws);
  const out = outputLayer(s.model);
  // The data loss alone, as TensorFlow Playground shows it (the penalty is not part of it).
  return { loss: reportedLoss(s.model, lossTotal(s.model, Y, ws), X.rows, 0), accuracy: accuracy(A, Y, X.rows, out.units, taskOf(out.activation)) };
}

/** Past its cap, a record keeps every other entry (and its last), so a long run keeps its shape in bounded memory. */
function thin<T>(items: T[], max: number): T[] {
  return items.length <= max ? items : items.filter((_, i) => i % 2 === 0 || i === items.length - 1);
}

function remember(s: Session, epoch: number, train: { loss: number; accuracy: number }, test: { loss: number; accuracy: number }): void {
  const h = s.history;
  if (h.epoch.length > 0 && h.epoch[h.epoch.length - 1] >= epoch) {
    if (h.epoch[h.epoch.length - 1] > epoch) s.history = emptyHistory(!!h.testLoss);
    else return;
  }
  recordEpoch(s.history, { epoch, epochs: Infinity, loss: train.loss, accuracy: train.accuracy, testLoss: s.testWs ? test.loss : null, testAccuracy: s.testWs ? test.accuracy : null });
  const t = s.history;
  if (t.epoch.length > MAX_HISTORY) {
    s.history = { epoch: thin(t.epoch, MAX_HISTORY), loss: thin(t.loss, MAX_HISTORY), accuracy: thin(t.accuracy, MAX_HISTORY), ...(t.testLoss ? { testLoss: thin(t.testLoss, MAX_HISTORY), testAccuracy: thin(t.testAccuracy!, MAX_HISTORY) } : {}) };
  }
  s.path.push({ epoch, params: s.model.params.slice() });
  s.path = thin(s.path, MAX_PATH);
}

let gridCost = 0;

function grids(s: Session): Float32Array[] | null {
  if (!s.gridX || !s.gridWs) return null;
  const t0 = performance.now();
  forward(s.model, s.gridX.data, s.gridWs);
  gridCost = performance.now() - t0;
  return s.gridWs.A.map((a, l) => Float32Array.from(a.subarray(0, GRID * GRID * s.model.layers[l].units)));
}

function send(s: Session, withGrids: boolean, error: string | null = null): void {
  const g = withGrids ? grids(s) : null;
  const d = s.prepared.data;
  const train = measure(s, d.X, d.Y, s.trainWs);
  const test = measure(s, d.testX ?? null, d.testY ?? null, s.testWs);
  remember(s, s.trainer.epoch, train, test);
  const frame: Frame = {
    epoch: s.trainer.epoch,
    trainLoss: train.loss,
    testLoss: test.loss,
    params: s.model.params.slice(),
    grids: g,
    refreshed: withGrids,
    error,
    playing,
  };
  lastFrame = performance.now();
  if (withGrids) lastGrid = lastFrame;
  s.onFrame(Comlink.transfer(frame, [frame.params.buffer, ...(g ?? []).map((a) => a.buffer)]));
}

function run(s: Session, k: number): string | null {
  try {
    s.trainer.step(k);
  } catch (e) {
    playing = false;
    return (e as Error).message;
  }
  if (s.trainer.stoppedBy !== null) {
    // Only L-BFGS stops on its own in an open-ended run.
    playing = false;
    return `${CONVERGED}${s.trainer.epoch}`;
  }
  return null;
}

function slice(): void {
  const s = session;
  if (!s || !playing) return;
  const start = performance.now();
  let error: string | null = null;
  // Grow the chunk until a slice takes about SLICE_MS; checking the clock every epoch would cost more than tiny epochs.
  while (playing && performance.now() - start < SLICE_MS) {
    const t0 = performance.now();
    error = run(s, epochsPerSlice);
    if (error) break;
    const dt = performance.now() - t0;
    if (dt < SLICE_MS / 8) epochsPerSlice = Math.min(epochsPerSlice * 2, 1 << 16);
    else if (dt > SLICE_MS / 2 && epochsPerSlice > 1) epochsPerSlice = Math.max(1, epochsPerSlice >> 1);
  }
  const now = performance.now();
  recent.push({ t: now, epoch: s.trainer.epoch });
  while (recent.length > 2 && now - recent[0].t > 1000) recent.shift();
  // Heatmaps every GRID_MS, or less often when one grid pass is costly (a big network): at most ~25 % of the time.
  if (error || now - lastFrame >= FRAME_MS) send(s, error !== null || now - lastGrid >= Math.max(GRID_MS, 4 * gridCost), error);
  schedule();
}

function prepare(json: ExperimentJson, files: Record<string, string>, model?: ModelJson): { experiment: ReturnType<typeof validateExperiment>; p: Prepared } {
  if (model) {
    // An imported model (model-import.ts) in the place of the experiment's network.
    const p = prepareForModel(model, json, (path) => files[path]);
    return { experiment: p.experiment, p };
  }
  const experiment = validateExperiment({ ...json, train: { ...((json.train as object | undefined) ?? {}), epochs: 1 } });
  return { experiment, p: prepareExperiment(experiment, (path) => files[path]) };
}

const api: PlaygroundWorker = {
  check(json: ExperimentJson, files: Record<string, string> = {}, model?: ModelJson): string | null {
    try {
      prepare(json, files, model);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  },

  async setup(json: ExperimentJson, onFrame: (frame: Frame) => void, files: Record<string, string> = {}, model?: ModelJson): Promise<SetupInfo> {
    // Prepared first: a file that does not validate leaves the current network as it was.
    const { experiment, p } = prepare(json, files, model);
    const eng = await engineReady();
    playing = false;
    if (session) {
      session.trainer.dispose();
      for (const ws of [session.trainWs, session.testWs, session.gridWs]) if (ws) disposeWorkspace(ws);
    }
    session = null;
    const config = { ...p.config, epochs: Infinity, recordEvery: 1e9, paramsAt: [], engine: eng };
    const trainer = createTrainer(p.model, p.data, config);
    const rawData = p.raw;
    const rawDim = rawData.train.X.cols;
    const domain = domainOf(rawData.train.X, "dataset" in experiment.data && PLAYGROUND_DATASETS.has(experiment.data.dataset));
    const raw = rawDim <= 2 ? gridPoints(domain, rawDim) : null;
    // The grid goes through the same feature map and scaler as the data.
    const gridX = raw ? { rows: raw.rows, cols: p.model.inputSize, data: scaledInputs(p.model, mapInputs(p.model, raw)) } : null;
    const inputs = p.model.inputs ?? p.model.featureNames;
    const classes = p.model.classes;
    // Targets for the scatter: the class's index, or the value itself.
    const targets = (y: readonly (number | string)[]): Float64Array => Float64Array.from(y, (v) => (classes ? classes.findIndex((c) => c === v) : Number(v)));
    const test = rawData.test;
    session = {
      prepared: p,
      model: p.model,
      history: emptyHistory(!!p.data.testX && p.data.testX.rows > 0),
      path: [],
      trainer,
      trainWs: createWorkspace(p.model, p.data.X.rows, { lean: true, engine: eng }),
      testWs: p.data.testX && p.data.testX.rows > 0 ? createWorkspace(p.model, p.data.testX.rows, { lean: true, engine: eng }) : null,
      gridX,
      gridWs: gridX ? createWorkspace(p.model, GRID * GRID, { engine: eng }) : null,
      onFrame,
    };
    const featureGrids = featureGridsOver(gridPoints([DOMAIN[0], DOMAIN[1], DOMAIN[0], DOMAIN[1]], 2));
    const inputGrids = gridX ? inputs.map((_, c) => gridColumn(gridX, c)) : null;
    const info: SetupInfo = {
      inputs,
      layers: p.model.layers.map((l) => ({ units: l.units, activation: l.activation })),
      task: taskOf(outputLayer(p.model).activation) as SetupInfo["task"],
      classes: classes ? classes.map(String) : null,
      rawDim,
      domain,
      train: { X: rawData.train.X.data.slice(), y: targets(rawData.train.y) },
      test: { X: test ? test.X.data.slice() : new Float64Array(0), y: test ? targets(test.y) : new Float64Array(0) },
      featureGrids,
      inputGrids,
      parameterCount: p.model.params.length,
      threads,
    };
    recent.length = 0;
    epochsPerSlice = 1;
    send(session, true);
    return Comlink.transfer(info, [...Object.values(featureGrids), ...(inputGrids ?? [])].map((g) => g.buffer));
  },

  play(): void {
    if (!session || playing) return;
    playing = true;
    schedule();
  },

  pause(): number {
    if (!session) return 0;
    playing = false;
    send(session, true);
    return session.trainer.epoch;
  },

  step(): void {
    if (!session) return;
    playing = false;
    const error = run(session, 1);
    send(session, true, error);
  },

  update(settings: LiveSettings): void {
    session?.trainer.update(settings);
  },

  setParam(index: number, value: number): void {
    if (!session || !Number.isInteger(index) || index < 0 || index >= session.model.params.length || !Number.isFinite(value)) return;
    session.model.params[index] = value;
    send(session, true);
  },

  view(request: ViewRequest): ViewResult {
    if (!session) throw new Error("the network is not ready yet");
    return drawExtra(session, request);
  },

  paramNames(): string[] {
    return session ? paramNames(session.model) : [];
  },

  trace(): Trace {
    if (!session) throw new Error("the network is not ready yet");
    return firstIteration(session.prepared, session.model);
  },

  applyIteration(): void {
    const s = session;
    if (!s) return;
    playing = false;
    const t = firstIteration(s.prepared, s.model);
    const updated = (name: string): number[][] => t.steps.find((x) => x.name === name)!.value;
    setParams(s.model, s.model.layers.map((_, i) => ({ W: updated(`W${i + 1}'`), b: updated(`b${i + 1}'`)[0] })));
    send(s, true);
  },

  modelJson(): unknown {
    if (!session) throw new Error("the network is not ready yet");
    return modelToJson(session.model);
  },

  async spreadsheet(iterations: number): Promise<Uint8Array> {
    const s = session;
    if (!s) throw new Error("the network is not ready yet");
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
    if (!session) throw new Error("the network is not ready yet");
    return predictRows(session.model, rows);
  },

  rate(): number {
    if (recent.length < 2) return 0;
    const a = recent[0];
    const b = recent[recent.length - 1];
    return b.t > a.t ? ((b.epoch - a.epoch) * 1000) / (b.t - a.t) : 0;
  },
};

function drawExtra(s: Session, r: ViewRequest): ViewResult {
  const input = { model: s.model, split: s.prepared.split, prepared: s.prepared, run: { history: s.history } };
  const angle = r.azimuth !== undefined ? { azimuth: r.azimuth, elevation: r.elevation ?? 30 } : undefined;
  const size = { width: r.width, height: r.height };
  let scene: Scene;
  switch (r.name) {
    case "hidden":
      scene = VIEWS.hidden(input, { ...size, layer: r.layer, angle });
      break;
    case "morph":
      scene = hiddenMorphScene(s.model, s.prepared.split, r.t ?? 1, { ...size, layer: r.layer });
      break;
    case "surface":
      scene = VIEWS.surface(input, { ...size, angle });
      break;
    case "neurons":
      scene = VIEWS.neurons(input, size);
      break;
    case "history":
      if (s.history.epoch.length === 0) throw new Error("nothing trained yet: press play or step");
      scene = VIEWS.history(input, size);
      break;
    case "steps": {
      const trace = firstIteration(s.prepared, s.model);
      const scenes = stepScenes(trace, { width: r.width, cell: r.cell });
      const k = Math.max(1, Math.min(scenes.length, r.step ?? 1));
      // The hover arithmetic (step-arithmetic.ts), for the layout of one picture per computed matrix.
      const hover = stepsLayout(trace) === "trace" ? stepHover(trace, scenes[k - 1], k, r.cell, arithmeticWords(r.words)) : null;
      return { svg: toSvg(scenes[k - 1], { idPrefix: "steps" }), steps: scenes.length, hover };
    }
    case "landscape": {
      const [na, nb] = r.params ?? defaultPair(s);
      const a = parseParam(s.model, na);
      const b = parseParam(s.model, nb);
      const path = s.path.map((p) => [p.params[a.index], p.params[b.index]] as [number, number]);
      const ranges = [a, b].map((ref, k) => {
        const here = s.model.params[ref.index];
        const seen = path.map((p) => p[k]);
        const span = Math.max(2, 1.25 * Math.max(...seen.map((v) => Math.abs(v - here)), 0));
        return [here - span, here + span] as [number, number];
      }) as [[number, number], [number, number]];
      const grid = costGrid(s.model, lossData(input), a, b, ranges, 31);
      scene = costSurfaceScene(grid, { ...size, mode: r.mode, angle, path, pathParams: s.path.map((p) => p.params) });
      break;
    }
  }
  return { svg: toSvg(scene, { idPrefix: r.name }) };
}

/** The landscape's default pair: the first two weights into the output. */
function defaultPair(s: Session): [string, string] {
  const names = paramNames(s.model);
  const L = s.model.layers.length;
  const out = names.filter((n) => n.startsWith(`W${L}[`));
  return out.length >= 2 ? [out[0], out[1]] : [names[0], names[1]];
}

Comlink.expose(api);
