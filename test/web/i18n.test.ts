import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../src/web/examples.ts";
import { browserLanguage, CATALOGUES, translate, type MessageKey } from "../../src/web/i18n.ts";
import { EXAMPLE_TITLES_ZH } from "../../src/web/i18n/examples-zh.ts";

/** Strings a Chinese reader reads as they are: names of methods, and the switch's "English". */
const SAME_IN_BOTH = new Set<MessageKey>(["activation.relu", "activation.tanh", "activation.sigmoid", "optimizer.adam", "init.xavier", "init.he", "output.tick.half", "views.svg", "views.png", "lang.other"]);

const slots = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the page's two languages", () => {
  it("have the same keys, no empty strings, and the same {slots} in each message", () => {
    const en = CATALOGUES.en;
    const zh = CATALOGUES.zh;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en) as [MessageKey, string][]) {
      expect(text.trim(), key).not.toBe("");
      expect(zh[key].trim(), key).not.toBe("");
      expect(slots(zh[key]), key).toEqual(slots(text));
    }
  });

  it("every Chinese string is Chinese, except the few names read as they are", () => {
    const untranslated = (Object.entries(CATALOGUES.zh) as [MessageKey, string][]).filter(([key, text]) => !SAME_IN_BOTH.has(key) && !/[\u4e00-\u9fff]/.test(text));
    expect(untranslated).toEqual([]);
  });

  it("every walkthrough has a Chinese title, and there is none for a walkthrough that is gone", () => {
    expect(Object.keys(EXAMPLE_TITLES_ZH).sort()).toEqual(EXAMPLES.map((e) => e.name).sort());
    for (const title of Object.values(EXAMPLE_TITLES_ZH)) expect(title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("fills slots, leaving an unknown one as written", () => {
    expect(translate("en", "network.neuron", { unit: 2, layer: 1 })).toBe("neuron 2 of layer 1");
    expect(translate("zh", "network.neuron", { unit: 2, layer: 1 })).toBe("第 1 层的第 2 个神经元");
    expect(translate("en", "data.seed")).toBe("Seed {seed}");
  });

  it("follows the browser: any zh* is Chinese, anything else English", () => {
    for (const l of ["zh", "zh-CN", "zh-Hans", "zh-TW", "ZH-cn"]) expect(browserLanguage([l])).toBe("zh");
    for (const l of ["en-US", "fr", "", "zhx"]) expect(browserLanguage([l])).toBe("en");
    expect(browserLanguage(undefined)).toBe("en");
  });
});
