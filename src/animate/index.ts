/** The animations by their CLI name (ARCHITECTURE §5): `glassbox animate <name> <experiment.json>`. */
import type { Animation } from "./animation.ts";
import { costLandscape } from "./cost-landscape.ts";
import { hiddenMorph } from "./hidden-morph.ts";
import { rotate } from "./rotate.ts";
import { training } from "./training.ts";
import { trajectory } from "./trajectory.ts";

export const ANIMATIONS = {
  training,
  "hidden-morph": hiddenMorph,
  rotate,
  "cost-landscape": costLandscape,
  trajectory,
} satisfies Record<string, Animation>;

export type AnimationName = keyof typeof ANIMATIONS;
export const ANIMATION_NAMES = Object.keys(ANIMATIONS) as AnimationName[];

export { DEFAULT_FRAMES, snapshotEpochs, evenly, logSpaced, pickByChange, pickLogSpaced, pickSnapshots, type Animation, type AnimateOptions, type AnimationInput } from "./animation.ts";
