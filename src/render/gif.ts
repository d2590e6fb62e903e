/** RGBA frames → an animated GIF: the encoder lives in src/viz (pure JavaScript), so the page's worker encodes with it too. */
export { encodeGif, type GifOptions } from "../viz/gif.ts";
