/** The loss and accuracy history: side by side in a wide picture, one above the other in a narrow one, its epochs said as counted. */
import { describe, expect, it } from "vitest";
import { VIEWS, type Scene, type TextMark } from "../../src/viz/index.ts";
import { frozen } from "./setup.ts";

const texts = (scene: Scene): TextMark[] => scene.marks.filter((m): m is TextMark => m.type === "text");
const heading = (scene: Scene, start: string): TextMark => texts(scene).find((m) => m.text.startsWith(start))!;

describe("the history view", () => {
  const input = frozen("gauss-two-neurons");
  const h = input.run!.history!;

  it("says which epochs it covers and at how many it measured", () => {
    const sub = texts(VIEWS.history(input, {})).find((m) => m.role === "subtitle")!;
    expect(sub.text).toBe(`epochs ${h.epoch[0].toLocaleString("en-US")} to ${h.epoch.at(-1)!.toLocaleString("en-US")}, measured at ${h.epoch.length.toLocaleString("en-US")}`);
  });

  it("wide: loss and accuracy side by side; narrow: stacked, each as wide as the picture, their axes named in full or short", () => {
    const wide = VIEWS.history(input, { width: 800, height: 480 });
    expect(heading(wide, "Loss").y).toBe(heading(wide, "Accuracy").y);
    expect(heading(wide, "Accuracy").x).toBeGreaterThan(heading(wide, "Loss").x + 300);
    expect(texts(wide).some((m) => m.text === "accuracy (fraction correct)")).toBe(true);

    const narrow = VIEWS.history(input, { width: 320, height: 400 });
    const [loss, acc] = [heading(narrow, "Loss"), heading(narrow, "Accuracy")];
    expect(acc.y).toBeGreaterThan(loss.y + 120);
    expect(Math.abs(acc.x - loss.x)).toBeLessThan(1);
    expect(loss.text).toBe(`Loss (${input.model.loss})`);
    expect(texts(narrow).filter((m) => m.role === "axis-label").map((m) => m.text).sort()).toEqual(["accuracy", "epoch", "epoch", "loss"]);
  });
});
