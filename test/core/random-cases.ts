/**
 * The random cases the kernel and pass tests draw: matrix sizes with a share of exact zeros, and
 * small networks (widths, activations, an output with its loss) with seeded parameters and data.
 */
import fc from "fast-check";
import { GlassboxRandom } from "../../src/core/random.ts";
import type { ActivationName } from "../../src/nn/activations.ts";
import type { LossName } from "../../src/nn/losses.ts";
import { createNetwork } from "../../src/nn/network.ts";

/** Any seed of the project's generators. */
export const seedArbitrary = (): fc.Arbitrary<number> => fc.integer({ min: 1, max: 2 ** 31 - 1 });

/**
 * The fields of a random shape for `fc.record`: each size a whole number in its [min, max] (in
 * the order given), the share of entries that are exact zeros, and a seed.
 */
export function shapeFields<K extends string>(sizes: Record<K, readonly [number, number]>, zeros: readonly number[]) {
  const fields = {} as Record<K, fc.Arbitrary<number>>;
  for (const key of Object.keys(sizes) as K[]) fields[key] = fc.integer({ min: sizes[key][0], max: sizes[key][1] });
  return { ...fields, zeros: fc.constantFrom(...zeros), seed: seedArbitrary() };
}

export interface NetworkCases {
  /** Widths from 1 to this, input first … */
  maxWidth: number;
  /** … in lists of this many. */
  widths: readonly [number, number];
  /** Hidden activations, drawn `activations` at a time. */
  hidden: readonly ActivationName[];
  activations: number;
  outputs: readonly [ActivationName, LossName][];
}

/** The arbitraries of a random network, for `fc.property`: a seed, the widths, the hidden activations and the output. */
export function networkArbitraries(c: NetworkCases) {
  return [
    seedArbitrary(),
    fc.array(fc.integer({ min: 1, max: c.maxWidth }), { minLength: c.widths[0], maxLength: c.widths[1] }),
    fc.array(fc.constantFrom(...c.hidden), { minLength: c.activations, maxLength: c.activations }),
    fc.constantFrom(...c.outputs),
  ] as const;
}

/**
 * A network of these widths (input first) and hidden activations (cycled), then `out` (3 softmax
 * units, else 1 or 2 by the seed's parity), with a tenth of its parameters exact zeros and the
 * rest normal × `scale`; n rows of inputs, a fifth of them zeros, and targets that fit the output.
 */
export function randomProblem(seed: number, widths: number[], acts: ActivationName[], out: [ActivationName, LossName], n: number, scale: number) {
  const rng = new GlassboxRandom(seed);
  const units = out[0] === "softmax" ? 3 : 1 + (seed % 2);
  const specs = [...widths.slice(1).map((u, i) => ({ units: u, activation: acts[i % acts.length] })), { units, activation: out[0] }];
  const net = createNetwork(widths[0], specs, out[1]);
  for (let i = 0; i < net.params.length; i++) net.params[i] = rng.random() < 0.1 ? 0 : rng.normal() * scale;
  const X = Float64Array.from({ length: n * widths[0] }, () => (rng.random() < 0.2 ? 0 : rng.normal()));
  const Y = new Float64Array(n * units);
  for (let i = 0; i < n; i++) {
    if (out[0] === "softmax") Y[i * units + rng.interval(units - 1)] = 1;
    else for (let k = 0; k < units; k++) Y[i * units + k] = out[1] === "binary-crossentropy" ? rng.interval(1) : rng.normal();
  }
  return { net, X, Y, n };
}
