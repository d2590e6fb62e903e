/**
 * Text metrics without a font engine: widths in DejaVu Sans, shortening and wrapping to a width.
 * Widths are counted in units of 0.6 em (a Latin glyph on average); a CJK character or full-width
 * sign takes a whole em, 5/3 of a unit (the Chinese page's pictures).
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const unitsOf = (c: string): number => (WIDE.test(c) ? 5 / 3 : 1);
const units = (chars: readonly string[]): number => chars.reduce((s, c) => s + unitsOf(c), 0);
/** How many units fit in `width` at `size`. */
const room = (width: number, size: number): number => Math.floor(width / (size * 0.6));

/** Approximate width of a line of text in DejaVu Sans. */
export function textWidth(s: string, size = 13): number {
  return units([...s]) * size * 0.6;
}

/** The first characters of `chars` that take at most `max` units. */
function fitting(chars: readonly string[], max: number): number {
  let used = 0;
  let k = 0;
  while (k < chars.length && used + unitsOf(chars[k]) <= max) used += unitsOf(chars[k++]);
  return k;
}

/** Shortens text to fit a width, with an ellipsis. */
export function fitText(s: string, width: number, size = 13): string {
  const max = room(width, size);
  const chars = [...s];
  return units(chars) <= max ? s : chars.slice(0, Math.max(1, fitting(chars, max - 1))).join("") + "…";
}

/**
 * Text that does not fit one line broken into two of about the same length (at the space nearest
 * its middle whose halves both fit), as a title is set; else as `wrapLines` breaks it.
 */
export function balancedLines(s: string, width: number, size = 13): string[] {
  const max = room(width, size);
  const total = units([...s]);
  if (total <= max) return [s];
  // Breaks: at a space (which goes), or after a Chinese character followed by another (Chinese has no spaces).
  let best: [string, string] | null = null;
  let bestOff = Infinity;
  for (let i = 1; i < s.length; i++) {
    const atSpace = s[i] === " ";
    if (!atSpace && !(WIDE.test(s[i - 1]) && WIDE.test(s[i]))) continue;
    const pair: [string, string] = [s.slice(0, i), s.slice(atSpace ? i + 1 : i)];
    const left = units([...pair[0]]);
    if (left > max || units([...pair[1]]) > max) continue;
    const off = Math.abs(left - total / 2);
    if (off < bestOff) [best, bestOff] = [pair, off];
  }
  return best ?? wrapLines(s, width, size, 2);
}

/**
 * Text broken into at most `maxLines` lines of `width`, preferring breaks after "; " then spaces
 * (Chinese, which has none: after its "；", "，" or "：", else where the line is full).
 */
export function wrapLines(s: string, width: number, size = 13, maxLines = 2): string[] {
  const max = room(width, size);
  const lines: string[] = [];
  let rest = s;
  while (units([...rest]) > max && lines.length < maxLines - 1) {
    const chars = [...rest];
    const fit = fitting(chars, max);
    // One character past the room, so that a space just after it is a break too.
    const head = chars.slice(0, fit + 1).join("");
    let cut = head.lastIndexOf("; ");
    // Chinese: after its own punctuation (the sign stays on the line), else at a space, else where the line is full.
    const mark = cut < max * 0.4 ? Math.max(head.lastIndexOf("；"), head.lastIndexOf("，"), head.lastIndexOf("：")) : -1;
    if (mark >= max * 0.4 || (mark > 0 && head.lastIndexOf(" ") <= 0)) {
      lines.push(rest.slice(0, mark + 1));
      rest = rest.slice(mark + 1);
      continue;
    }
    if (cut < max * 0.4) cut = head.lastIndexOf(" ");
    if (cut <= 0 && WIDE.test(head)) {
      const at = chars.slice(0, fit).join("").length;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at);
      continue;
    }
    if (cut <= 0) break;
    lines.push(rest.slice(0, cut + (rest[cut] === ";" ? 1 : 0)));
    rest = rest.slice(cut + (rest[cut] === ";" ? 2 : 1));
  }
  lines.push(fitText(rest, width, size));
  return lines;
}
