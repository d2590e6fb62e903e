/**
 * The pictures in the page's Chinese: every word of every picture "Look inside" draws is
 * translated (names stay: x1, tanh, W1[0,0]); in English they are the templates as written, so
 * the CLI's pictures and their snapshots do not change.
 */
import { describe, expect, it } from "vitest";
import { costGrid, costSurfaceScene, hiddenMorphScene, lossData, parseParam, stepScenes, toSvg, VIEWS, type Scene } from "../../src/viz/index.ts";
import { say, translate, translated } from "../../src/viz/words/index.ts";
import { ZH } from "../../src/viz/words/zh.ts";
import { frozen, type FixtureName } from "./setup.ts";

/** Every text of a picture (titles, legends, axes, notes). */
function texts(scene: Scene): string[] {
  return [...toSvg(scene).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** What is left of a text once the names a picture keeps as they are are taken out. */
const NAMES = /[A-Za-z-]+…$|(?:binary|categorical)-c\w*…?|L-BFGS|loss(?=\[|\s+\()|log(?=\()|[A-Za-z]+\d+(?:\[[\d,]+\])?'?|f'\([A-Z]\d+\)|tanh|relu|sigmoid|linear|softmax|mse|sse|&#?\w+;/g;
const english = (s: string): boolean => /[A-Za-z]{2,}/.test(s.replace(NAMES, ""));

/** The pictures the page's "Look inside" and its 1-D output draw of a model, in a language. */
function pagePictures(name: FixtureName, lang: "en" | "zh"): string[] {
  const input = frozen(name);
  const out: string[] = [];
  const tryView = (draw: () => Scene): void => {
    try {
      out.push(...texts(draw()));
    } catch (e) {
      // Not for this model (a plane of two columns, a hidden layer, one input): the page says so in its own words.
      if (!(e instanceof RangeError)) throw e;
    }
  };
  for (const width of [640, 330]) {
    tryView(() => VIEWS.hidden(input, { width, lang }));
    tryView(() => VIEWS.surface(input, { width, lang }));
    tryView(() => VIEWS.history(input, { width, lang }));
    tryView(() => VIEWS.neurons(input, { width, lang }));
    tryView(() => hiddenMorphScene(input.model, input.split, 0.4, { width, lang }));
    const a = parseParam(input.model, "W1[0,0]");
    const b = parseParam(input.model, "b1[0]");
    const grid = costGrid(input.model, lossData(input), a, b, [[-2, 2], [-2, 2]], 9);
    for (const mode of ["heatmap", "3d"] as const) tryView(() => costSurfaceScene(grid, { width, mode, lang, path: [[0, 0], [0.5, 0.5]] }));
    if (input.trace) for (const s of stepScenes(input.trace, { width, lang, layout: "trace" })) out.push(...texts(s));
  }
  return out;
}

describe("the pictures' words", () => {
  it("in English are the templates, filled; in Chinese the catalogue's, with the same slots", () => {
    expect(say(undefined, "The cost over {a} and {b}", { a: "W1[0,0]", b: "b1[0]" })).toBe("The cost over W1[0,0] and b1[0]");
    expect(say("zh", "The cost over {a} and {b}", { a: "W1[0,0]", b: "b1[0]" })).toBe("损失随 W1[0,0] 和 b1[0] 的变化");
    for (const [en, zh] of Object.entries(ZH)) expect((zh.match(/\{\w+\}/g) ?? []).sort(), en).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
    expect(translated("zh").length).toBe(Object.keys(ZH).length);
  });

  it("the engine's step titles are matched to their template, the most specific first", () => {
    expect(translate("zh", "layer 2 input (weighted sums)")).toBe("第 2 层的输入（加权和）");
    expect(translate("zh", "updated W1 (η = 0.03)")).toBe("更新后的 W1（η = 0.03）");
    expect(translate("zh", "updated b2")).toBe("更新后的 b2");
    expect(translate("zh", "slope of tanh at Z1")).toBe("tanh 在 Z1 处的斜率");
    expect(translate("zh", "no such title")).toBe("no such title");
    expect(translate("en", "updated b2")).toBe("updated b2");
  });

  for (const name of ["gauss-two-neurons", "circles-three-neurons", "three-classes", "one-feature", "twelve-steps", "spiral-layers"] as FixtureName[]) {
    it(`${name}: no English word is left in Chinese, and English is as the CLI writes it`, () => {
      const zh = pagePictures(name, "zh");
      expect(zh.length).toBeGreaterThan(10);
      expect(zh.filter(english)).toEqual([]);
      // The English pictures do read as English (the check above is not vacuous).
      expect(pagePictures(name, "en").filter(english).length).toBeGreaterThan(5);
    });
  }
});
