/** What the property tests throw at the parsers: any small JSON value, and a file with one value replaced or removed. */
import fc from "fast-check";

/** Every value a JSON file can hold, small (integers up to `maxInt`, strings and keys of bounded length). */
export function jsonValue(o: { maxInt: number; maxString: number; maxKey: number }): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.double(), fc.integer({ min: -3, max: o.maxInt }), fc.string({ maxLength: o.maxString }), tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: o.maxKey }), tie("value"), { maxKeys: 4 }),
  })).value;
}

/** Replaces the value at a path of `json` chosen by `pick` with `v` (or deletes it). */
export function mutate(json: unknown, pick: number[], v: unknown, remove: boolean): unknown {
  if (pick.length === 0 || json === null || typeof json !== "object") return v;
  const keys = Object.keys(json as object);
  if (keys.length === 0) return v;
  const key = keys[pick[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(json) ? [...json] : { ...(json as object) };
  if (pick.length === 1 && remove && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string, unknown>)[key] = mutate((json as Record<string, unknown>)[key], pick.slice(1), v, remove);
  return copy;
}
