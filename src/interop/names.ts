/**
 * Each interop format's names for Glassbox's activations and losses, read from the registries'
 * entries (an activation's `interop`, a loss's `torch`), so a new entry brings its own names: the
 * name to write for an entry, refused with a UserError where the format has none, and the
 * activation each of a format's names reads as, in registry order.
 */
import { UserError } from "../core/errors.ts";
import { activation, ACTIVATION_NAMES, type ActivationName } from "../nn/activations.ts";
import type { ActivationInterop } from "../nn/activations/activation.ts";
import { loss, type LossName } from "../nn/losses.ts";

export type InteropFormat = keyof ActivationInterop;

const FORMAT_TITLES: Record<InteropFormat, string> = { onnx: "ONNX", keras: "TensorFlow.js", sklearn: "scikit-learn", torch: "PyTorch" };

/** An activation's name in a format; `where` places the refusal when the format has none. */
export function interopName<F extends InteropFormat>(format: F, name: ActivationName, where?: string): Exclude<ActivationInterop[F], undefined> {
  const named = activation(name).interop[format];
  if (named === undefined) throw new UserError(`the activation ${name} has no ${FORMAT_TITLES[format]} equivalent, so the model cannot be exported there`, where);
  return named as Exclude<ActivationInterop[F], undefined>;
}

/** Σᵢ ℓᵢ of a loss in the exported PyTorch script (the loss entry's `torch`). */
export function torchLoss(name: LossName, where?: string): string {
  const expression = loss(name).torch;
  if (expression === undefined) throw new UserError(`the loss ${name} has no PyTorch equivalent written yet, so the experiment cannot be exported`, where);
  return expression;
}

/** The activations a format reads, by the format's names for them (none where `nameOf` gives null). */
function readAs(nameOf: (names: ActivationInterop) => string | null | undefined, order: readonly ActivationName[] = ACTIVATION_NAMES): ReadonlyMap<string, ActivationName> {
  return new Map(order.flatMap((n) => {
    const named = nameOf(activation(n).interop);
    return named == null ? [] : [[named, n] as const];
  }));
}

/** ONNX operators that are a layer's activation (linear has none: the Gemm alone). */
export const ONNX_ACTIVATIONS = readAs((i) => i.onnx);
/** Keras' and TensorFlow.js' activation names. */
export const KERAS_ACTIVATIONS = readAs((i) => i.keras);
/** scikit-learn's `activation` values (all the hidden layers'). */
export const SKLEARN_HIDDEN = readAs((i) => (i.sklearn?.hidden ? i.sklearn.name : null));
/** scikit-learn's `out_activation_` values: the classifiers' outputs, then the regressor's. */
export const SKLEARN_OUTPUT = readAs(
  (i) => (i.sklearn?.output ? i.sklearn.name : null),
  [...ACTIVATION_NAMES].sort((a, b) => Number(activation(a).task === "regression") - Number(activation(b).task === "regression")),
);
