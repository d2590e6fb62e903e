import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, oversizedFile } from "../../src/web/file-limits.ts";
import { CATALOGUES } from "../../src/web/i18n.ts";

describe("the page's file-size limit", () => {
  it("names the first file over the limit with its size, and lets smaller files through", () => {
    expect(oversizedFile([{ name: "a.csv", size: 10 }, { name: "m.json", size: MAX_FILE_BYTES }])).toBeNull();
    expect(oversizedFile([{ name: "a.csv", size: 10 }, { name: "big.csv", size: MAX_FILE_BYTES + 1 }, { name: "huge.csv", size: 10 * MAX_FILE_BYTES }])).toEqual({ name: "big.csv", megabytes: 65, limitMegabytes: 64 });
    expect(oversizedFile([{ name: "x.bin", size: 3 * 2 ** 20 + 1 }], 2 * 2 ** 20)).toEqual({ name: "x.bin", megabytes: 4, limitMegabytes: 2 });
  });

  it("is worded in both languages with the file, its size and the limit", () => {
    for (const lang of ["en", "zh"] as const) {
      const text = CATALOGUES[lang]["file.tooLarge"];
      for (const p of ["{file}", "{size}", "{limit}"]) expect(text, lang).toContain(p);
    }
  });
});
