/**
 * `glassbox animate <animation> <experiment.json> --out file.gif [--frames N] [--frames-dir DIR]`
 * Trains once (progress bar) with snapshots at the epochs the frames need, draws every frame
 * (progress bar), then writes the GIF and/or the numbered PNGs — only once all are made.
 */
import { UserError } from "../../core/errors.ts";
import { ANIMATION_NAMES, ANIMATIONS, DEFAULT_FRAMES, snapshotEpochs, type AnimateOptions, type AnimationInput, type AnimationName } from "../../animate/index.ts";
import { numberedName, writeFilesAtomic } from "../../render/files.ts";
import { framesToGif, renderFramesAsync } from "../../render/frames.ts";
import { join } from "node:path";
import { outputKind } from "../files.ts";
import { checkOutputs } from "../outputs.ts";
import { progressBar } from "../progress.ts";
import { viewOptions, type PictureFlags } from "./picture-flags.ts";
import { asUserError } from "./plot.ts";
import { pictureSourceFromExperiment, isRunJson } from "./pictures.ts";
import { memoryBudget, readJsonFile } from "../experiment-file.ts";
import { bytesText } from "../../experiment/bounds.ts";

export interface AnimateFlags extends PictureFlags {
  out?: string;
  framesDir?: string;
  frames?: number;
  epochs?: number;
  subject?: "hidden" | "surface";
}

export function checkAnimationName(name: string): AnimationName {
  if (!(ANIMATION_NAMES as string[]).includes(name)) throw new UserError(`unknown animation "${name}": choose one of ${ANIMATION_NAMES.join(", ")}`);
  return name as AnimationName;
}

export interface Animated {
  gif: Uint8Array;
  pngs: [string, Uint8Array][] | null;
  frames: number;
  width: number;
  height: number;
}

/** Trains `file` and draws the animation in memory (shared with the gallery). */
export async function makeAnimation(name: AnimationName, file: string, o: AnimateOptions & { epochs?: number; pngs?: boolean }): Promise<Animated> {
  const anim = ANIMATIONS[name];
  const frames = o.frames ?? DEFAULT_FRAMES;
  const untrained = pictureSourceFromExperiment(file, false);
  const why = anim.applies(untrained.input.model, o);
  if (why) throw new UserError(why);
  const source = pictureSourceFromExperiment(file, true, {
    epochs: o.epochs,
    snapshotsAt: (p, e) => (anim.needsSnapshots ? snapshotEpochs(p, e, Math.max(frames + 1, 200)) : [0]),
  });
  let seq;
  try {
    seq = anim.frames(source.input as AnimationInput, o);
  } catch (e) {
    throw asUserError(e);
  }
  const bar = progressBar("drawing frames", seq.count);
  let r;
  try {
    r = await renderFramesAsync(seq, { pngs: o.pngs, onFrame: (done, total) => bar.update(done, `frame ${done}/${total}`) });
  } catch (e) {
    throw asUserError(e);
  } finally {
    bar.stop();
  }
  const gif = framesToGif(r, seq);
  const pngs = r.pngs ? r.pngs.map((png, i): [string, Uint8Array] => [numberedName(`${name}-`, i, r.pngs!.length, "png"), png]) : null;
  return { gif, pngs, frames: r.frames.length, width: r.width, height: r.height };
}

/** Flags that only some animations read: given with another, they are refused rather than ignored. */
const FLAG_ANIMATIONS: Partial<Record<keyof AnimateFlags, readonly AnimationName[]>> = {
  params: ["cost-landscape"],
  ranges: ["cost-landscape"],
  mode: ["cost-landscape"],
  layer: ["hidden-morph", "rotate"],
  subject: ["rotate"],
};

export async function animateCommand(name: string, file: string, flags: AnimateFlags, print: (line: string) => void = console.log): Promise<void> {
  const anim = checkAnimationName(name);
  for (const [flag, names] of Object.entries(FLAG_ANIMATIONS) as [keyof AnimateFlags, readonly AnimationName[]][]) {
    if (flags[flag] !== undefined && !names.includes(anim)) throw new UserError(`--${flag} is for ${names.join(" and ")}, not ${anim}: leave it out`);
  }
  if (!flags.out && !flags.framesDir) throw new UserError(`say where to write the animation: --out file.gif and/or --frames-dir DIR`);
  if (flags.out) outputKind(flags.out, ["gif"] as const, "--out");
  checkOutputs([flags.out !== undefined && { flag: "--out", path: flags.out }, flags.framesDir !== undefined && { flag: "--frames-dir", path: flags.framesDir, folder: true }], [{ what: "experiment file", path: file }]);
  // Every frame is held as RGBA until the GIF is made: bounded before any work.
  const w = flags.width ?? 800;
  const h = flags.height ?? Math.round(w * 0.75);
  const count = flags.frames ?? DEFAULT_FRAMES;
  const need = count * w * h * 4 * (flags.framesDir ? 1.5 : 1);
  if (need > memoryBudget()) {
    throw new UserError(`${count} frames of ${w}×${h} px need about ${bytesText(need)} of memory, more than the ${bytesText(memoryBudget())} allowed: use fewer --frames or a smaller --width/--height`);
  }
  if (isRunJson(readJsonFile(file, "experiment file", { comments: true }))) throw new UserError(`${file} is a run file; animations train the experiment themselves (with snapshots at the frames' epochs): pass the experiment file`);
  const o: AnimateOptions & { epochs?: number; pngs?: boolean } = { ...viewOptions(flags), frames: flags.frames, epochs: flags.epochs, subject: flags.subject, pngs: !!flags.framesDir };
  const started = performance.now();
  const a = await makeAnimation(anim, file, o);
  // The GIF and the frames together, or nothing.
  const files: [string, Uint8Array][] = [...(flags.out ? [[flags.out, a.gif] as [string, Uint8Array]] : []), ...(flags.framesDir && a.pngs ? a.pngs.map(([n, png]): [string, Uint8Array] => [join(flags.framesDir!, n), png]) : [])];
  writeFilesAtomic("", files);
  const where = [flags.out, flags.framesDir && `${flags.framesDir}/ (${a.pngs?.length} PNGs)`].filter(Boolean).join(" and ");
  print(`${name}: ${a.frames} frames of ${a.width}×${a.height} in ${((performance.now() - started) / 1000).toFixed(1)} s, written to ${where}`);
}
