/** The frozen inputs of the picture tests: which example, trained how long (scripts/freeze-view-fixtures.ts writes them). */
export interface ViewFixture {
  example: string;
  /** Few epochs: enough to move the parameters. */
  epochs: number;
  /** Epochs whose parameters are kept (default: 11 evenly spaced from 0). */
  snapshots?: number[];
}

export const VIEW_FIXTURES = {
  "one-feature": { example: "one-feature", epochs: 400 },
  "twelve-steps": { example: "twelve-steps", epochs: 50 },
  "gauss-two-neurons": { example: "gauss-two-neurons", epochs: 15 },
  "circles-three-neurons": { example: "circles-three-neurons", epochs: 15 },
  /** Trained as its file says (L-BFGS converges at epoch 115): the inner disc piles up in one corner of the cube. */
  "circles-three-neurons-converged": { example: "circles-three-neurons", epochs: 115, snapshots: [0, 115] },
  "three-classes": { example: "three-classes", epochs: 15 },
  "spiral-layers": { example: "spiral-layers", epochs: 5 },
  /** 5,226 weights: the final ones only, no snapshots. */
  "moons-deep": { example: "moons-deep", epochs: 4, snapshots: [] },
} satisfies Record<string, ViewFixture>;

export type FixtureName = keyof typeof VIEW_FIXTURES;
