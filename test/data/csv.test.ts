import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/core/errors.ts";
import { toRows } from "../../src/core/matrix.ts";
import { csvTable } from "../../src/data/csv.ts";
import { parseCsvData, parseNumber, type CsvColumns } from "../../src/data/index.ts";
import { thrown } from "./helpers.ts";

const parse = (text: string, columns: CsvColumns = { target: "y" }) => parseCsvData(text, columns, "moons.csv");
const errorOf = (text: string, columns?: CsvColumns): string => {
  const e = thrown(() => parse(text, columns));
  expect(isUserError(e)).toBe(true);
  return e.message;
};

describe("parseCsvData", () => {
  it("reads features, numeric targets and the split column", () => {
    const d = parse("x1,x2,y,split\n1,2,0,train\n-3.5,4e-1,1,test\n.5,6.,1,train\n", { target: "y", splitColumn: "split" });
    expect(d.featureNames).toEqual(["x1", "x2"]);
    expect(d.targetName).toBe("y");
    expect(toRows(d.train.X)).toEqual([[1, 2], [0.5, 6]]);
    expect(d.train.y).toEqual([0, 1]);
    expect(toRows(d.test!.X)).toEqual([[-3.5, 0.4]]);
    expect(d.test!.y).toEqual([1]);
  });

  it("keeps the chosen features in the order given, strings as targets, test null without split", () => {
    const d = parse('a,label,b,c\r\n1,cat,2,3\r\n4,"dog",5,6\r\n\r\n', { target: "label", features: ["c", "a"] });
    expect(d.featureNames).toEqual(["c", "a"]);
    expect(toRows(d.train.X)).toEqual([[3, 1], [6, 4]]);
    expect(d.train.y).toEqual(["cat", "dog"]);
    expect(d.test).toBeNull();
  });

  it("gives string targets when most target cells are not numbers; a stray cell in a number column is named", () => {
    expect(parse("x,y\n1,cat\n2,1\n3,two\n").train.y).toEqual(["cat", "1", "two"]);
    expect(() => parse("x,y\n1,0\n2,1\n3,two\n")).toThrow('moons.csv line 4, column "y": "two" is not a number, but the column\'s other cells are');
  });

  it("accepts a byte-order mark and spaces around cells", () => {
    const d = parse("\uFEFFx , y\n 1.5 , 1 \n");
    expect(d.featureNames).toEqual(["x"]);
    expect(toRows(d.train.X)).toEqual([[1.5]]);
  });

  it("names the file, line and column of a cell that is not a number", () => {
    const text = ["x1,x2,y", "1,2,0", "3,4,1", "5,abc,0"].join("\n");
    expect(errorOf(text)).toBe('moons.csv line 4, column "x2": "abc" is not a number');
  });

  it.each(["0x10", "Infinity", "NaN", "1,5", "1e999", "--1"])("rejects %j as a number", (cell) => {
    expect(errorOf(`x,y\n"${cell}",1\n`)).toBe(`moons.csv line 2, column "x": ${JSON.stringify(cell)} is not a number`);
  });

  it("reports empty cells and short rows", () => {
    expect(errorOf("x1,x2,y\n1,,0\n")).toBe('moons.csv line 2, column "x2": empty cell');
    expect(errorOf("x1,x2,y\n1,2,0\n1,2,\n")).toBe('moons.csv line 3, column "y": empty cell');
    expect(errorOf("x1,x2,y\n1,2\n")).toBe("moons.csv line 2: has 2 cells, the header has 3");
  });

  it("allows only train and test in the split column", () => {
    expect(errorOf("x,y,s\n1,0,train\n2,1,validation\n", { target: "y", splitColumn: "s" })).toBe(
      'moons.csv line 3, column "s": "validation" is not "train" or "test"',
    );
    expect(errorOf("x,y,s\n1,0,test\n", { target: "y", splitColumn: "s" })).toBe('moons.csv: no row is marked "train" in column "s"');
  });

  it("lists the columns when a named column is missing", () => {
    const text = "x1,x2,y,split\n1,2,0,train\n";
    const columns = 'the columns are "x1", "x2", "y", "split"';
    expect(errorOf(text, { target: "label" })).toBe(`moons.csv: target column "label" not found; ${columns}`);
    expect(errorOf(text, { target: "y", features: ["x1", "x3"] })).toBe(`moons.csv: feature column "x3" not found; ${columns}`);
    expect(errorOf(text, { target: "y", splitColumn: "part" })).toBe(`moons.csv: split column "part" not found; ${columns}`);
  });

  it("rejects an empty file, a header alone, a feature that is the target, repeated names, broken quotes", () => {
    expect(errorOf("")).toBe("moons.csv: is empty (a header row naming the columns is required)");
    expect(errorOf("x,y\n")).toBe("moons.csv: has a header but no data rows");
    expect(errorOf("x,y\n1,0\n", { target: "y", features: ["x", "y"] })).toBe('moons.csv: column "y" cannot be a feature: it is the target');
    expect(errorOf("x,x,y\n1,2,0\n")).toBe('moons.csv: the header names column "x" twice');
    expect(errorOf("y\n1\n")).toBe('moons.csv: no feature columns (the columns are "y")');
    expect(errorOf('x,y\n"1,0\n')).toBe('moons.csv line 2: a quote (") opens here and is never closed: close it or remove it');
  });
});

describe("parseNumber", () => {
  it("parses plain decimals only", () => {
    expect(["1", "-2.5", "+.5", "3.", "1e-3", "-0.86675706806364294"].map(parseNumber)).toEqual([1, -2.5, 0.5, 3, 0.001, -0.86675706806364294]);
    expect(["", " ", ".", "e5", "1e", "1_000", "0b1", "-Infinity"].map(parseNumber)).toEqual(Array(8).fill(undefined));
  });
});

describe("csvTable", () => {
  it("gives the header and cells as parseCsvData reads them: quoted commas, a byte-order mark, blank lines", () => {
    const text = '\ufeff"width, cm",label\r\n1,"a,b"\r\n\r\n 2 ,c\n';
    expect(csvTable(text, "own.csv")).toEqual({ header: ["width, cm", "label"], rows: [["1", "a,b"], ["2", "c"]] });
    const d = parseCsvData(text, { target: "label" }, "own.csv");
    expect(d.featureNames).toEqual(["width, cm"]);
    expect(d.train.y).toEqual(["a,b", "c"]);
  });

  it("says an empty file is empty, as parseCsvData does", () => {
    for (const text of ["", "\n\n", "\ufeff"]) {
      const e = thrown(() => csvTable(text, "own.csv"));
      expect(isUserError(e)).toBe(true);
      expect(e.message).toBe(thrown(() => parseCsvData(text, { target: "y" }, "own.csv")).message);
      expect(e.message).toMatch(/^own\.csv: is empty/);
    }
  });

  it("names the line of an unclosed quote, as a user error", () => {
    const e = thrown(() => csvTable('x,y\n1,0\n"2,1\n', "own.csv"));
    expect(isUserError(e)).toBe(true);
    expect(e.message).toMatch(/own\.csv line 3.*quote/);
  });
});

describe("a file of semicolon- or tab-separated values", () => {
  it("is said to be one, where it would read as a single column", () => {
    expect(errorOf("x1;x2;y\n1;2;0\n")).toBe('moons.csv line 1: has one column, its names separated by ";": Glassbox reads comma-separated values (save the file with commas between the cells)');
    expect(errorOf("x1\tx2\ty\n1\t2\t0\n")).toMatch(/^moons\.csv line 1: has one column, its names separated by tabs/);
    expect(() => csvTable("a;b\n1;2\n", "mine.csv")).toThrow('mine.csv line 1: has one column, its names separated by ";"');
    // Two columns with a semicolon in a name are two columns.
    expect(parse('"a;b",y\n1,0\n2,1\n').featureNames).toEqual(["a;b"]);
  });
});
