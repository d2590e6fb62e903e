/**
 * Every figure of the five articles has a gallery picture that says it reproduces it (the
 * index names the article and the figure); the ones not drawn yet are listed as to-dos.
 */
import { describe, expect, it } from "vitest";
import { ARTICLE_FIGURES, NOT_YET_DRAWN } from "../../src/cli/commands/article-figures.ts";
import { FIGURE_OF, GALLERY } from "../../src/cli/commands/gallery-examples.ts";

const items = new Set(GALLERY.flatMap((e) => e.items.map((i) => `${e.file.replace(/\.json$/, "")}/${i.name}`)));
const drawn = new Set(Object.entries(FIGURE_OF).filter(([key]) => items.has(key)).flatMap(([, ids]) => ids));

describe("the articles' figures in the gallery", () => {
  it("every figure reference names a gallery item and a known figure", () => {
    const known = new Set(ARTICLE_FIGURES.map((f) => f.id));
    for (const [key, ids] of Object.entries(FIGURE_OF)) {
      expect(items.has(key), key).toBe(true);
      for (const id of ids) expect(known.has(id), id).toBe(true);
    }
  });
  for (const f of ARTICLE_FIGURES) {
    if (NOT_YET_DRAWN.includes(f.id)) it.todo(`${f.article}: ${f.caption} (${f.id})`);
    else it(`${f.article}: ${f.caption}`, () => expect(drawn.has(f.id), f.id).toBe(true));
  }
  it("nothing listed as not yet drawn is drawn already", () => {
    for (const id of NOT_YET_DRAWN) expect(drawn.has(id), id).toBe(false);
  });
});
