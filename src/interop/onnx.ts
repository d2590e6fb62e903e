/**
 * ONNX ⇄ Glassbox models. Export writes a graph of `Gemm` (transB = 1: the weight is Glassbox's
 * out × in W) and one activation operator per layer (its activation entry's `interop.onnx`:
 * `Relu`, `Sigmoid`, `Tanh`, `Softmax`; none for linear), preceded by `Sub` and `Div` when the
 * model has a scaler, in float32 (the default) or float64: IR version 8, opset 13
 * (ONNX_IR_VERSION, ONNX_OPSET). What ONNX has no field for (classes, column names, loss, input
 * feature map) goes into `metadata_props` as `glassbox.*`.
 *
 * Import reads such graphs back, and those `torch.onnx.export` writes for a stack of `Linear`
 * layers and activations (IR 7, opset 13: Gemm, or MatMul + Add, then Relu/Sigmoid/Tanh/Softmax),
 * passing over Identity, Dropout, Flatten and Cast: one chain from the graph's input to its
 * output. Any other operator is refused naming it and its node.
 *
 * The schema is the few messages of onnx.proto these need (field numbers as there).
 */
import { UserError } from "../core/errors.ts";
import type { Label } from "../core/label.ts";
import type { ActivationName } from "../nn/activations.ts";
import { isLossName } from "../nn/losses.ts";
import { defaultLoss } from "../experiment/experiment.ts";
import type { Model } from "../nn/model.ts";
import { layerToJson } from "../nn/network.ts";
import { MODEL_FORMAT, MODEL_VERSION, type ModelJson } from "../nn/serialize.ts";
import { namesFromMetadata } from "./check.ts";
import { decodeMessage, MessageWriter, read, TruncatedError, WireError, type Fields } from "./protobuf.ts";
import { interopName, ONNX_ACTIVATIONS } from "./names.ts";
import { defaultClasses } from "./tfjs.ts";

export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 13;

const FLOAT = 1;
const INT64 = 7;
const DOUBLE = 11;
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7 } as const;

// ---------------------------------------------------------------- reading

export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  values: Float64Array;
}

export interface OnnxAttribute {
  name: string;
  f?: number;
  i?: number;
  s?: string;
  t?: OnnxTensor;
  floats?: number[];
  ints?: number[];
}

export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttribute>;
}

export interface OnnxValueInfo {
  name: string;
  elemType: number;
  /** Each dimension's size; null where symbolic (a batch dimension "N") or absent. */
  shape: (number | null)[] | null;
}

export interface OnnxModel {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  producerName: string;
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensor>;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  metadata: Map<string, string>;
}

const TYPE_NAMES: Record<number, string> = { 1: "float", 2: "uint8", 3: "int8", 6: "int32", 7: "int64", 9: "bool", 10: "float16", 11: "double", 16: "bfloat16" };

function tensorOf(f: Fields, where: string): OnnxTensor {
  const name = read.string(f, 8);
  const dims = read.ints(f, 1);
  const dataType = read.int(f, 2);
  const count = dims.reduce((a, b) => a * b, 1);
  if (read.int(f, 14) === 1) throw new UserError(`tensor "${name}" keeps its data in an external file, which Glassbox does not read: save the model with its weights inside`, where);
  const raw = read.bytes(f, 9).at(-1);
  let values: number[] | Float64Array;
  if (dataType === FLOAT) values = raw ? Array.from(new Float32Array(copy(raw, 4).buffer)) : read.floats(f, 4);
  else if (dataType === DOUBLE) values = raw ? new Float64Array(copy(raw, 8).buffer) : read.doubles(f, 10);
  else if (dataType === INT64) values = raw ? Array.from(new BigInt64Array(copy(raw, 8).buffer), Number) : read.ints(f, 7);
  else throw new UserError(`tensor "${name}" is ${TYPE_NAMES[dataType] ?? `of data type ${dataType}`}; Glassbox reads float, double and int64 tensors`, where);
  if (values.length !== count) throw new UserError(`tensor "${name}" has ${values.length} values but its shape [${dims.join(", ")}] needs ${count}`, where);
  return { name, dims, dataType, values: Float64Array.from(values) };
}

/** Raw little-endian bytes as an aligned copy (the file's bytes may sit at any offset). */
function copy(raw: Uint8Array, size: number): Uint8Array {
  return raw.slice(0, raw.length - (raw.length % size));
}

function valueInfoOf(f: Fields): OnnxValueInfo {
  const type = read.message(f, 2);
  const tensor = type && read.message(type, 1);
  const shapeMsg = tensor && read.message(tensor, 2);
  const shape = shapeMsg ? read.messages(shapeMsg, 1).map((d) => (d.has(1) ? read.int(d, 1) : null)) : null;
  return { name: read.string(f, 1), elemType: tensor ? read.int(tensor, 1) : 0, shape };
}

/** Decodes an .onnx file's bytes; UserError (at `where`) for anything that is not a whole ONNX model. */
export function decodeOnnx(bytes: Uint8Array, where = "model.onnx"): OnnxModel {
  try {
    const m = decodeMessage(bytes);
    const graph = read.message(m, 7);
    if (!graph || !m.has(1)) throw new UserError(`not an ONNX model: it has no ${graph ? "IR version" : "graph"} (expected a file written by torch.onnx.export, onnx.save or glassbox export --to onnx)`, where);
    const nodes = read.messages(graph, 1).map((n, i) => {
      const attributes = new Map<string, OnnxAttribute>();
      for (const a of read.messages(n, 5)) {
        const name = read.string(a, 1);
        const type = read.int(a, 20);
        const attr: OnnxAttribute = { name };
        if (type === ATTR.FLOAT || (!type && a.has(2))) attr.f = read.floats(a, 2)[0];
        if (type === ATTR.INT || (!type && a.has(3))) attr.i = read.int(a, 3);
        if (type === ATTR.STRING) attr.s = read.string(a, 4);
        if (type === ATTR.TENSOR) attr.t = tensorOf(read.message(a, 5)!, `${where}: node ${i}`);
        if (type === ATTR.FLOATS) attr.floats = read.floats(a, 7);
        if (type === ATTR.INTS) attr.ints = read.ints(a, 8);
        attributes.set(name, attr);
      }
      return { name: read.string(n, 3), opType: read.string(n, 4), domain: read.string(n, 7), inputs: read.strings(n, 1), outputs: read.strings(n, 2), attributes };
    });
    const initializers = new Map(read.messages(graph, 5).map((t) => tensorOf(t, `${where}: initializer`)).map((t) => [t.name, t] as const));
    const metadata = new Map(read.messages(m, 14).map((e) => [read.string(e, 1), read.string(e, 2)] as const));
    return {
      irVersion: read.int(m, 1),
      opsets: read.messages(m, 8).map((o) => ({ domain: read.string(o, 1), version: read.int(o, 2) })),
      producerName: read.string(m, 2),
      nodes,
      initializers,
      inputs: read.messages(graph, 11).map(valueInfoOf),
      outputs: read.messages(graph, 12).map(valueInfoOf),
      metadata,
    };
  } catch (e) {
    if (e instanceof TruncatedError) throw new UserError(`not a complete ONNX file: ${e.message} (${bytes.length} bytes); the file is truncated or not ONNX`, where);
    if (e instanceof WireError || e instanceof RangeError) throw new UserError(`not an ONNX file: ${e.message}`, where);
    throw e;
  }
}

const PASS_THROUGH = new Set(["Identity", "Dropout", "Flatten", "Cast"]);
const SUPPORTED = `Gemm, MatMul + Add, ${[...ONNX_ACTIVATIONS.keys()].join(", ")} (and Identity, Dropout, Flatten, Cast; Sub then Div before the first layer as a scaler)`;

interface PendingLayer {
  units: number;
  activation: ActivationName | null;
  W: number[][];
  b: number[] | null;
}

/** The model file of an ONNX graph (the bytes of an .onnx file). */
export function onnxToModelJson(bytes: Uint8Array, where = "model.onnx"): ModelJson {
  const m = decodeOnnx(bytes, where);
  const opset = m.opsets.find((o) => o.domain === "" || o.domain === "ai.onnx")?.version ?? ONNX_OPSET;
  const constants = new Map(m.initializers);
  const graphInputs = m.inputs.filter((v) => !constants.has(v.name));
  if (graphInputs.length !== 1) throw new UserError(`the graph has ${graphInputs.length} inputs (${graphInputs.map((v) => v.name).join(", ") || "none"}); Glassbox imports graphs with one input of features`, where);
  if (m.outputs.length !== 1) throw new UserError(`the graph has ${m.outputs.length} outputs; Glassbox imports graphs with one output`, where);
  const input = graphInputs[0];
  if (input.shape && input.shape.length !== 2) throw new UserError(`the input "${input.name}" has shape [${input.shape.map((d) => d ?? "?").join(", ")}]; Glassbox imports graphs over rows of features, [batch, features]`, where);
  let inputSize: number | null = input.shape?.[1] ?? null;

  let current = input.name;
  let width: number | null = inputSize;
  const layers: PendingLayer[] = [];
  let mean: number[] | null = null;
  let scale: number[] | null = null;
  const used = new Set<number>();
  const label = (i: number) => `node ${i}${m.nodes[i].name ? ` "${m.nodes[i].name}"` : ""} (${m.nodes[i].opType})`;

  // Constant nodes first: their outputs are tensors like initializers.
  m.nodes.forEach((n, i) => {
    if (n.opType !== "Constant") return;
    const a = n.attributes;
    const t = a.get("value")?.t ?? (a.get("value_float")?.f !== undefined ? { name: "", dims: [], dataType: FLOAT, values: Float64Array.of(a.get("value_float")!.f!) } : undefined) ?? (a.get("value_floats")?.floats ? { name: "", dims: [a.get("value_floats")!.floats!.length], dataType: FLOAT, values: Float64Array.from(a.get("value_floats")!.floats!) } : undefined);
    if (!t) throw new UserError(`${label(i)}: a Constant Glassbox cannot read (it reads value, value_float, value_floats)`, where);
    constants.set(n.outputs[0], { ...t, name: n.outputs[0] });
    used.add(i);
  });
  const constant = (name: string, i: number): OnnxTensor => {
    const t = constants.get(name);
    if (!t) throw new UserError(`${label(i)}: its input "${name}" is computed by the graph; Glassbox needs weights and biases stored in the file (initializers or Constant nodes)`, where);
    return t;
  };
  const vector = (t: OnnxTensor, n: number, what: string, i: number): number[] => {
    const size = t.values.length;
    if (size === n) return Array.from(t.values);
    if (size === 1) return new Array<number>(n).fill(t.values[0]);
    throw new UserError(`${label(i)}: ${what} "${t.name}" has ${size} values ([${t.dims.join(", ")}]) but the layer has ${n}: the shapes do not chain`, where);
  };
  const chainWidth = (rows: number, i: number, what: string) => {
    if (width === null) {
      width = rows;
      inputSize ??= rows;
    } else if (rows !== width) {
      throw new UserError(`${label(i)}: ${what} takes ${rows} values but the previous ${layers.length ? "layer gives" : "input has"} ${width}: the shapes do not chain`, where);
    }
  };

  for (;;) {
    const consumers = m.nodes.map((n, i) => ({ n, i })).filter(({ n, i }) => !used.has(i) && n.inputs.includes(current));
    if (consumers.length === 0) break;
    if (consumers.length > 1) throw new UserError(`"${current}" feeds ${consumers.map(({ i }) => label(i)).join(" and ")}; Glassbox imports one chain of layers, without branches`, where);
    const { n, i } = consumers[0];
    used.add(i);
    if (n.domain && n.domain !== "ai.onnx") throw new UserError(`${label(i)}: operator ${n.opType} of domain "${n.domain}" is not supported; Glassbox imports ${SUPPORTED}`, where);
    const others = n.inputs.filter((x) => x !== current && x !== "");
    const last = layers.at(-1);
    const out = n.outputs[0];
    const attr = (name: string) => n.attributes.get(name);
    if (n.opType === "Gemm" || n.opType === "MatMul") {
      if (n.inputs[0] !== current) throw new UserError(`${label(i)}: the features must be its first input`, where);
      if (n.opType === "Gemm") {
        if ((attr("alpha")?.f ?? 1) !== 1 || (attr("beta")?.f ?? 1) !== 1 || (attr("transA")?.i ?? 0) !== 0) throw new UserError(`${label(i)}: Gemm with alpha, beta ≠ 1 or transA is not supported`, where);
      }
      const B = constant(n.inputs[1], i);
      if (B.dims.length !== 2) throw new UserError(`${label(i)}: the weight "${B.name}" has shape [${B.dims.join(", ")}], expected a matrix`, where);
      const transB = n.opType === "Gemm" && (attr("transB")?.i ?? 0) === 1;
      const [rows, cols] = transB ? [B.dims[1], B.dims[0]] : [B.dims[0], B.dims[1]];
      chainWidth(rows, i, `its weight "${B.name}" [${B.dims.join(", ")}]`);
      const W = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, k) => (transB ? B.values[j * rows + k] : B.values[k * cols + j])));
      const b = n.opType === "Gemm" && n.inputs[2] ? vector(constant(n.inputs[2], i), cols, "the bias", i) : null;
      layers.push({ units: cols, activation: null, W, b });
      width = cols;
    } else if (n.opType === "Add") {
      if (!last || last.activation !== null || last.b !== null) throw new UserError(`${label(i)}: an Add Glassbox can read comes right after a MatMul (its bias)`, where);
      last.b = vector(constant(others[0], i), last.units, "the bias", i);
    } else if (ONNX_ACTIVATIONS.has(n.opType)) {
      if (!last || last.activation !== null) throw new UserError(`${label(i)}: ${n.opType} must follow a Gemm or MatMul (each Glassbox layer is one of them and one activation)`, where);
      if (n.opType === "Softmax") {
        const axis = attr("axis")?.i ?? (opset >= 13 ? -1 : 1);
        if (axis !== 1 && axis !== -1) throw new UserError(`${label(i)}: Softmax over axis ${axis}; Glassbox's softmax is over the features (axis 1)`, where);
      }
      last.activation = ONNX_ACTIVATIONS.get(n.opType)!;
      last.b ??= new Array<number>(last.units).fill(0);
    } else if ((n.opType === "Sub" || n.opType === "Div") && layers.length === 0 && n.inputs[0] === current) {
      const d = width ?? constant(others[0], i).values.length;
      width ??= d;
      inputSize ??= d;
      const v = vector(constant(others[0], i), d, n.opType === "Sub" ? "the mean" : "the scale", i);
      if (n.opType === "Sub" && mean === null && scale === null) mean = v;
      else if (n.opType === "Div" && scale === null) scale = v;
      else throw new UserError(`${label(i)}: before the first layer Glassbox reads one Sub (the mean) then one Div (the scale)`, where);
    } else if (PASS_THROUGH.has(n.opType)) {
      if (n.opType === "Flatten" && (attr("axis")?.i ?? 1) !== 1) throw new UserError(`${label(i)}: Flatten over axis ${attr("axis")?.i}; only axis 1 keeps rows of features`, where);
      if (n.opType === "Cast" && ![FLOAT, DOUBLE].includes(attr("to")?.i ?? 0)) throw new UserError(`${label(i)}: Cast to ${TYPE_NAMES[attr("to")?.i ?? 0] ?? attr("to")?.i}; only float and double keep the values`, where);
    } else {
      throw new UserError(`${label(i)}: operator ${n.opType} is not supported; Glassbox imports ${SUPPORTED}`, where);
    }
    if (!out) throw new UserError(`${label(i)}: it has no output`, where);
    current = out;
  }
  const unused = m.nodes.map((_, i) => i).filter((i) => !used.has(i));
  if (unused.length) throw new UserError(`${label(unused[0])} is not on the path from the input "${input.name}" to the output: Glassbox imports one chain of layers`, where);
  if (current !== m.outputs[0].name) throw new UserError(`the chain from "${input.name}" ends at "${current}", not at the graph's output "${m.outputs[0].name}"`, where);
  if (layers.length === 0 || inputSize === null) throw new UserError(`the graph has no Gemm or MatMul layer`, where);

  const done = layers.map((l) => ({ units: l.units, activation: l.activation ?? "linear", W: l.W, b: l.b ?? new Array<number>(l.units).fill(0) }));
  const meta = (key: string): unknown => {
    const v = m.metadata.get(`glassbox.${key}`);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      throw new UserError(`metadata "glassbox.${key}" is not JSON`, where);
    }
  };
  const output = done[done.length - 1];
  const classes = meta("classes");
  const loss = meta("loss");
  const featureNames = meta("featureNames");
  const targetName = meta("targetName");
  const inputs = meta("inputs");
  const d = inputSize;
  const names = namesFromMetadata(featureNames, inputs, d);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    inputSize: d,
    layers: done,
    loss: isLossName(loss) ? loss : defaultLoss(output.activation),
    classes: Array.isArray(classes) || classes === null ? (classes as Label[] | null) : defaultClasses(output.activation, output.units),
    scaler: mean || scale ? { mean: mean ?? new Array<number>(d).fill(0), scale: scale ?? new Array<number>(d).fill(1) } : null,
    featureNames: names.featureNames,
    targetName: typeof targetName === "string" ? targetName : "y",
  };
  if (names.inputs) json.inputs = names.inputs;
  return json;
}

// ---------------------------------------------------------------- writing

export interface OnnxExportOptions {
  /** Element type of weights and computation (default float32, what most runtimes run). */
  dtype?: "float32" | "float64";
}

function tensorMessage(name: string, dims: number[], values: ArrayLike<number>, dtype: "float32" | "float64"): MessageWriter {
  const t = new MessageWriter();
  for (const d of dims) t.int(1, d);
  t.int(2, dtype === "float32" ? FLOAT : DOUBLE);
  t.string(8, name);
  const data = dtype === "float32" ? Float32Array.from(values) : Float64Array.from(values);
  t.bytes(9, new Uint8Array(data.buffer)); // raw_data: little-endian, as ONNX specifies
  return t;
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]): MessageWriter {
  const shape = new MessageWriter();
  for (const d of dims) shape.message(1, typeof d === "number" ? new MessageWriter().int(1, d) : new MessageWriter().string(2, d));
  const tensor = new MessageWriter().int(1, elemType).message(2, shape);
  return new MessageWriter().string(1, name).message(2, new MessageWriter().message(1, tensor));
}

function node(op: string, inputs: string[], outputs: string[], name: string, attrs: MessageWriter[] = []): MessageWriter {
  const n = new MessageWriter();
  for (const i of inputs) n.string(1, i);
  for (const o of outputs) n.string(2, o);
  n.string(3, name).string(4, op);
  for (const a of attrs) n.message(5, a);
  return n;
}

const intAttr = (name: string, v: number) => new MessageWriter().string(1, name).int(3, v).int(20, ATTR.INT);

/** The model as the bytes of an .onnx file: input "input" [N, inputSize], output "output" [N, units]. */
export function modelToOnnx(model: Model, options: OnnxExportOptions = {}): Uint8Array {
  const dtype = options.dtype ?? "float32";
  const elem = dtype === "float32" ? FLOAT : DOUBLE;
  const graph = new MessageWriter();
  const nodes: MessageWriter[] = [];
  const inits: MessageWriter[] = [];
  let current = "input";
  const last = model.layers.length - 1;
  if (model.scaler) {
    inits.push(tensorMessage("scaler.mean", [model.inputSize], model.scaler.mean, dtype), tensorMessage("scaler.scale", [model.inputSize], model.scaler.scale, dtype));
    nodes.push(node("Sub", [current, "scaler.mean"], ["centred"], "scaler/Sub"), node("Div", ["centred", "scaler.scale"], ["scaled"], "scaler/Div"));
    current = "scaled";
  }
  model.layers.forEach((l, i) => {
    const name = `layer${i + 1}`;
    const { W, b } = layerToJson(l);
    inits.push(tensorMessage(`${name}.W`, [l.units, l.inputSize], W.flat(), dtype), tensorMessage(`${name}.b`, [l.units], b, dtype));
    const op = interopName("onnx", l.activation, `layer ${i + 1}`);
    const z = op ? `${name}.Z` : i === last ? "output" : `${name}.A`;
    nodes.push(node("Gemm", [current, `${name}.W`, `${name}.b`], [z], `${name}/Gemm`, [intAttr("transB", 1)]));
    current = z;
    if (op) {
      const a = i === last ? "output" : `${name}.A`;
      nodes.push(node(op, [current], [a], `${name}/${op}`, op === "Softmax" ? [intAttr("axis", 1)] : []));
      current = a;
    }
  });
  for (const n of nodes) graph.message(1, n);
  graph.string(2, "glassbox");
  for (const t of inits) graph.message(5, t);
  graph.message(11, valueInfo("input", elem, ["N", model.inputSize]));
  graph.message(12, valueInfo("output", elem, ["N", model.layers[last].units]));

  const onnx = new MessageWriter().int(1, ONNX_IR_VERSION).string(2, "glassbox").message(7, graph);
  onnx.message(8, new MessageWriter().string(1, "").int(2, ONNX_OPSET));
  const meta: [string, unknown][] = [
    ["classes", model.classes],
    ["featureNames", model.featureNames],
    ["targetName", model.targetName],
    ["loss", model.loss],
  ];
  if (model.inputs) meta.push(["inputs", model.inputs]);
  for (const [k, v] of meta) onnx.message(14, new MessageWriter().string(1, `glassbox.${k}`).string(2, JSON.stringify(v)));
  return onnx.finish();
}
