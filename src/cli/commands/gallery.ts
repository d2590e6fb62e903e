/**
 * `glassbox gallery [--out dir] [--epochs N] [--frames N] [--only a,b]`: every example's pictures
 * and animations (the ones examples/README.md lists) and an index.html showing them with a
 * one-line caption each. Each example (and each comparison variant) is trained once.
 * `--epochs N` caps every run's epochs (moons-deep's 10,000 are the slow part).
 */
import { dirname, join } from "node:path";
import { UserError } from "../../core/errors.ts";
import { loadExperiment, readJsonFile, readTextFrom } from "../experiment-file.ts";
import { prepareExperiment } from "../../experiment/prepare.ts";
import { validateExperiment } from "../../experiment/validate.ts";
import { withoutOtherOptimizersFields } from "../../experiment/experiment.ts";
import { ANIMATIONS, snapshotEpochs, type AnimationInput } from "../../animate/index.ts";
import { tileScenes } from "../../render/compose.ts";
import { writeFileAtomic } from "../../render/files.ts";
import { checkOutputs } from "../outputs.ts";
import { framesToGif, renderFramesAsync } from "../../render/frames.ts";
import { svgToPng } from "../../render/png.ts";
import { afterTrainingScene, classColor, escapeXml, PALETTE, stepScenes, stepsHtml, stepsLayout, toSvg, type RunLike, type Scene } from "../../viz/index.ts";
import { probabilityColor } from "../../viz/palette.ts";
import type { LegendItem } from "../../viz/chart/legend.ts";
import type { Model } from "../../nn/model.ts";
import type { DataSplit } from "../../data/types.ts";
import { progressBar } from "../progress.ts";
import { ARTICLE_FIGURES, ARTICLES, type ArticleFigure } from "./article-figures.ts";
import { FIGURE_OF, GALLERY, type GalleryExample, type GalleryItem, type PanelMetrics, type Variant } from "./gallery-examples.ts";
import { drawScene } from "./plot.ts";
import { layerToJson } from "../../nn/network.ts";
import { afterTraining, firstIteration, trainedOrigin, trainForPictures, type PictureSource } from "./pictures.ts";
import { PACKAGE_ROOT } from "../package-root.ts";
import { defaultJobs, drawInProcesses } from "./gallery-jobs.ts";
import { setThreads } from "../../core/wasm/mlp.ts";

export interface GalleryFlags {
  out?: string;
  epochs?: number;
  frames?: number;
  only?: string;
  /** Examples drawn at once, each in a process of its own (default: one per processor). */
  jobs?: number;
  /** Internal: draw the examples of `only` for a parent gallery, reporting on stdout (./gallery-jobs.ts). */
  part?: boolean;
}

const EXAMPLES_DIR = join(PACKAGE_ROOT, "examples");

export interface Figure {
  file: string;
  caption: string;
  link?: string;
  /** The article figures it reproduces. */
  refs?: ArticleFigure[];
  /** The one figure of its item's that this picture is (the steps: one per step). */
  figure?: string;
}

/** What drawing one example gave: its section of the index, the files written, what failed. */
export interface ExampleDrawn {
  file: string;
  title: string;
  figures: Figure[];
  failures: string[];
  written: number;
}

const FIGURES_BY_ID = new Map(ARTICLE_FIGURES.map((f) => [f.id, f]));

/** An example's experiment file as JSON (comments allowed). */
function exampleJson(file: string): Record<string, unknown> {
  return readJsonFile(file, "experiment file", { comments: true }) as Record<string, unknown>;
}

/** An example's experiment with a variant's changes (`model` replaced, the other sections merged). */
function variantExperiment(json: Record<string, unknown>, variant: Variant | undefined): Record<string, unknown> {
  const section = (k: "train" | "init" | "data") => {
    const p = variant?.patch[k];
    if (k === "init" && p && ("scheme" in p || "params" in p)) return p;
    const merged = { ...(json[k] as Record<string, unknown> | undefined), ...p };
    if (k === "train" && p && "optimizer" in p) return withoutOtherOptimizersFields(merged);
    return merged;
  };
  return { ...json, ...(variant?.patch.model ? { model: variant.patch.model } : {}), ...(variant?.patch.scale ? { scale: variant.patch.scale } : {}), train: section("train"), init: section("init"), data: section("data") };
}

/**
 * Loads an example with a variant's changes, its epochs capped, and trains it (quietly). `merged`:
 * the variant's experiment when the caller has it already (else read from `file`).
 */
export function trainVariant(file: string, variant: Variant | undefined, cap: number | undefined, merged = variantExperiment(exampleJson(file), variant)): PictureSource {
  const prepared = prepareExperiment(validateExperiment(merged), readTextFrom(dirname(file)));
  if (variant?.untrained) {
    const snapshots = [{ epoch: 0, layers: prepared.model.layers.map(layerToJson) }];
    return { input: { model: prepared.model, split: prepared.split, prepared, run: { snapshots } }, origin: "initial parameters" };
  }
  const epochs = cap ? Math.min(cap, prepared.config.epochs) : prepared.config.epochs;
  const run = trainForPictures(prepared, epochs, { snapshotsAt: (p, e) => snapshotEpochs(p, e, 200), maxSnapshots: 400, quiet: true });
  return { input: { model: prepared.model, split: prepared.split, prepared, run }, origin: trainedOrigin(run) };
}

function png(scene: Scene): Uint8Array {
  return svgToPng(toSvg(scene));
}

export async function galleryCommand(flags: GalleryFlags, print: (line: string) => void = console.log): Promise<void> {
  const dir = flags.out ?? "gallery";
  checkOutputs([{ flag: "--out", path: dir, folder: true }]);
  const names = GALLERY.map((e) => e.file.replace(/\.json$/, ""));
  const only = flags.only?.split(",").map((s) => s.trim().replace(/\.json$/, "")).filter(Boolean);
  for (const n of only ?? []) if (!names.includes(n)) throw new UserError(`--only: unknown example "${n}": choose from ${names.join(", ")}`);
  const examples = GALLERY.filter((e) => !only || only.includes(e.file.replace(/\.json$/, "")));
  if (flags.part) {
    // One example for a parent gallery (./gallery-jobs.ts): its items as they start, then its section, as JSON lines.
    // One thread: the other processors draw the other examples (a helper thread would wait on them).
    setThreads(1);
    const say = (line: unknown): void => void process.stdout.write(JSON.stringify(line) + "\n");
    for (const ex of examples) say(await drawExample(ex, flags, (item) => say({ item })));
    return;
  }
  const started = performance.now();
  const total = examples.reduce((s, e) => s + e.items.length, 0);
  const bar = progressBar("gallery", total);
  let done = 0;
  const onItem = (text: string): void => bar.update(done++, text);
  const jobs = Math.min(examples.length, flags.jobs ?? defaultJobs());
  let drawn: ExampleDrawn[];
  try {
    drawn = jobs > 1 ? await drawInProcesses(examples, flags, jobs, onItem) : await serially(examples, (ex) => drawExample(ex, flags, onItem));
  } finally {
    bar.stop();
  }
  const sections = drawn.map((d) => ({ example: examples.find((e) => e.file === d.file)!, title: d.title, figures: d.figures }));
  const failures = drawn.flatMap((d) => d.failures);
  writeFileAtomic(join(dir, "index.html"), indexHtml(sections, flags));
  const written = drawn.reduce((s, d) => s + d.written, 1);
  print(`gallery: ${written} files (${sections.reduce((s, x) => s + x.figures.length, 0)} pictures) written to ${dir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s; open ${join(dir, "index.html")}`);
  if (failures.length) throw new Error(`${failures.length} gallery picture${failures.length === 1 ? "" : "s"} failed:\n  ${failures.join("\n  ")}`);
}

async function serially<T, R>(xs: T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const x of xs) out.push(await f(x));
  return out;
}

/** One example's pictures, written into `flags.out`: its index section, the files written, what failed. */
export async function drawExample(ex: GalleryExample, flags: GalleryFlags, onItem: (text: string) => void): Promise<ExampleDrawn> {
  const dir = flags.out ?? "gallery";
  const frames = flags.frames ?? 40;
  const file = join(EXAMPLES_DIR, ex.file);
  const stem = ex.file.replace(/\.json$/, "");
  const json = exampleJson(file);
  const runs = new Map<string, PictureSource>();
  const trained = (v?: Variant): PictureSource => {
    // by what is trained, so that a variant that changes nothing ("the example's own") shares the example's run
    const merged = variantExperiment(json, v);
    const key = JSON.stringify([merged, !!v?.untrained]);
    if (!runs.has(key)) runs.set(key, trainVariant(file, v, flags.epochs, merged));
    return runs.get(key)!;
  };
  const title = (json.name as string | undefined) ?? stem;
  const figures: Figure[] = [];
  const failures: string[] = [];
  let written = 0;
  const write = (name: string, content: string | Uint8Array): void => {
    writeFileAtomic(join(dir, name), content);
    written++;
  };
  for (const item of ex.items) {
    onItem(`${stem}: ${item.name}`);
    try {
      const refs = (FIGURE_OF[`${stem}/${item.name}`] ?? []).map((id) => FIGURES_BY_ID.get(id)!);
      figures.push(...(await makeItem(item, stem, file, trained, frames, write)).map((f) => ({ ...f, refs: f.figure ? refs.filter((r) => r.id === f.figure) : refs })));
    } catch (e) {
      failures.push(`${stem}/${item.name}: ${(e as Error).message}`);
    }
  }
  return { file: ex.file, title, figures, failures, written };
}

async function makeItem(item: GalleryItem, stem: string, file: string, trained: (v?: Variant) => PictureSource, frames: number, write: (name: string, content: string | Uint8Array) => void): Promise<Figure[]> {
  switch (item.kind) {
    case "view": {
      const name = `${stem}-${item.name}.png`;
      const source = trained(item.variant);
      const metrics = item.metrics ? { subtitle: panelMetrics(source, item.metrics) } : {};
      write(name, png(drawScene(item.view, source.input, { ...metrics, ...item.options })));
      return [{ file: name, caption: item.caption }];
    }
    case "tile": {
      const sources = item.variants.map((v) => trained(v));
      const scenes = item.variants.map((v, k) => drawScene(item.view, sources[k].input, { ...item.options, title: v.label, subtitle: panelMetrics(sources[k], item.metrics), panel: true }));
      const name = `${stem}-${item.name}.png`;
      const first = sources[0].input;
      const legend = item.view === "boundary" ? boundaryLegend(first.model, first.split, item.options?.showTest ?? true) : undefined;
      write(name, png(tileScenes(scenes, { columns: item.columns, title: item.title, note: item.note, legend })));
      return [{ file: name, caption: item.caption }];
    }
    case "animation": {
      const anim = ANIMATIONS[item.animation];
      const source = trained();
      const o = { frames, ...item.options };
      const why = anim.applies(source.input.model, o);
      if (why) throw new UserError(why);
      const seq = anim.frames(source.input as AnimationInput, o);
      const gif = framesToGif(await renderFramesAsync(seq), seq);
      const name = `${stem}-${item.name}.gif`;
      write(name, gif);
      return [{ file: name, caption: item.caption }];
    }
    case "steps": {
      // One iteration from the initial parameters, as the article shows it.
      const t = firstIteration(loadExperiment(file));
      const article = stepsLayout(t) === "article";
      const after = article ? afterTraining(file) : undefined;
      const html = `${stem}-steps.html`;
      write(html, stepsHtml(t, { after }));
      const figures: Figure[] = stepScenes(t).map((s, k) => {
        const name = `${stem}-step-${String(k + 1).padStart(2, "0")}.png`;
        write(name, png(s));
        return { file: name, caption: k === 0 ? `${item.caption} (all steps on one page: ${html})` : s.title ?? `step ${k + 1}`, link: html, figure: `ts-step-${k + 1}` };
      });
      if (after) {
        const name = `${stem}-after.png`;
        const s = afterTrainingScene(after.targets, after.outputs, after.iterations);
        write(name, png(s));
        figures.push({ file: name, caption: `${s.title}: outputs ${after.outputs.map((v) => v.toFixed(2)).join(", ")} for targets ${after.targets.join(", ")}`, link: `${html}#after`, figure: "ts-after" });
      }
      return figures;
    }
  }
}

/** "train 0.99 · test 0.97 · 0.4 s · test ≥ 0.9 at epoch 531": what a panel's run reached. */
export function panelMetrics(source: PictureSource, m: PanelMetrics = {}): string {
  const run = source.input.run as (RunLike & { seconds?: number; epochs?: number }) | undefined;
  const h = run?.history;
  if (!h || !h.accuracy?.length) return "";
  const last = (a: number[] | undefined): number | undefined => (a && a.length ? a[a.length - 1] : undefined);
  const parts = [`train ${fmtAcc(last(h.accuracy)!)}`];
  const test = last(h.testAccuracy);
  if (test !== undefined) parts.push(`test ${fmtAcc(test)}`);
  if (run?.seconds !== undefined) parts.push(`${run.seconds < 0.1 ? run.seconds.toFixed(2) : run.seconds.toFixed(1)} s`);
  if (m.reach !== undefined) {
    const acc = h.testAccuracy ?? h.accuracy;
    const k = acc.findIndex((a) => a >= m.reach!);
    parts.push(k < 0 ? `test never ${fmtAcc(m.reach)} in ${(run?.epochs ?? h.epoch[h.epoch.length - 1]).toLocaleString("en-US")} epochs` : `test ${fmtAcc(m.reach)} at epoch ${h.epoch[k].toLocaleString("en-US")}`);
  }
  return parts.join(" · ");
}

function fmtAcc(a: number): string {
  return a.toFixed(2);
}

/** The legend every boundary panel shares: the classes, train/test, and what the colours mean. */
function boundaryLegend(model: Model, split: DataSplit, showTest: boolean): LegendItem[] {
  const classes = model.classes;
  const items: LegendItem[] = (classes ?? []).map((c, k) => ({ label: `${split.targetName} = ${c}`, color: classColor(k), shape: "dot" as const }));
  if (split.test && showTest) items.push({ label: "train", color: PALETTE.muted, shape: "dot" }, { label: "test", color: PALETTE.muted, shape: "ring" });
  if (classes && model.layers[model.layers.length - 1].units === 1) {
    items.push({ label: `P(${classes[1]}) near 0`, color: probabilityColor(0.05), shape: "square" }, { label: `near 1`, color: probabilityColor(0.95), shape: "square" }, { label: "P = 0.5", color: PALETTE.ink, shape: "line" });
  }
  return items;
}

/** "A visual introduction to neural networks — “Decision plane with 6 neurons”" lines, one per figure. */
function figureRefs(refs: ArticleFigure[] | undefined): string {
  if (!refs?.length) return "";
  const byArticle = new Map<string, string[]>();
  for (const r of refs) byArticle.set(ARTICLES[r.article], [...(byArticle.get(ARTICLES[r.article]) ?? []), r.caption]);
  return [...byArticle].map(([a, cs]) => `<span class="ref"><i>${escapeXml(a)}</i>: ${cs.map((c) => `“${escapeXml(c)}”`).join("; ")}</span><br>`).join("");
}

function indexHtml(sections: { example: GalleryExample; title: string; figures: Figure[] }[], flags: GalleryFlags): string {
  const e = escapeXml;
  const body = sections
    .map(
      (s) =>
        `<section id="${e(s.example.file.replace(/\.json$/, ""))}"><h2>${e(s.title)} <small>examples/${e(s.example.file)}</small></h2>\n<div class="grid">\n` +
        s.figures.map((f) => `<figure><a href="${e(f.link ?? f.file)}"><img src="${e(f.file)}" alt="${e(f.caption)}" loading="lazy"></a><figcaption>${figureRefs(f.refs)}${e(f.caption)}</figcaption></figure>`).join("\n") +
        `\n</div></section>`,
    )
    .join("\n");
  const note = flags.epochs ? `Every run capped at ${flags.epochs} epochs (--epochs).` : "Every example trained as its file says.";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Glassbox gallery</title>
<style>body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:2em auto;max-width:1400px;color:#222;padding:0 1em}h2 small{font-weight:normal;color:#888;font-size:.6em;margin-left:.5em}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1.2em}figure{margin:0;border:1px solid #ddd;padding:.5em;background:#fff}figure img{width:100%;height:auto;display:block}figcaption{font-size:.9em;color:#444;margin-top:.4em}.ref{color:#205080}nav a{margin-right:1em}</style>
</head><body><h1>Glassbox gallery</h1>
<p>Every walkthrough of <code>examples/</code>, drawn by <code>glassbox gallery</code>. ${e(note)}</p>
<nav>${sections.map((s) => `<a href="#${e(s.example.file.replace(/\.json$/, ""))}">${e(s.example.file.replace(/\.json$/, ""))}</a>`).join("")}</nav>
${body}
</body></html>
`;
}
