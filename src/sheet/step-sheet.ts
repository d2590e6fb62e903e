/**
 * The forward and backward sheets: the trace's steps in its order, one block per named matrix
 * with its name and formula above it, every cell a formula over the blocks it comes from, and a
 * step selector that colours the chosen block and its sources.
 */
import type { TraceStep } from "../nn/trace.ts";
import { PALETTE, tint } from "../viz/palette.ts";
import { addBlock, addSheet, BACKWARD, FORWARD, type Block, type StepContext } from "./book.ts";
import { a1, range, type SheetSpec } from "./cells.ts";
import { stepFormula } from "./step-formula.ts";

const COLORS = { result: tint(PALETTE.highlight, 0.35), source: tint(PALETTE.source, 0.35) };

/** Both sheets, the steps numbered across them (the given matrices unnumbered). */
export function stepSheets(ctx: StepContext): void {
  const t = ctx.trace;
  let number = 0;
  const numbered = new Map<string, number>();
  for (const s of t.steps) if (s.phase !== "given") numbered.set(s.name, ++number);
  stepSheet(ctx, addSheet(ctx.book, FORWARD), t.steps.filter((s) => s.phase !== "backward" && s.phase !== "update"), numbered, "Forward pass: one iteration, matrix by matrix");
  stepSheet(ctx, addSheet(ctx.book, BACKWARD), t.steps.filter((s) => s.phase === "backward" || s.phase === "update"), numbered, "Backward pass and update: the gradients, then the new parameters");
}

const SAMPLE_SHAPED = /^(A\d+|Y|Z\d+|dA\d+|f'\(Z\d+\)|dZ\d+)$/;

/** Lays out one sheet of steps: parameter-shaped blocks in a band on top, sample-shaped below. */
function stepSheet(ctx: StepContext, s: SheetSpec, steps: TraceStep[], numbered: Map<string, number>, title: string): void {
  const { book } = ctx;
  s.set(1, 1, { v: title, style: "title" });
  const mine = steps.filter((x) => numbered.has(x.name));
  s.set(2, 1, { v: "highlight step", style: "label" });
  s.set(2, 2, { v: numbered.get(mine[0].name)!, style: "step" });
  s.set(2, 3, { v: mine.map((x) => `${numbered.get(x.name)} ${x.name}`).join("  ·  ") + "   (type a number: the step turns orange, what it is computed from blue)", style: "note" });
  s.set(3, 1, { v: "Every cell is a formula over the cells it comes from; the formula in the step-by-step notation is written above each block.", style: "note" });
  s.width(1, 11);
  s.freeze = { rows: 3, cols: 0 };

  const top = steps.filter((x) => !SAMPLE_SHAPED.test(x.name));
  const bottom = steps.filter((x) => SAMPLE_SHAPED.test(x.name));
  const bandTop = 5;
  const topRows = Math.max(0, ...top.map((x) => x.value.length));
  const bandBottom = top.length ? bandTop + 2 + topRows + 2 : bandTop;
  const place = (band: TraceStep[], r0: number): void => {
    let col = 2;
    for (const step of band) {
      const rows = step.value.length;
      const cols = step.value[0].length;
      const block: Block = { name: step.name, sheet: s.name, row: r0 + 2, col, rows, cols, step: numbered.get(step.name) ?? null };
      addBlock(book, block);
      const head = block.step === null ? `${step.name}: ${step.title}` : `${block.step}. ${step.name}: ${step.title}`;
      s.set(r0, col, { v: head, style: "name" });
      s.set(r0 + 1, col, { v: step.formula, style: "formula" });
      if (cols > 1) {
        s.merges.push(range(r0, col, r0, col + cols - 1));
        s.merges.push(range(r0 + 1, col, r0 + 1, col + cols - 1));
      }
      for (let c = 0; c < cols; c++) s.width(col + c, cols === 1 ? 22 : cols === 2 ? 12 : 9);
      col += cols + 1;
    }
    s.heights.set(r0, 46);
    s.heights.set(r0 + 1, 46);
  };
  if (top.length) place(top, bandTop);
  if (bottom.length) {
    place(bottom, bandBottom);
    s.set(bandBottom + 1, 1, { v: "sample", style: "header" });
    for (let i = 0; i < ctx.trace.samples; i++) s.set(bandBottom + 2 + i, 1, { v: i + 1, style: "label" });
  }

  // Cells: formulas over the source blocks.
  for (const step of steps) {
    const b = book.blocks.get(step.name)!;
    for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) s.set(b.row + i, b.col + j, { f: stepFormula(ctx, step, i, j, s.name), style: step.phase === "given" ? "linked" : "value" });
  }

  // Highlights: the chosen step orange, the blocks it is computed from (on this sheet) blue.
  const selector = a1(2, 2, true);
  for (const step of steps) {
    const b = book.blocks.get(step.name)!;
    const area = range(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1);
    if (b.step !== null) s.highlights.push({ range: area, formula: `${selector}=${b.step}`, fill: COLORS.result });
    const users = mine.filter((x) => x.inputs.includes(step.name)).map((x) => numbered.get(x.name)!);
    if (users.length) s.highlights.push({ range: area, formula: users.length === 1 ? `${selector}=${users[0]}` : `OR(${users.map((u) => `${selector}=${u}`).join(",")})`, fill: COLORS.source });
  }
}
