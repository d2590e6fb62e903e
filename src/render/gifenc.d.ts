// gifenc ships no types; these cover what render/gif.ts uses.
declare module "gifenc" {
  export type Palette = number[][];
  export interface GifStream {
    writeFrame(index: Uint8Array, width: number, height: number, opts?: { palette?: Palette; delay?: number; repeat?: number; first?: boolean; transparent?: boolean; transparentIndex?: number; dispose?: number }): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export interface Gifenc {
    GIFEncoder(opts?: { auto?: boolean; initialCapacity?: number }): GifStream;
    quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, opts?: { format?: "rgb565" | "rgb444" | "rgba4444" }): Palette;
    applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: "rgb565" | "rgb444" | "rgba4444"): Uint8Array;
    nearestColorIndex(palette: Palette, pixel: number[]): number;
  }
  // Node loads the CommonJS build (everything on `default`); bundlers the ESM build (named exports).
  const gifenc: Gifenc | Gifenc["GIFEncoder"];
  export default gifenc;
}
