/** The training engine-browser.test.ts runs in Chromium's workers: its parameters as hex. */
import { GlassboxRandom } from "../../src/core/random.ts";
import type { Engine } from "../../src/core/wasm/engine.ts";
import { createNetwork } from "../../src/nn/network.ts";
import { createTrainer } from "../../src/nn/trainer.ts";

export function trainedParams(options: { engine?: Engine } = {}): string {
  const rng = new GlassboxRandom(21);
  const net = createNetwork(2, [{ units: 25, activation: "relu" }, { units: 50, activation: "relu" }, { units: 20, activation: "tanh" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
  for (let i = 0; i < net.params.length; i++) net.params[i] = rng.normal() * 0.3;
  const n = 400;
  const X = Float64Array.from({ length: 2 * n }, () => rng.normal());
  const Y = Float64Array.from({ length: n }, (_, i) => (X[2 * i] * X[2 * i + 1] > 0 ? 1 : 0));
  const t = createTrainer(net, { X: { rows: n, cols: 2, data: X }, Y }, { optimizer: "adam", learningRate: 0.01, epochs: 15, batchSize: 200, seed: 4, engine: options.engine });
  t.step(Infinity);
  t.dispose();
  return Array.from(new BigUint64Array(net.params.buffer, net.params.byteOffset, net.params.length), (v) => v.toString(16)).join(",");
}
