/** `steps`: one training iteration step by step, each computed matrix beside its sources. */
import { defineView } from "../view.ts";

export interface StepsViewOptions {
  /** steps: which step to draw (1-based, default 1); stepScenes gives them all. */
  step?: number;
  /** steps: "article" (the twelve-steps article's numbering, where the trace fits it) or "trace" (every computed matrix). */
  stepsLayout?: "article" | "trace";
  /** steps: the highlighted cell of the computed matrix, [row, col] (default [0, 0]). */
  cell?: [number, number];
}

export const steps = defineView({
  name: "steps",
  options: ["step", "stepsLayout", "cell"],
  needs: { trained: false, trace: true },
  page: { tab: "steps", order: 5 },
  applies: ({ trace }) => (trace ? null : `"steps" needs a trace`),
});
