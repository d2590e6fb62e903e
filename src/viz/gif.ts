/**
 * RGBA frames → an animated GIF with gifenc (tiny, pure JavaScript, fast). One palette is shared
 * by every frame by default: colours stay put from frame to frame (no flicker), each pixel's
 * palette index is looked up once per distinct colour for the whole animation, and a pixel that
 * did not change since the previous frame is written as transparent (the frame is drawn over the
 * previous one), which makes the many still parts of a chart — axes, labels — nearly free.
 * Pure JavaScript, no Node: `glassbox animate` (src/render) and the page's training GIF (its
 * worker) encode with it.
 */
import * as gifencModule from "gifenc";
import type { Gifenc, Palette } from "gifenc";

export interface GifOptions {
  /** Time each frame is shown, in milliseconds (GIF stores hundredths), or one per frame. Default 80. */
  delayMs?: number | readonly number[];
  /** The last frame's delay, to let the final picture sink in. Default: delayMs. */
  lastDelayMs?: number;
  /** true (default): play forever; false: once; a number: that many repeats. */
  loop?: boolean | number;
  /** "shared" (default): one palette from a sample of all frames; "per-frame": each frame its own. */
  palette?: "shared" | "per-frame";
}

// Node loads gifenc's CommonJS build (all on `default`), Vite its ESM build (named exports).
const lib = ("GIFEncoder" in gifencModule ? gifencModule : (gifencModule as { default: Gifenc }).default) as Gifenc;
const { GIFEncoder, quantize, applyPalette, nearestColorIndex } = lib;

export function encodeGif(frames: readonly Uint8Array[], width: number, height: number, o: GifOptions = {}): Uint8Array {
  if (frames.length === 0) throw new RangeError("a GIF needs at least one frame");
  for (const f of frames) {
    if (f.length !== width * height * 4) throw new RangeError(`a frame has ${f.length} bytes, expected ${width}×${height}×4`);
  }
  const repeat = o.loop === undefined || o.loop === true ? 0 : o.loop === false ? -1 : o.loop;
  const gif = GIFEncoder({ initialCapacity: width * height * frames.length });
  if ((o.palette ?? "shared") === "shared") {
    // 255 colours and one "unchanged" index; the table is padded to 256 entries.
    const palette = quantize(sampleFrames(frames), 255);
    const lookup = paletteLookup(palette);
    const clear = palette.length;
    const table = [...palette, ...Array.from({ length: 256 - palette.length }, () => [255, 255, 255])];
    let previous: Uint8Array | null = null;
    frames.forEach((f, i) => {
      const index = lookup(f);
      const shown = index.slice();
      if (previous) for (let p = 0; p < index.length; p++) if (index[p] === previous[p]) index[p] = clear;
      previous = shown;
      // dispose 1: keep this frame in place, the next is drawn over it.
      gif.writeFrame(index, width, height, { palette: i === 0 ? table : undefined, delay: delayOf(i), repeat, transparent: i > 0, transparentIndex: clear, dispose: 1 });
    });
  } else {
    frames.forEach((f, i) => {
      const rgba = aligned(f);
      const palette = quantize(rgba, 256);
      gif.writeFrame(applyPalette(rgba, palette), width, height, { palette, delay: delayOf(i), repeat });
    });
  }
  gif.finish();
  return gif.bytes();

  function delayOf(i: number): number {
    if (i === frames.length - 1 && o.lastDelayMs !== undefined) return o.lastDelayMs;
    const d = o.delayMs ?? 80;
    return typeof d === "number" ? d : (d[i] ?? 80);
  }
}

/** Every pixel of up to 16 evenly spaced frames (subsampled), as one RGBA strip for the quantizer. */
function sampleFrames(frames: readonly Uint8Array[]): Uint8Array {
  const picks = Math.min(frames.length, 16);
  const chosen = Array.from({ length: picks }, (_, k) => frames[Math.round((k * (frames.length - 1)) / Math.max(1, picks - 1))]);
  const pixels = frames[0].length / 4;
  const stride = Math.max(1, Math.floor((pixels * picks) / 400_000)); // about 400k pixels in all
  const out = new Uint8Array(Math.ceil(pixels / stride) * picks * 4);
  let o = 0;
  for (const f of chosen) {
    for (let p = 0; p < pixels; p += stride, o += 4) {
      out[o] = f[4 * p];
      out[o + 1] = f[4 * p + 1];
      out[o + 2] = f[4 * p + 2];
      out[o + 3] = 255;
    }
  }
  return out.subarray(0, o);
}

/** Maps RGBA pixels to palette indices, remembering each rgb565 colour's nearest entry across frames. */
function paletteLookup(palette: Palette): (rgba: Uint8Array) => Uint8Array {
  const cache = new Int16Array(65536).fill(-1);
  return (rgba) => {
    const n = rgba.length / 4;
    const index = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const r = rgba[4 * i];
      const g = rgba[4 * i + 1];
      const b = rgba[4 * i + 2];
      const key = ((r << 8) & 0xf800) | ((g << 3) & 0x07e0) | (b >> 3);
      let k = cache[key];
      if (k < 0) k = cache[key] = nearestColorIndex(palette, [r, g, b]);
      index[i] = k;
    }
    return index;
  };
}

/** gifenc reads pixels through a Uint32Array over the whole buffer: give it a buffer of its own. */
function aligned(f: Uint8Array): Uint8Array {
  return f.byteOffset === 0 && f.byteLength === f.buffer.byteLength ? f : f.slice();
}
