/** Decoders for what the renderer writes: PNG (pngjs) and GIF (omggif), both pure JavaScript. */
import { GifReader } from "omggif";
import { PNG } from "pngjs";

export interface Decoded {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(bytes: Uint8Array): Decoded {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

export function decodeGif(bytes: Uint8Array): { width: number; height: number; loop: number | null; delays: number[]; frames: Uint8Array[] } {
  const gif = new GifReader(bytes);
  const frames: Uint8Array[] = [];
  const delays: number[] = [];
  for (let i = 0; i < gif.numFrames(); i++) {
    // Frames are drawn over the previous one (disposal 1: transparent pixels show what was there).
    const px = i > 0 && gif.frameInfo(i - 1).disposal === 1 ? frames[i - 1].slice() : new Uint8Array(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(i, px);
    frames.push(px);
    delays.push(gif.frameInfo(i).delay * 10);
  }
  return { width: gif.width, height: gif.height, loop: gif.loopCount(), delays, frames };
}

export function pixel(img: Decoded, x: number, y: number): [number, number, number, number] {
  const k = 4 * (Math.round(y) * img.width + Math.round(x));
  return [img.data[k], img.data[k + 1], img.data[k + 2], img.data[k + 3]];
}
