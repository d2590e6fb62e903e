/** TensorFlow Playground's datasets, as its algorithms define them. */
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../src/data/generate.ts";

const rowsOf = (name: string, options: object = {}) => {
  const d = generateDataset(name, options);
  return { rows: Array.from({ length: d.X.rows }, (_, i) => [d.X.data[2 * i], d.X.data[2 * i + 1]]), y: d.y as number[] };
};

describe("the Playground's datasets", () => {
  it("circle: half inside radius 2.5 (class 1), half in the ring 3.5–5 (class 0); noise moves only labels", () => {
    const { rows, y } = rowsOf("circle", { seed: 4 });
    expect(rows).toHaveLength(500);
    rows.forEach(([a, b], i) => {
      const r = Math.hypot(a, b);
      if (y[i] === 1) expect(r).toBeLessThan(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    });
    expect(y.filter((v) => v === 1)).toHaveLength(250);
    const noisy = rowsOf("circle", { seed: 4, noise: 0.5 });
    expect(noisy.rows).toEqual(rows);
    const flipped = noisy.y.filter((v, i) => v !== y[i]).length;
    expect(flipped).toBeGreaterThan(5);
    expect(flipped).toBeLessThan(250);
  });

  it("gauss: two clusters at (2, 2) and (−2, −2) with variance 0.5 + 7·noise", () => {
    for (const noise of [0, 0.5]) {
      const { rows, y } = rowsOf("gauss", { seed: 2, noise, samples: 4000 });
      for (const [label, centre] of [[1, 2], [0, -2]]) {
        const mine = rows.filter((_, i) => y[i] === label);
        const mean = mine.reduce((s, r) => s + r[0], 0) / mine.length;
        const variance = mine.reduce((s, r) => s + (r[0] - mean) ** 2, 0) / mine.length;
        // Within four standard errors of the centre.
        expect(Math.abs(mean - centre)).toBeLessThan(4 * Math.sqrt((0.5 + 7 * noise) / mine.length));
        expect(variance / (0.5 + 7 * noise)).toBeGreaterThan(0.9);
        expect(variance / (0.5 + 7 * noise)).toBeLessThan(1.1);
      }
    }
  });

  it("plane: points in [−6, 6]², target (x + y)/10", () => {
    const { rows, y } = rowsOf("reg-plane", { seed: 1 });
    expect(rows).toHaveLength(1200);
    rows.forEach(([a, b], i) => {
      expect(Math.abs(a) <= 6 && Math.abs(b) <= 6).toBe(true);
      expect(y[i]).toBeCloseTo((a + b) / 10, 12);
    });
  });

  it("multi-gaussian: ±1 at the six bumps, falling to 0 two units away, the strongest bump winning", () => {
    const { rows, y } = rowsOf("reg-gauss", { seed: 1, samples: 3000 });
    const bumps = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]];
    rows.forEach(([a, b], i) => {
      const values = bumps.map(([cx, cy, sign]) => sign * Math.max(0, 1 - Math.hypot(a - cx, b - cy) / 2));
      const strongest = values.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
      expect(y[i]).toBeCloseTo(strongest, 12);
    });
    expect(Math.max(...y)).toBeGreaterThan(0.9);
    expect(Math.min(...y)).toBeLessThan(-0.9);
  });

  it("every one is seeded: the same seed, the same points", () => {
    for (const name of ["circle", "gauss", "reg-plane", "reg-gauss"]) {
      expect(rowsOf(name, { seed: 9, noise: 0.2 })).toEqual(rowsOf(name, { seed: 9, noise: 0.2 }));
      expect(rowsOf(name, { seed: 9 })).not.toEqual(rowsOf(name, { seed: 10 }));
    }
  });
});
