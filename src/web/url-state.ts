/**
 * The set-up in the URL hash, in TensorFlow Playground's own format
 * (`#activation=tanh&batchSize=10&dataset=circle&…&networkShape=4,2&…`), so the links in its
 * tutorials open the same set-up here, and a Glassbox link opens in the Playground too.
 * Reading never fails: a field that is unknown or out of range keeps its default and adds a
 * notice saying so.
 */
import {
  ACTIVATIONS,
  CLASS_DATASETS,
  defaultSetup,
  FEATURES,
  HIDABLE,
  INITS,
  LIMITS,
  OPTIMIZERS,
  PAGE_LOSSES,
  PROBLEMS,
  REG_DATASETS,
  REGULARIZATIONS,
  SPEEDS,
  type Feature,
  type Hidable,
  type Setup,
} from "./setup.ts";
import { LANGS, translate, type Lang, type Message, type MessageKey } from "./i18n.ts";

export interface ParsedHash {
  setup: Setup;
  /** One line per field that was ignored, for the page to show (in the link's language, else English). */
  notices: string[];
  /** The same lines as messages, for the page to show in its language. */
  messages: Message[];
}

/** Fields of TensorFlow Playground's state that have no meaning here; accepted and ignored. */
const IGNORED = new Set(["collectStats", "tutorial", "hideText"]);
const HIDE_SUFFIX = "_hide";

/** The fields whose value is one of a list (anything else keeps the default, with a notice naming the list). */
const CHOICES = {
  activation: ACTIVATIONS,
  regularization: REGULARIZATIONS,
  dataset: CLASS_DATASETS,
  regDataset: REG_DATASETS,
  problem: PROBLEMS,
  optimizer: OPTIMIZERS,
  loss: PAGE_LOSSES,
  init: INITS,
  speed: SPEEDS,
} as const satisfies { [K in keyof Setup]?: readonly Setup[K][] };
type ChoiceField = keyof typeof CHOICES;

/** The numeric fields: their range, whether whole, and the notice for a value outside it (`bounds`: it names the range). */
const NUMBERS = {
  learningRate: { min: 1e-9, max: 100, whole: false, notice: "notice.learningRate", bounds: false },
  regularizationRate: { min: 0, max: 100, whole: false, notice: "notice.rate", bounds: false },
  batchSize: { min: LIMITS.batchSize[0], max: LIMITS.batchSize[1], whole: true, notice: "notice.whole", bounds: true },
  noise: { min: LIMITS.noise[0], max: LIMITS.noise[1], whole: false, notice: "notice.range", bounds: true },
  percTrainData: { min: LIMITS.percTrainData[0], max: LIMITS.percTrainData[1], whole: false, notice: "notice.percentage", bounds: true },
  momentum: { min: 0, max: 0.999, whole: false, notice: "notice.momentum", bounds: false },
} as const satisfies { [K in keyof Setup]?: Setup[K] extends number ? { min: number; max: number; whole: boolean; notice: MessageKey; bounds: boolean } : never };
type NumberField = keyof typeof NUMBERS;

const isChoiceField = (key: string): key is ChoiceField => Object.hasOwn(CHOICES, key);
const isNumberField = (key: string): key is NumberField => Object.hasOwn(NUMBERS, key);

export function parseHash(hash: string): ParsedHash {
  const setup = defaultSetup();
  const messages: Message[] = [];
  const note = (key: MessageKey, params?: Record<string, string | number>, messageParams?: Record<string, MessageKey>): void => void messages.push({ key, params, messageParams });
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  const features = new Set<Feature>(setup.features);
  const hide = new Set<Hidable>();

  for (const part of text.split("&")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? "" : part.slice(eq + 1));
    if (key === null || value === null) {
      note("notice.malformed", { part: clip(part) });
      continue;
    }
    const raw = value.trim();
    /** A value that cannot be used: `kept` is the value kept, or a message saying what stands in. */
    const bad = (why: MessageKey, kept: string | number | { message: MessageKey }, params: Record<string, string | number> = {}): void => {
      const value = JSON.stringify(clip(raw));
      if (typeof kept === "object") note(why, { key, value, ...params }, { kept: kept.message });
      else note(why, { key, value, kept, ...params });
    };
    const oneOf = (list: readonly string[], kept: string | { message: MessageKey }): void => bad("notice.oneOf", kept, { list: list.join(", ") });
    if (key.endsWith(HIDE_SUFFIX)) {
      const control = key.slice(0, -HIDE_SUFFIX.length);
      if ((HIDABLE as readonly string[]).includes(control)) {
        if (raw === "true") hide.add(control as Hidable);
      } else note("notice.noControl", { key, control: clip(control) });
      continue;
    }
    if ((FEATURES as readonly string[]).includes(key)) {
      // TensorFlow Playground: anything but "false" switches a feature on.
      if (raw === "") continue;
      if (raw === "false") features.delete(key as Feature);
      else features.add(key as Feature);
      continue;
    }
    if (isChoiceField(key)) {
      const list: readonly string[] = CHOICES[key];
      // The value is on the field's own list, so it is of the field's type.
      pick(raw, list, (v) => ((setup as Record<ChoiceField, string>)[key] = v), () => oneOf(list, setup[key]));
      continue;
    }
    if (isNumberField(key)) {
      const { min, max, whole, notice, bounds } = NUMBERS[key];
      numberIn(raw, min, max, whole, (v) => (setup[key] = v), () => bad(notice, setup[key], bounds ? { min, max } : {}));
      continue;
    }
    switch (key) {
      case "networkShape": {
        const shape = parseShape(raw);
        if (shape) setup.networkShape = shape;
        else bad("notice.shape", setup.networkShape.join(","), { layers: LIMITS.layers, neurons: LIMITS.neurons });
        break;
      }
      case "example":
        if (raw !== "") {
          if (/^[a-z0-9-]{1,60}$/.test(raw)) setup.example = raw;
          else bad("notice.example", { message: "notice.keptOwnData" });
        }
        break;
      case "lang":
        pick(raw, LANGS, (v) => (setup.lang = v), () => oneOf(LANGS, { message: "notice.keptBrowser" }));
        break;
      case "seed":
        if (raw !== "") setup.seed = seedOf(raw);
        break;
      case "showTestData":
        if (raw !== "") setup.showTestData = raw !== "false";
        break;
      case "discretize":
        if (raw !== "") setup.discretize = raw !== "false";
        break;
      case "initZero":
        if (raw !== "" && raw !== "false") note("notice.initZero");
        break;
      case "cosX":
      case "cosY":
        if (raw !== "" && raw !== "false") note("notice.cosine", { key });
        break;
      default:
        if (!IGNORED.has(key)) note("notice.unknown", { key: clip(key) });
    }
  }
  const chosen = FEATURES.filter((f) => features.has(f));
  if (chosen.length === 0) note("notice.noFeature");
  else setup.features = chosen;
  setup.hide = HIDABLE.filter((h) => hide.has(h));
  return { setup, messages, notices: messages.map((m) => noticeText(setup.lang ?? "en", m)) };
}

/** A notice in a language. */
export function noticeText(lang: Lang, m: Message): string {
  const inner = Object.fromEntries(Object.entries(m.messageParams ?? {}).map(([k, key]) => [k, translate(lang, key)]));
  return translate(lang, m.key, { ...m.params, ...inner });
}

/** The hash for a set-up: every TensorFlow Playground field, in its order, then the hidden controls. */
export function toHash(setup: Setup): string {
  const on = (f: Feature): string => String(setup.features.includes(f));
  const parts = [
    `activation=${setup.activation}`,
    `batchSize=${setup.batchSize}`,
    `dataset=${setup.dataset}`,
    `regDataset=${setup.regDataset}`,
    `learningRate=${setup.learningRate}`,
    `regularizationRate=${setup.regularizationRate}`,
    `noise=${setup.noise}`,
    `networkShape=${setup.networkShape.join(",")}`,
    `seed=${setup.seed}`,
    `showTestData=${setup.showTestData}`,
    `discretize=${setup.discretize}`,
    `percTrainData=${setup.percTrainData}`,
    `x=${on("x")}`,
    `y=${on("y")}`,
    `xTimesY=${on("xTimesY")}`,
    `xSquared=${on("xSquared")}`,
    `ySquared=${on("ySquared")}`,
    `cosX=false`,
    `sinX=${on("sinX")}`,
    `cosY=false`,
    `sinY=${on("sinY")}`,
    `collectStats=false`,
    `problem=${setup.problem}`,
    `initZero=false`,
    `hideText=false`,
    `regularization=${setup.regularization}`,
    // Glassbox's own fields (TensorFlow Playground ignores them).
    `optimizer=${setup.optimizer}`,
    `momentum=${setup.momentum}`,
    `loss=${setup.loss}`,
    `init=${setup.init}`,
    ...(setup.speed !== "max" ? [`speed=${setup.speed}`] : []),
    ...(setup.example ? [`example=${setup.example}`] : []),
    ...(setup.lang ? [`lang=${setup.lang}`] : []),
    ...setup.hide.map((h) => `${h}${HIDE_SUFFIX}=true`),
  ];
  return `#${parts.join("&")}`;
}

/**
 * A seed from the link: a whole number is used as it is; anything else (TensorFlow Playground
 * writes seeds like "0.58242") is hashed (FNV-1a) to one, so the same link gives the same run.
 */
export function seedOf(raw: string): number {
  if (/^\d{1,10}$/.test(raw) && Number(raw) <= 0xffffffff) return Number(raw);
  let h = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) {
    h ^= raw.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function parseShape(raw: string): number[] | null {
  if (raw === "") return [];
  const parts = raw.split(",");
  if (parts.length > LIMITS.layers) return null;
  const shape = parts.map((p) => (/^\d+$/.test(p.trim()) ? Number(p) : NaN));
  return shape.every((u) => Number.isInteger(u) && u >= 1 && u <= LIMITS.neurons) ? shape : null;
}

function pick<T extends string>(raw: string, allowed: readonly T[], set: (v: T) => void, fail: () => void): void {
  if (raw === "") return;
  if ((allowed as readonly string[]).includes(raw)) set(raw as T);
  else fail();
}

function numberIn(raw: string, min: number, max: number, integer: boolean, set: (v: number) => void, fail: () => void): void {
  if (raw === "") return;
  const v = Number(raw);
  if (Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) set(v);
  else fail();
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
