/**
 * The one font every picture is drawn with, shipped in the repository (assets/fonts, DejaVu Sans,
 * Bitstream Vera licence) and loaded explicitly, so a PNG is the same on every machine.
 */
import { fileURLToPath } from "node:url";

export const FONT_FAMILY = "DejaVu Sans";
export const FONT_FILE = fileURLToPath(new URL("../../assets/fonts/DejaVuSans.ttf", import.meta.url));

/** resvg's font options: only the bundled font; every generic family maps to it. */
export function fontOptions() {
  return {
    fontFiles: [FONT_FILE],
    loadSystemFonts: false,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
    serifFamily: FONT_FAMILY,
    monospaceFamily: FONT_FAMILY,
    cursiveFamily: FONT_FAMILY,
    fantasyFamily: FONT_FAMILY,
  };
}
