/** A CSV's problems as data: the error's message is the English wording of that data, and every problem has a Chinese one. */
import { describe, expect, it } from "vitest";
import { csvPlaceText, csvProblemText, CsvProblemError, type CsvProblem } from "../../src/data/csv-problem.ts";
import { parseCsvData } from "../../src/data/csv.ts";
import { csvPlaceZh, csvProblemZh } from "../../src/web/i18n/csv-zh.ts";
import { thrown } from "./helpers.ts";

/** One of each (the type makes the list complete: a new problem without a sample does not compile). */
const SAMPLES = {
  empty: { code: "empty" },
  rowCells: { code: "rowCells", cells: 2, header: 3 },
  emptyCell: { code: "emptyCell" },
  notSplit: { code: "notSplit", value: "val" },
  noRows: { code: "noRows" },
  noTrainRow: { code: "noTrainRow", column: "part" },
  strayCell: { code: "strayCell", value: "n/a", several: true },
  notNumber: { code: "notNumber", value: "abc" },
  openQuote: { code: "openQuote" },
  invalid: { code: "invalid", detail: "Invalid Record Length" },
  separator: { code: "separator", separator: ";" },
  emptyName: { code: "emptyName" },
  nameTwice: { code: "nameTwice", name: "x1" },
  notFound: { code: "notFound", role: "target", name: "label", columns: ["x1", "x2"] },
  listedTwice: { code: "listedTwice", role: "feature", name: "x1" },
  targetIsSplit: { code: "targetIsSplit", name: "part" },
  notFeature: { code: "notFeature", name: "y", is: "split" },
  noFeatures: { code: "noFeatures", columns: ["y"] },
  missingColumns: { code: "missingColumns", missing: ["x2"], columns: ["x1"] },
} satisfies { [C in CsvProblem["code"]]: Extract<CsvProblem, { code: C }> };

/** Latin words left once the parameters (quoted values, names, csv-parse's own words) are taken out. */
function english(text: string, p: CsvProblem): string[] {
  let rest = text;
  for (const v of Object.values(p).flat()) if (typeof v === "string" && v !== p.code) rest = rest.split(v).join(" ");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !["train", "test", "Glassbox", "CSV"].includes(w));
}

describe("CSV problems", () => {
  it("every problem has English and Chinese words, the Chinese with no English left in it", () => {
    for (const p of Object.values(SAMPLES) as CsvProblem[]) {
      expect(csvProblemText(p).length, p.code).toBeGreaterThan(5);
      expect(english(csvProblemZh(p), p), p.code).toEqual([]);
    }
  });

  it("an error's message is its place and problem in English; the page can word the same data in Chinese", () => {
    const e = thrown(() => parseCsvData("a,b,label\n1,2,0\n3,x,1\n", { target: "label" }, "bad.csv"));
    expect(e).toBeInstanceOf(CsvProblemError);
    const { problem, place } = e as CsvProblemError;
    expect(problem).toEqual({ code: "notNumber", value: "x" });
    expect(place).toEqual({ file: "bad.csv", line: 3, column: "b" });
    expect(e.message).toBe(`${csvPlaceText(place)}: ${csvProblemText(problem)}`);
    expect(e.message).toBe('bad.csv line 3, column "b": "x" is not a number');
    expect(`${csvPlaceZh(place)}：${csvProblemZh(problem)}`).toBe('bad.csv 第 3 行 "b" 列："x" 不是数字');
  });
});
