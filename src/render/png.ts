/** SVG → PNG or RGBA pixels with resvg (a real SVG rasteriser, prebuilt, no system libraries). */
import { renderAsync, Resvg, type RenderedImage, type ResvgRenderOptions } from "@resvg/resvg-js";
import { fontOptions } from "./font.ts";

export interface RasterOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Default: the SVG's own size. */
  width?: number;
  /** Any CSS colour; default white (GIF frames have no transparency). */
  background?: string;
}

/** RGBA pixels, row by row from the top, 4 bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function resvgOptions(o: RasterOptions): ResvgRenderOptions {
  return {
    font: fontOptions(),
    background: o.background ?? "white",
    fitTo: o.width ? { mode: "width", value: Math.round(o.width) } : { mode: "original" },
    logLevel: "off",
  };
}

function resvg(svg: string, o: RasterOptions): Resvg {
  return new Resvg(svg, resvgOptions(o));
}

export function svgToPng(svg: string, o: RasterOptions = {}): Uint8Array {
  const png = resvg(svg, o).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

export function svgToRgba(svg: string, o: RasterOptions = {}): RgbaImage {
  return svgToRaster(svg, o);
}

export type Raster = RgbaImage & { png(): Uint8Array };

/** One rasterisation, read as pixels and, when wanted, as a PNG (without drawing twice). */
export function svgToRaster(svg: string, o: RasterOptions = {}): Raster {
  return rasterOf(resvg(svg, o).render());
}

/** The same on a worker thread of libuv's pool, so the next frame can be built meanwhile. */
export async function svgToRasterAsync(svg: string, o: RasterOptions = {}): Promise<Raster> {
  return rasterOf(await renderAsync(svg, resvgOptions(o)));
}

function rasterOf(image: RenderedImage): Raster {
  const px = image.pixels;
  return {
    width: image.width,
    height: image.height,
    data: new Uint8Array(px.buffer, px.byteOffset, px.byteLength),
    png: () => {
      const png = image.asPng();
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    },
  };
}
