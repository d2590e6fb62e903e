/**
 * A strict decimal number: optional sign, digits with an optional point, optional exponent
 * (`-1.5`, `.5`, `3.`, `2e-3`). Unlike `Number()`, rejects "", spaces, hex, `Infinity`, `NaN`.
 * Returns `undefined` for anything else.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}
