/**
 * Which workspace owns which plan: a workspace (../../../nn/propagation.ts) whose hidden buffers
 * live in a plan's WebAssembly memory is tied to it here, and hands the memory back with
 * `releaseWorkspace`.
 */
import { fusedActivation } from "../kernels/index.ts";
import { fusedOf } from "./layout.ts";
import type { MlpPlan } from "./plan.ts";

const plans = new WeakMap<object, MlpPlan>();

/** Ties a plan to the workspace whose buffers it owns. */
export function attachPlan(owner: object, plan: MlpPlan): void {
  plans.set(owner, plan);
}

/** The plan of a workspace, if it has one and it fits these layers (else the plain kernels run). */
export function planFor(owner: object, layers: readonly { inputSize: number; units: number; activation: string }[]): MlpPlan | null {
  const plan = plans.get(owner);
  if (!plan) return null;
  const mine = plan.layers;
  if (mine.length !== layers.length) return null;
  for (let i = 0; i < mine.length; i++) {
    const l = layers[i];
    if (mine[i].inputSize !== l.inputSize || mine[i].units !== l.units) return null;
    // (the same activation as the plan was made for is the usual case: no lookup then)
    if (mine[i].activation !== l.activation && fusedOf(mine[i]) !== fusedActivation(l.activation)) return null;
  }
  return plan;
}

/** The arrays of a workspace that may live in WebAssembly memory. */
export interface WorkspaceArrays {
  readonly Z: Float64Array[];
  readonly A: Float64Array[];
  readonly dZ: Float64Array[];
  readonly dA: Float64Array[];
}

/**
 * Gives a workspace's WebAssembly memory back at once, instead of when the garbage collector has
 * found the workspace unreachable (which a synchronous loop never gives it time to report). Its
 * arrays are replaced by ordinary copies, so the workspace stays usable, with the plain kernels.
 * For code that makes workspaces for one call (training, prediction, a trace), at its end.
 */
export function releaseWorkspace(ws: WorkspaceArrays): void {
  const plan = plans.get(ws);
  if (!plan) return;
  plans.delete(ws);
  for (const key of ["Z", "A", "dZ", "dA"] as const) {
    const list = ws[key];
    for (let l = 0; l < list.length; l++) if (list[l] === plan[key][l]) list[l] = list[l].slice();
  }
  plan.free();
}
