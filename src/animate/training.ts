/** `training`: the decision boundary (or, for 1-D data, the fitted curve) as the network learns. */
import { evaluate } from "../nn/evaluate.ts";
import { boundaryScene, lossData, modelAtEpoch, toSvg } from "../viz/index.ts";
import { frameCount, pickLogSpaced, type Animation } from "./animation.ts";

export const training: Animation = {
  description: "the decision boundary (1-D data: the fitted curve) as training goes, epoch and loss in each frame",
  needsSnapshots: true,
  applies: (model) => (model.inputSize <= 2 ? null : `"training" draws 1 or 2 input features; this model has ${model.inputSize}`),
  frames(input, o) {
    const snaps = pickLogSpaced(input.run.snapshots, frameCount(o));
    const last = snaps[snaps.length - 1].epoch;
    const data = lossData(input);
    const l2 = input.prepared?.config.l2 ?? 0;
    return {
      count: snaps.length,
      delayMs: 80,
      lastDelayMs: 1500,
      svg(i) {
        const { epoch } = snaps[i];
        const model = modelAtEpoch(input.model, input.run, epoch);
        const e = evaluate(model, data.X, data.Y, data.n, l2);
        const acc = Number.isFinite(e.accuracy) ? ` · accuracy ${e.accuracy.toFixed(3)}` : "";
        const when = epoch === 0 ? "before training" : `epoch ${epoch} of ${last}`;
        // A 60×60 grid per frame (the still picture's default is 100): frames go by quickly.
        return toSvg(boundaryScene(model, input.split, { resolution: 60, ...o, title: o.title ?? `${when} · loss ${e.loss.toPrecision(4)}${acc}` }), { idPrefix: "f" });
      },
    };
  },
};
