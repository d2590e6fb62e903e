import { describe, expect, it } from "vitest";
import { errorText } from "../../src/web/error-text.ts";

describe("errorText", () => {
  it("drops the class name a worker's error arrives with, and only that", () => {
    expect(errorText(new Error("UserError: moons.csv line 3: a quote opens here"))).toBe("moons.csv line 3: a quote opens here");
    expect(errorText(new RangeError("RangeError: Invalid array length"))).toBe("Invalid array length");
    expect(errorText({ message: "TrainingDivergedError: the loss reached Infinity at epoch 12" })).toBe("the loss reached Infinity at epoch 12");
    expect(errorText("Error: cancelled")).toBe("cancelled");
    // A message that merely mentions an error keeps its words.
    expect(errorText(new Error("the layer's Error: term"))).toBe("the layer's Error: term");
    expect(errorText(new Error("x.json line 2: not JSON"))).toBe("x.json line 2: not JSON");
  });
});
