/** Copying part of one Float64Array into another, fast at every size. */

/** Below this many values a loop beats TypedArray.set, whose call costs more than a small copy. */
const SET_FROM = 256;

/**
 * to[at..at + length) = from[start..start + length), without making a subarray (training
 * allocates nothing per epoch). TypedArray.set for a whole array of more than a few hundred
 * values; by hand otherwise (a small network's parameters, a dozen rows, part of an array).
 */
export function copyValues(from: Float64Array, start: number, to: Float64Array, at: number, length: number): void {
  if (length > SET_FROM && start === 0 && at === 0 && length === from.length && length === to.length) to.set(from);
  else for (let i = 0; i < length; i++) to[at + i] = from[start + i];
}
