import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { blankComments, JsonSyntaxError, parseJsonText } from "../../src/experiment/json-text.ts";

function error(text: string, comments = false): JsonSyntaxError {
  try {
    parseJsonText(text, { comments });
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe("JSON texts", () => {
  it("gives the same values as JSON.parse for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, comments) => {
        const text = JSON.stringify(v, null, 2);
        expect(parseJsonText(text, { comments })).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it("reports a mistake by line and column, with what was expected", () => {
    const e = error('{\n  "a": 1,\n  "b": [1, 2}\n}');
    expect([e.line, e.column]).toEqual([3, 13]);
    expect(e.reason).toBe('expected "," or "]" after an array element, found "}"');
    expect(e.atEnd).toBe(false);
    expect(error('{\n "a": tru\n}').reason).toMatch(/^expected a value .*found "tru"$/);
    const missingColon = error('{"a" 1}');
    expect([missingColon.line, missingColon.column, missingColon.reason]).toEqual([1, 6, 'expected ":" after the property name, found "1"']);
  });

  it("says when the text ends too early (a file cut short)", () => {
    const e = error('{\n  "a": [1, 2');
    expect([e.line, e.column, e.atEnd]).toEqual([2, 13, true]);
    expect(e.reason).toContain("found the end of the file");
  });

  it("accepts comments and trailing commas only where asked, keeping every other position", () => {
    const text = '{\n  // the data\n  "a": 1, /* one */\n  "b": [1, 2,],\n  "c": "// not a comment /* nor this */",\n}';
    expect(parseJsonText(text, { comments: true })).toEqual({ a: 1, b: [1, 2], c: "// not a comment /* nor this */" });
    const strict = error(text);
    expect([strict.line, strict.column]).toEqual([2, 3]);
    expect(strict.reason).toContain("comments are not allowed in this file");
    const blanked = blankComments(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked.split("\n").length).toBe(text.split("\n").length);
    // A mistake after a comment is still placed where it is in the file.
    const after = error('{\n  /* x */ "a": 1\n  "b": 2\n}', true);
    expect([after.line, after.column]).toEqual([3, 3]);
    expect(error("{ /* never closed", true).reason).toBe('"/*" opens a comment that is never closed');
  });
});
