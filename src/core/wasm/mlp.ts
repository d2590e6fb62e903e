/**
 * The fast path of a dense network's passes, as the engine's layers use it: plans (./plan/plan.ts:
 * buffers in WebAssembly memory, kernels specialised to the layer widths), the workspaces that
 * own them (./plan/workspaces.ts), and the default engine's settings as functions.
 *
 * A plan belongs to an engine (./engine.ts): its memory, helper thread and settings. Knobs are
 * the engine's methods (`setThreads(1 | 2)`, `setFusedMultiplyAdd(on)`; `setFastKernels(on)`,
 * `setSplitThreshold` and `setColumnListMinWidth`, with which tests pick kernels); the functions
 * of the same names here set the default engine's. `releaseWorkspace(ws)` hands a workspace's
 * memory back at once.
 */
import { defaultEngine } from "./engine.ts";

export { COLUMN_LIST_MIN_WIDTH, WORKSPACE_LIMIT, createEngine, defaultEngine, Engine, type EngineOptions } from "./engine.ts";
export { blockRows, maxPlanRows, MlpPlan, type PlanOptions } from "./plan/plan.ts";
export { planLayout, type PlanLayer, type PlanLayout } from "./plan/layout.ts";
export { FUSED_ACTIVATIONS, fusedActivation, type FusedActivation } from "./kernels/index.ts";
export { attachPlan, planFor, releaseWorkspace, type WorkspaceArrays } from "./plan/workspaces.ts";

// The default engine's settings, as functions (what code that names no engine, and the tests, call).

/** The narrowest side the column-list dW kernels run along (tests set 0 or Infinity to pick them or not). */
export function setColumnListMinWidth(width: number): void {
  defaultEngine().setColumnListMinWidth(width);
}

/** Lowers (or restores, with no argument) the memory workspaces may hold; for tests of the limit. */
export function setWorkspaceLimit(bytes?: number): void {
  defaultEngine().setWorkspaceLimit(bytes);
}

/** Turns the WebAssembly kernels on or off for workspaces made afterwards (tests compare both). */
export function setFastKernels(on: boolean): void {
  defaultEngine().setFastKernels(on);
}

/** 1 or 2 threads for the default engine's workspaces (see `Engine.setThreads`). */
export function setThreads(count: 1 | 2): void {
  defaultEngine().setThreads(count);
}

export function getThreads(): number {
  return defaultEngine().threads;
}

/** The least work (dense multiply-adds per forward pass) shared between two threads; 0: share every pass, unmeasured (tests). */
export function setSplitThreshold(work: number): void {
  defaultEngine().setSplitThreshold(work);
}

/** Opt-in fused multiply-adds for the default engine (see `Engine.setFusedMultiplyAdd`). */
export function setFusedMultiplyAdd(on: boolean): boolean {
  return defaultEngine().setFusedMultiplyAdd(on);
}

export function getFusedMultiplyAdd(): boolean {
  return defaultEngine().fusedMultiplyAdd;
}

export function fastKernelsAvailable(): boolean {
  return defaultEngine().fastKernelsAvailable();
}

/** Whether a helper thread can run (starting it if it is not running yet). */
export function helperThreadAvailable(): boolean {
  return defaultEngine().helperThreadAvailable();
}
