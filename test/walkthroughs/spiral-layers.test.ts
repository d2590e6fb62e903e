/**
 * The visual introduction's TensorFlow Playground spiral: a 4-4-2 relu net solves it almost
 * perfectly, and better than one layer of 8 relu neurons or the same 4-4-2 shape with sigmoid
 * (examples/spiral-layers.json and the gallery's "depth" comparison, trained as drawn).
 */
import { describe, expect, it } from "vitest";
import { GALLERY, type GalleryItem } from "../../src/cli/commands/gallery-examples.ts";
import { trainVariant } from "../../src/cli/commands/gallery.ts";
import { ROOT } from "../helpers.ts";

const file = `${ROOT}/examples/spiral-layers.json`;
const depth = GALLERY.find((e) => e.file === "spiral-layers.json")!.items.find((i) => i.name === "depth") as Extract<GalleryItem, { kind: "tile" }>;
const testAccuracy = (label: string): number => {
  const v = depth.variants.find((x) => x.label === label)!;
  const h = trainVariant(file, v, undefined).input.run!.history!;
  return h.testAccuracy![h.testAccuracy!.length - 1];
};

describe("spiral: depth against width", () => {
  it("4-4-2 relu reaches ≥ 0.95 test accuracy and beats 1 × 8 relu and 4-4-2 sigmoid", () => {
    const relu = testAccuracy("4-4-2 relu");
    const wide = testAccuracy("1 × 8 relu");
    const sigmoid = testAccuracy("4-4-2 sigmoid");
    expect(relu).toBeGreaterThanOrEqual(0.95);
    expect(relu).toBeGreaterThan(wide + 0.1);
    expect(relu).toBeGreaterThan(sigmoid + 0.1);
  });
});
