/**
 * TensorFlow.js layers models written by TensorFlow.js itself (a save handler captures what
 * `model.save("file://…")` would write: model.json and group1-shard1of1.bin), with their
 * predictions, for the import tests:
 *
 *   dense      Sequential Dense(6, relu) → Dense(4, tanh) → Dense(3, softmax), input 2
 *   sigmoid    Sequential Dense(5, sigmoid, no bias) → Dense(1, sigmoid), input 3
 *   regression Sequential Dense(4, linear) → Dense(2, linear), input 2, trained a few epochs
 *   conv       Sequential Conv2D → Flatten → Dense (refused on import, by name)
 *
 * Writes test/fixtures/interop/tfjs-NAME/model.json + group1-shard1of1.bin and
 * test/fixtures/interop/tfjs-expected.json (X and model.predict(X) per model).
 * Rerun from the repository root:  npx tsx scripts/reference/tfjs_models.ts [--update]
 * (writes into a temporary folder and compares with the committed files, changing nothing;
 * --update rewrites them: scripts/reference/fixtures.ts). Needs the devDependency @tensorflow/tfjs.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { finish, fixture } from "./fixtures.ts";

const OUT = join(import.meta.dirname, "..", "..", "test", "fixtures", "interop");

async function save(name: string, model: tf.LayersModel): Promise<void> {
  const dir = join(OUT, `tfjs-${name}`);
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      // What tfjs-node's file:// handler writes (io/file_system.ts): one shard, its path relative.
      const weightsManifest = [{ paths: ["./group1-shard1of1.bin"], weights: artifacts.weightSpecs }];
      // The fields of tfjs-core's getModelJSONForModelArtifacts (not exported from tf.io).
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      writeFileSync(fixture(join(dir, "model.json")), JSON.stringify(modelJson));
      writeFileSync(fixture(join(dir, "group1-shard1of1.bin")), new Uint8Array(artifacts.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
}

async function main(): Promise<void> {
  await tf.setBackend("cpu");
  const expected: Record<string, unknown> = { versions: { tfjs: tf.version.tfjs } };
  const X2 = [[0.5, -1.2], [2.0, 0.3], [-0.7, -0.1], [1.1, 1.9], [-2.2, 0.8]];
  const X3 = [[0.5, -1.2, 0.1], [2.0, 0.3, -0.4], [-0.7, -0.1, 1.5], [1.1, 1.9, 0.0]];

  const dense = tf.sequential();
  dense.add(tf.layers.dense({ inputShape: [2], units: 6, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: tf.initializers.randomNormal({ seed: 2, stddev: 0.3 }) }));
  dense.add(tf.layers.dense({ units: 4, activation: "tanh", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), biasInitializer: tf.initializers.randomNormal({ seed: 4, stddev: 0.3 }) }));
  dense.add(tf.layers.dense({ units: 3, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }), biasInitializer: tf.initializers.randomNormal({ seed: 6, stddev: 0.3 }) }));
  await save("dense", dense);
  expected.dense = { X: X2, predict: (dense.predict(tf.tensor2d(X2)) as tf.Tensor).arraySync() };

  const sig = tf.sequential();
  sig.add(tf.layers.dense({ inputShape: [3], units: 5, activation: "sigmoid", useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }));
  sig.add(tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }), biasInitializer: tf.initializers.constant({ value: 0.25 }) }));
  await save("sigmoid", sig);
  expected.sigmoid = { X: X3, predict: (sig.predict(tf.tensor2d(X3)) as tf.Tensor).arraySync() };

  const reg = tf.sequential();
  reg.add(tf.layers.dense({ inputShape: [2], units: 4, kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }) }));
  reg.add(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) }));
  reg.compile({ optimizer: tf.train.sgd(0.05), loss: "meanSquaredError" });
  const Y = X2.map(([a, b]) => [a - 2 * b, 0.5 * a * b]);
  await reg.fit(tf.tensor2d(X2), tf.tensor2d(Y), { epochs: 5, batchSize: 5, shuffle: false, verbose: 0 });
  await save("regression", reg);
  expected.regression = { X: X2, predict: (reg.predict(tf.tensor2d(X2)) as tf.Tensor).arraySync() };

  const conv = tf.sequential();
  conv.add(tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }) }));
  conv.add(tf.layers.flatten());
  conv.add(tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotUniform({ seed: 12 }) }));
  await save("conv", conv);

  writeFileSync(fixture(join(OUT, "tfjs-expected.json")), JSON.stringify(expected));
  finish();
}

main();
