/** The renderer on hand-written SVG: PNG size and pixels, the bundled font, GIF frames, atomic files. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeGif } from "../../src/render/gif.ts";
import { framePngFiles, framesToGif, renderFrames } from "../../src/render/frames.ts";
import { svgToPng, svgToRgba } from "../../src/render/png.ts";
import { writeFilesAtomic } from "../../src/render/files.ts";
import { decodeGif, decodePng, pixel } from "./decode.ts";

const scene = (fill: string, label = "Glassbox") =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">` +
  `<rect x="0" y="0" width="100" height="100" fill="${fill}"/>` +
  `<text x="150" y="60" font-family="Helvetica, Arial, sans-serif" font-size="20" text-anchor="middle">${label}</text></svg>`;

describe("svgToPng", () => {
  it("draws at the SVG's size, or scaled to a requested width", () => {
    const png = decodePng(svgToPng(scene("#ff0000")));
    expect([png.width, png.height]).toEqual([200, 100]);
    expect(pixel(png, 50, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(png, 195, 5)).toEqual([255, 255, 255, 255]); // white page, not transparent
    const big = decodePng(svgToPng(scene("#ff0000"), { width: 800 }));
    expect([big.width, big.height]).toEqual([800, 400]);
  });

  it("draws text with the bundled font, whatever family the SVG names, the same on every run", () => {
    const a = svgToRgba(scene("#0000ff"));
    let ink = 0;
    for (let y = 35; y < 70; y++) for (let x = 100; x < 200; x++) if (a.data[4 * (y * 200 + x)] < 128) ink++;
    expect(ink).toBeGreaterThan(100);
    expect(svgToPng(scene("#0000ff"))).toEqual(svgToPng(scene("#0000ff")));
    expect(svgToPng(scene("#0000ff", "other"))).not.toEqual(svgToPng(scene("#0000ff")));
  });
});

describe("encodeGif", () => {
  it("writes every frame, looping, with the delays asked for", () => {
    const colors = ["#ff0000", "#00ff00", "#0000ff", "#808080"];
    const r = renderFrames({ count: colors.length, svg: (i) => scene(colors[i]) }, { pngs: true });
    const gif = decodeGif(framesToGif(r, { delayMs: 100, lastDelayMs: 1000 }));
    expect([gif.width, gif.height]).toEqual([200, 100]);
    expect(gif.frames).toHaveLength(4);
    expect(gif.loop).toBe(0);
    expect(gif.delays).toEqual([100, 100, 100, 1000]);
    expect(gif.frames.map((f) => Array.from(f.subarray(4 * (50 * 200 + 50), 4 * (50 * 200 + 50) + 3)))).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [128, 128, 128],
    ]);
    expect(framePngFiles(r).map(([name]) => name)).toEqual(["frame-01.png", "frame-02.png", "frame-03.png", "frame-04.png"]);
  });

  it("can give every frame its own palette", () => {
    const frames = [new Uint8Array(4 * 4).fill(255), new Uint8Array(4 * 4).fill(0).map((_, i) => (i % 4 === 3 ? 255 : 0))];
    const gif = decodeGif(encodeGif(frames, 2, 2, { palette: "per-frame", loop: false }));
    expect(gif.frames).toHaveLength(2);
    expect(Array.from(gif.frames[0].subarray(0, 3))).toEqual([255, 255, 255]);
    expect(Array.from(gif.frames[1].subarray(0, 3))).toEqual([0, 0, 0]);
  });

  it("rejects frames of the wrong size", () => {
    expect(() => encodeGif([new Uint8Array(12)], 2, 2)).toThrow(/expected 2×2×4/);
  });
});

describe("writeFilesAtomic", () => {
  it("writes every file whole and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "glassbox-render-"));
    writeFilesAtomic(join(dir, "frames"), [
      ["a.txt", "one"],
      ["b.bin", new Uint8Array([1, 2, 3])],
    ]);
    expect(readdirSync(join(dir, "frames")).sort()).toEqual(["a.txt", "b.bin"]);
    expect(readFileSync(join(dir, "frames", "a.txt"), "utf8")).toBe("one");
  });
});
