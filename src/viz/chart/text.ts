/** Text metrics without a font engine: widths in DejaVu Sans, shortening and wrapping to a width. */

/** Approximate width of a line of text in DejaVu Sans (wide glyphs: ~0.6 em on average). */
export function textWidth(s: string, size = 13): number {
  return [...s].length * size * 0.6;
}

/** Shortens text to fit a width, with an ellipsis. */
export function fitText(s: string, width: number, size = 13): string {
  const max = Math.floor(width / (size * 0.6));
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

/**
 * Text that does not fit one line broken into two of about the same length (at the space nearest
 * its middle whose halves both fit), as a title is set; else as `wrapLines` breaks it.
 */
export function balancedLines(s: string, width: number, size = 13): string[] {
  const max = Math.floor(width / (size * 0.6));
  if ([...s].length <= max) return [s];
  let best = -1;
  for (let i = s.indexOf(" "); i > 0; i = s.indexOf(" ", i + 1)) {
    if ([...s.slice(0, i)].length <= max && [...s.slice(i + 1)].length <= max && (best < 0 || Math.abs(i - s.length / 2) < Math.abs(best - s.length / 2))) best = i;
  }
  return best < 0 ? wrapLines(s, width, size, 2) : [s.slice(0, best), s.slice(best + 1)];
}

/** Text broken into at most `maxLines` lines of `width`, preferring breaks after "; " then spaces. */
export function wrapLines(s: string, width: number, size = 13, maxLines = 2): string[] {
  const max = Math.floor(width / (size * 0.6));
  const lines: string[] = [];
  let rest = s;
  while ([...rest].length > max && lines.length < maxLines - 1) {
    const head = rest.slice(0, max + 1);
    let cut = head.lastIndexOf("; ");
    if (cut < max * 0.4) cut = head.lastIndexOf(" ");
    if (cut <= 0) break;
    lines.push(rest.slice(0, cut + (rest[cut] === ";" ? 1 : 0)));
    rest = rest.slice(cut + (rest[cut] === ";" ? 2 : 1));
  }
  lines.push(fitText(rest, width, size));
  return lines;
}
