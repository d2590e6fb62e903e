/** A scene's title and subtitle. */
import { PALETTE } from "../palette.ts";
import type { Mark } from "../scene.ts";
import { balancedLines, wrapLines } from "./text.ts";

/** The title (and optional subtitle) of a scene; returns the y below them. */
export function titleMarks(title: string, width: number, subtitle?: string, big = false): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  const ts = big ? 24 : 18;
  const ss = big ? 19 : 13;
  let y = 10;
  if (title) {
    // A title too long for a narrow picture (a phone's, the page's side column) wraps onto a second line, then is shortened.
    for (const line of balancedLines(title, width - 20, ts)) {
      marks.push({ type: "text", x: width / 2, y: y + ts, text: line, size: ts, weight: "bold", anchor: "middle", fill: PALETTE.ink, role: "title" });
      y += ts + 4;
    }
    y += 6;
  }
  if (subtitle) {
    // A long subtitle wraps (at a "; " if there is one) onto up to three lines, then is shortened.
    for (const line of wrapLines(subtitle, width - 20, ss, 3)) {
      marks.push({ type: "text", x: width / 2, y: y + ss + 1, text: line, size: ss, anchor: "middle", fill: big ? PALETTE.ink : PALETTE.muted, role: "subtitle" });
      y += ss + 5;
    }
    y += 4;
  }
  return { marks, bottom: y + 4 };
}
