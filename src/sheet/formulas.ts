/**
 * The formula pieces both the step sheets and the live descent rows write: an activation and its
 * slope, the loss's gradient, the fused output gradient and the reported loss, each from its
 * registry entry.
 */
import { activation, type ActivationName } from "../nn/activations.ts";
import { loss as lossOf, type LossName } from "../nn/losses.ts";

/** f(z) as a formula: the activation's registry entry's. */
export function activationFormula(name: ActivationName, z: string, row: string | null): string {
  return activation(name).spreadsheet.value(z, row);
}

export function slopeFormula(name: ActivationName, z: string, a: string): string {
  const slope = activation(name).spreadsheet.slope;
  if (!slope) throw new Error(`sheet: no slope for ${name}`);
  return slope(z, a);
}

/** dA[L] = s·∂ℓ/∂A, as the trace shows it: the loss's registry entry's formula. */
export function lossGradient(name: LossName, a: string, y: string, m: number, s: string): string {
  return lossOf(name).spreadsheet.gradient(a, y, m, s);
}

/** dZ[L] in the fused form s·(A − Y) (÷ outputs where the loss is a mean over them): the loss's registry entry's formula. */
export function fusedFormula(name: LossName, a: string, y: string, m: number, s: string): string {
  const fused = lossOf(name).fusedSpreadsheet;
  if (!fused) throw new Error(`sheet: ${name} has no fused output gradient`);
  return fused(a, y, m, s);
}

/**
 * The reported loss: (Σℓᵢ + ½·l2·Σ‖W‖² + l1·Σ|W|), divided by n unless the loss reports a sum.
 * `pairs` are (A, Y) ranges of the same shape covering every output.
 */
export function lossFormula(name: LossName, pairs: [string, string][], m: number, W: string[], c: { l2: string; l1: string; n: string }): string {
  const sum = (f: (a: string, y: string) => string): string => pairs.map(([a, y]) => `SUMPRODUCT(${f(a, y)})`).join("+");
  const total = lossOf(name).spreadsheet.total(sum, m);
  const penalties = `${c.l2}/2*SUMSQ(${W.join(",")})+${c.l1}*(${W.map((w) => `SUMPRODUCT(ABS(${w}))`).join("+")})`;
  return lossOf(name).reportsSum ? `${total}+${penalties}` : `(${total}+${penalties})/${c.n}`;
}

/** A formula wrapped in brackets unless it is one reference or number. */
export const paren = (f: string): string => (/^[\w$.]+$/.test(f) ? f : `(${f})`);
