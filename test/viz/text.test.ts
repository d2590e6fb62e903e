/** Titles and subtitles set to a picture's width: wrapped where a reader would break them, never past the width. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balancedLines, textWidth, wrapLines } from "../../src/viz/chart/text.ts";
import { titleMarks } from "../../src/viz/chart/title.ts";
import type { TextMark } from "../../src/viz/scene.ts";

const words = fc.array(fc.stringMatching(/^[a-z]{1,9}$/), { minLength: 1, maxLength: 14 }).map((w) => w.join(" "));

describe("text set to a width", () => {
  it("a title that fits is one line; one that does not is two of about the same length, at a space", () => {
    expect(balancedLines("Loss and accuracy", 400, 18)).toEqual(["Loss and accuracy"]);
    expect(balancedLines("The network's output as a surface over the input plane", 540, 18)).toEqual(["The network's output as a", "surface over the input plane"]);
  });

  it("every line fits the width, and nothing is lost unless a line had to be shortened (…)", () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 120, max: 800 }), (s, width) => {
        for (const [lines, size] of [[balancedLines(s, width, 18), 18], [wrapLines(s, width, 13, 3), 13]] as const) {
          for (const line of lines) expect(textWidth(line, size)).toBeLessThanOrEqual(width);
          const joined = lines.join(" ");
          if (!joined.includes("…")) expect(joined).toBe(s);
        }
      }),
    );
  });

  it("a Chinese character takes a whole em, a Latin one 0.6: a Chinese line wraps at its own punctuation, or where it is full", () => {
    expect(textWidth("隐藏神经元 1", 13)).toBeCloseTo(5 * 13 + 2 * 0.6 * 13, 9);
    expect(textWidth("hidden", 10)).toBeCloseTo(36, 9);
    const sub = "第一层 sigmoid 神经元；各神经元的输入 z = 0 处：x = 0.574, −0.587";
    const lines = wrapLines(sub, 250, 13, 3);
    expect(lines[0]).toBe("第一层 sigmoid 神经元；");
    expect(lines.join("")).toBe(sub);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(250);
    // Without punctuation to break at: where the line is full.
    const full = wrapLines("输入空间到隐藏层空间的变换动画播放中请稍候片刻即可看到结果", 130, 13, 3);
    expect(full.length).toBeGreaterThan(1);
    for (const line of full) expect(textWidth(line, 13)).toBeLessThanOrEqual(130);
  });

  it("a subtitle wraps onto up to three lines, at '; ' first, before it is shortened", () => {
    const sub = "first-layer sigmoid neurons; each neuron's input z = 0 at x = −1, −0.556";
    const lines = wrapLines(sub, 310, 13, 3);
    expect(lines).toEqual(["first-layer sigmoid neurons;", "each neuron's input z = 0 at x = −1,", "−0.556"]);
    const t = titleMarks("Each neuron's output along x", 330, sub);
    expect(t.marks.filter((m): m is TextMark => m.type === "text" && m.role === "subtitle").map((m) => m.text)).toEqual(lines);
  });
});

describe("a Chinese title", () => {
  it("breaks into two lines of about the same width between two Chinese characters, not in a name", () => {
    const title = "第二层激活值和第三层激活值在同一张图中显示";
    const lines = balancedLines(title, 300, 18);
    expect(lines).toHaveLength(2);
    expect(lines.join("")).toBe(title);
    expect(Math.abs(textWidth(lines[0], 18) - textWidth(lines[1], 18))).toBeLessThanOrEqual(textWidth("第", 18) + 1e-9);
    const named = balancedLines("从输入空间到第 2 隐藏层的空间（3 个 tanh 神经元）", 330, 18);
    for (const line of named) expect(line).not.toMatch(/ta$|^nh/);
  });
});
