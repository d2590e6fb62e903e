/**
 * The lookups every name-keyed registry of nn/ gives (activations, losses): its names in order,
 * whether a value is one of them, and the entry of a name, so each registry is its table alone.
 */
export interface Registry<N extends string, E> {
  /** In registry order. */
  readonly names: readonly N[];
  has(name: unknown): name is N;
  /** The entry of `name`; an unknown name (from a caller that skipped validation) is a bug. */
  entry(name: N): E;
}

/** The lookups of `table`; `kind` names an entry in the message for an unknown name. */
export function registry<T extends Record<string, unknown>>(kind: string, table: T): Registry<keyof T & string, T[keyof T]> {
  return {
    names: Object.keys(table) as (keyof T & string)[],
    has: (name: unknown): name is keyof T & string => typeof name === "string" && Object.hasOwn(table, name),
    entry(name) {
      const e = table[name];
      if (!e) throw new Error(`unknown ${kind} "${name}"`);
      return e;
    },
  };
}
