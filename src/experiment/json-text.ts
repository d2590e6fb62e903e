/**
 * JSON texts as the files hold them: parsed with `JSON.parse` (fast, and the same values), and on
 * failure located by line and column with what was expected there. Experiment files may also
 * have comments (`//` to the end of the line, `/* … *\/`) and trailing commas, as tsconfig.json
 * does; they are blanked out (positions kept) before parsing. No Node: the page uses it too.
 */

export class JsonSyntaxError extends Error {
  constructor(
    /** What is wrong, in words ("expected "," or "}" after a property's value, found "]""). */
    readonly reason: string,
    /** 1-based line and column of the offending character (or of the end of the text). */
    readonly line: number,
    readonly column: number,
    /** The text ended where more was expected: the file was probably cut short. */
    readonly atEnd: boolean,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = "JsonSyntaxError";
  }
}

export interface JsonTextOptions {
  /** Accept `//` and `/* *\/` comments and trailing commas (experiment files). Default false. */
  comments?: boolean;
}

/** The value of a JSON text; a JsonSyntaxError with the line and column when it is not JSON. */
export function parseJsonText(text: string, o: JsonTextOptions = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    // fall through: strip comments (if allowed), else locate the mistake
  }
  const clean = o.comments ? blankComments(body) : body;
  if (o.comments) {
    try {
      return JSON.parse(clean);
    } catch {
      // locate it below
    }
  }
  throw locate(clean, !!o.comments);
}

/**
 * The text with comments and trailing commas replaced by spaces (newlines kept), so every other
 * character keeps its line and column. An unterminated block comment is left for the parser to report.
 */
export function blankComments(text: string): string {
  const out = text.split("");
  let i = 0;
  let lastSignificant = -1; // index of the last character that is not blank or comment
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n" && out[k] !== "\r") out[k] = " ";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let k = i + 1;
      while (k < text.length && text[k] !== '"' && text[k] !== "\n") k += text[k] === "\\" ? 2 : 1;
      lastSignificant = Math.min(k, text.length - 1);
      i = k + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      let k = i;
      while (k < text.length && text[k] !== "\n") k++;
      blank(i, k);
      i = k;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) break;
      blank(i, end + 2);
      i = end + 2;
    } else if (c === "}" || c === "]") {
      if (lastSignificant >= 0 && out[lastSignificant] === ",") out[lastSignificant] = " ";
      lastSignificant = i++;
    } else {
      if (!/\s/.test(c)) lastSignificant = i;
      i++;
    }
  }
  return out.join("");
}

/** Walks the text as JSON and returns the error at the first character that cannot be JSON. */
function locate(text: string, comments: boolean): JsonSyntaxError {
  let i = 0;
  const fail = (expected: string, found = foundHere()): never => {
    const atEnd = i >= text.length;
    const before = text.slice(0, i);
    const line = before.split("\n").length;
    const column = i - (before.lastIndexOf("\n") + 1) + 1;
    throw new JsonSyntaxError(`${expected ? `expected ${expected}, found ` : ""}${found}${comments || !text.slice(i).startsWith("/") ? "" : " (comments are not allowed in this file)"}`, line, column, atEnd);
  };
  const foundHere = (): string => {
    if (i >= text.length) return "the end of the file";
    if (text[i] === "\n" || text[i] === "\r") return "the end of the line";
    const word = /^[A-Za-z0-9_.+-]+/.exec(text.slice(i, i + 40));
    return word ? `"${word[0]}"` : `"${text[i]}"`;
  };
  const space = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
    // blankComments left an unterminated block comment in place
    if (comments && text.startsWith("/*", i)) fail("", `"/*" opens a comment that is never closed`);
  };
  const VALUE = "a value (a number, a string, true, false, null, an object or an array)";
  const literal = (word: string) => {
    if (!text.startsWith(word, i)) fail(VALUE);
    i += word.length;
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail(text[i] === "\n" ? `a closing quote before the end of the line` : "a character (control characters must be escaped)");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("four hex digits after \\u");
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail(`an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
      } else i++;
    }
    if (i >= text.length) fail("a closing quote");
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-") fail(VALUE);
    i += m![0].length;
  };
  /** An object's or array's items after its opening bracket, each read by `item`, up to `close`. */
  const items = (close: "}" | "]", item: () => void, after: string) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === close) return void i++;
      fail(`"," or "${close}" after ${after}`);
    }
  };
  const property = () => {
    space();
    if (text[i] !== '"') fail(`a property name in double quotes`);
    string();
    space();
    if (text[i] !== ":") fail(`":" after the property name`);
    i++;
    value();
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return items("}", property, "a property's value");
    if (c === "[") return items("]", value, "an array element");
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    number();
  };
  try {
    value();
    space();
    if (i < text.length) fail("the end of the file after the value");
    // JSON.parse refused what this walk accepts: report it without a place rather than wrongly.
    return new JsonSyntaxError("not valid JSON", 1, 1, false);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
}
