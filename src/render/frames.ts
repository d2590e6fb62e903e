/** Animation frames: SVG strings drawn one by one into RGBA pixels, then a GIF or numbered PNGs. */
import { encodeGif, type GifOptions } from "./gif.ts";
import { numberedName } from "./files.ts";
import { svgToRaster, svgToRasterAsync, type Raster, type RasterOptions } from "./png.ts";

/** What an animation produces: how many frames, and each frame's SVG on demand (frames can be big). */
export interface FrameSequence {
  count: number;
  svg(i: number): string;
  /** Time per frame (or each frame's) and for the last frame, in milliseconds. */
  delayMs?: number | readonly number[];
  lastDelayMs?: number;
}

export interface FramesOptions extends RasterOptions {
  /** Called after each frame is drawn (for a progress bar). */
  onFrame?: (done: number, total: number) => void;
}

export interface RenderedFrames {
  width: number;
  height: number;
  /** RGBA pixels of every frame. */
  frames: Uint8Array[];
  /** PNG of every frame, when asked for. */
  pngs: Uint8Array[] | null;
}

/**
 * Draws every frame while building the next: each frame's SVG is made here (JavaScript) and
 * rasterised on libuv's thread pool (Rust), a few frames in flight at once.
 */
export async function renderFramesAsync(seq: FrameSequence, o: FramesOptions & { pngs?: boolean; inFlight?: number } = {}): Promise<RenderedFrames> {
  const window = Math.max(1, o.inFlight ?? 4);
  const pending: Promise<Raster>[] = [];
  const done: Raster[] = [];
  const settle = async (): Promise<void> => {
    done.push(await pending[done.length]);
    o.onFrame?.(done.length, seq.count);
  };
  for (let i = 0; i < seq.count; i++) {
    pending.push(svgToRasterAsync(seq.svg(i), o));
    pending[i].catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
    while (pending.length - done.length >= window) await settle();
  }
  while (done.length < pending.length) await settle();
  return collect(done, !!o.pngs);
}

function collect(images: Raster[], pngs: boolean): RenderedFrames {
  if (!images.length) throw new RangeError("an animation needs at least one frame");
  const { width, height } = images[0];
  images.forEach((img, i) => {
    if (img.width !== width || img.height !== height) throw new RangeError(`frame ${i + 1} is ${img.width}×${img.height}, frame 1 was ${width}×${height}`);
  });
  return { width, height, frames: images.map((img) => img.data), pngs: pngs ? images.map((img) => img.png()) : null };
}

/** Draws every frame, one after the other; all frames share the first frame's size. */
export function renderFrames(seq: FrameSequence, o: FramesOptions & { pngs?: boolean } = {}): RenderedFrames {
  const images: Raster[] = [];
  for (let i = 0; i < seq.count; i++) {
    images.push(svgToRaster(seq.svg(i), o));
    o.onFrame?.(i + 1, seq.count);
  }
  return collect(images, !!o.pngs);
}

export function framesToGif(r: RenderedFrames, seq: Pick<FrameSequence, "delayMs" | "lastDelayMs">, o: GifOptions = {}): Uint8Array {
  return encodeGif(r.frames, r.width, r.height, { delayMs: seq.delayMs, lastDelayMs: seq.lastDelayMs, ...o });
}

/** The numbered PNG files of an animation: `[["frame-001.png", bytes], …]`. */
export function framePngFiles(r: RenderedFrames, prefix = "frame-"): [string, Uint8Array][] {
  if (!r.pngs) throw new RangeError("the frames were drawn without PNGs");
  return r.pngs.map((png, i) => [numberedName(prefix, i, r.pngs!.length, "png"), png]);
}
