/** The engine's words for a file's mistakes, on the Chinese page: the field's path as written, the mistake by its template. */
import { describe, expect, it } from "vitest";
import { ENGINE_ZH } from "../../src/web/i18n/engine-zh.ts";
import { engineZh } from "../../src/web/ui/problem-text.ts";
import { UserError } from "../../src/core/errors.ts";
import { validateExperiment } from "../../src/experiment/validate.ts";

/** What validateExperiment throws for `json`, in Chinese, as the page says it (problemText). */
function mistake(json: unknown): string {
  try {
    validateExperiment(json);
  } catch (e) {
    if (e instanceof UserError) return engineZh(e.message, e.where);
    throw e;
  }
  throw new Error("no mistake found");
}

const LAYERS = [{ units: 2, activation: "tanh" }, { units: 1, activation: "sigmoid" }];
const base = { data: { dataset: "moons", samples: 40 }, model: { layers: LAYERS } };

describe("the engine's messages in Chinese", () => {
  it("the checkers' mistakes, as the engine writes them, come out in Chinese with their values", () => {
    expect((mistake({ ...base, train: { learningRate: -1 } }))).toBe("train.learningRate：必须 > 0，实际是 -1");
    expect((mistake({ ...base, model: { layers: [{ units: 2, activation: "tahn" }, LAYERS[1]] } }))).toMatch(/^model\.layers\[0\]\.activation："tahn" 不是以下之一：/);
    expect((mistake({ ...base, trian: {} }))).toBe('trian：未知字段；是不是想写 "train"？');
    expect((mistake({ ...base, data: [] }))).toBe("data：应为对象，实际是 数组");
    expect((mistake({ ...base, train: { epochs: 2.5 } }))).toBe("train.epochs：应为整数，实际是 2.5");
    // A mistyped field of any spelling: its path as the file writes it.
    expect(mistake({ ...base, train: { "learning-rate": 0.1 } })).toBe('train.learning-rate：未知字段；是不是想写 "learningRate"？');
    expect(mistake({ ...base, train: { 学习率: 0.1 } })).toMatch(/^train\.学习率：未知字段；/);
  });

  it("a message with no template stays as the engine wrote it", () => {
    expect(engineZh("something the templates do not know")).toBe("something the templates do not know");
  });

  it("every translation keeps its template's slots", () => {
    for (const [en, zh] of Object.entries(ENGINE_ZH)) expect((zh.match(/\{\w+\}/g) ?? []).sort(), en).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
  });
});
