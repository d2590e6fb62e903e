/**
 * Pictures of a model file (trained here, or imported from elsewhere) over a CSV of its columns:
 * `glassbox plot boundary --model model.json --csv data.csv`. The CSV needs the model's feature
 * columns and its target column; it is read as an experiment over that CSV would read it, and the
 * model, with its own scaler and classes, takes the place of the experiment's.
 */
import { basename, dirname } from "node:path";
import { UserError } from "../../core/errors.ts";
import { applyScaler } from "../../data/apply-scaler.ts";
import type { Matrix } from "../../core/matrix.ts";
import { prepareExperiment, type Prepared } from "../../experiment/prepare.ts";
import { validateExperiment } from "../../experiment/validate.ts";
import { layerToJson } from "../../nn/network.ts";
import { encodeTargets } from "../../nn/targets.ts";
import { readTextFrom } from "../experiment-file.ts";
import { readModelFile } from "./export.ts";
import type { PictureSource } from "./pictures.ts";

export function pictureSourceFromModel(modelFile: string, csvFile: string): PictureSource {
  const model = readModelFile(modelFile);
  let prepared: Prepared;
  try {
    const experiment = validateExperiment({
      data: { csv: basename(csvFile), target: model.targetName, features: model.featureNames },
      ...(model.inputs ? { inputs: model.inputs } : {}),
      model: { layers: model.layers.map((l) => ({ units: l.units, activation: l.activation })) },
      loss: model.loss,
      init: { params: model.layers.map(layerToJson) },
    });
    prepared = prepareExperiment(experiment, readTextFrom(dirname(csvFile)));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${csvFile} with the model ${modelFile} (columns ${[...model.featureNames, model.targetName].join(", ")}): ${e.message}`);
    throw e;
  }
  const units = model.layers[model.layers.length - 1].units;
  const scale = (X: Matrix): Matrix => (model.scaler ? applyScaler(X, model.scaler) : X);
  const { split } = prepared;
  const where = `${csvFile}: column "${model.targetName}"`;
  const withModel: Prepared = {
    ...prepared,
    model,
    data: {
      X: scale(split.train.X),
      Y: encodeTargets(split.train.y, model.classes, units, where),
      testX: split.test ? scale(split.test.X) : null,
      testY: split.test ? encodeTargets(split.test.y, model.classes, units, where) : null,
    },
  };
  return { input: { model, split, prepared: withModel }, origin: `model file ${modelFile}` };
}
