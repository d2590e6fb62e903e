/**
 * `glassbox export --to pytorch`: an experiment as a runnable, commented PyTorch training script,
 * to train elsewhere (a GPU, a cluster) and bring the result back. The script holds the training
 * rows as Glassbox prepared them (the input features computed, before scaling), the scaler, the
 * architecture, the initial weights, the loss (with the L1/L2 penalties, as Glassbox defines
 * them), the optimiser and its settings, the epochs and the seed. It trains in float64, prints
 * the loss as it goes, and writes the trained model as ONNX (`glassbox import --from onnx` reads
 * it; its Sub/Div nodes come back as the scaler).
 *
 * Full-batch gradient descent reproduces Glassbox's losses to rounding; mini-batches are drawn by
 * PyTorch's generator (seeded, but not Glassbox's order), and L-BFGS is not exported.
 */
import { UserError } from "../core/errors.ts";
import type { Prepared } from "../experiment/prepare.ts";
import { loss as lossOf } from "../nn/losses.ts";
import { layerToJson } from "../nn/network.ts";
import { optimizerOptions, type AllOptimizerOptions } from "../nn/optimizers/registry.ts";
import { defaultLearningRate } from "../nn/train.ts";
import { interopName, torchLoss } from "./names.ts";

const num = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));
const list = (a: ArrayLike<number>): string => `[${Array.from(a, num).join(", ")}]`;
const rowsOf = (data: Float64Array, rows: number, cols: number): string =>
  `[\n${Array.from({ length: rows }, (_, i) => `    ${list(data.subarray(i * cols, (i + 1) * cols))},`).join("\n")}\n]`;
const py = (s: string): string => JSON.stringify(s);

/** The training script for a prepared experiment; `source` names the experiment file in comments. */
export function experimentToPytorch(prepared: Prepared, source: string): string {
  const { model, split, data, config } = prepared;
  if (config.optimizer === "lbfgs") throw new UserError(`train.optimizer "lbfgs" is not exported (PyTorch's L-BFGS differs from scikit-learn's); use gd, sgd or adam`, source);
  // The optimisers written below; one added to the registry is refused until it is written here too.
  if (!(["gd", "sgd", "adam"] as string[]).includes(config.optimizer)) throw new UserError(`train.optimizer "${config.optimizer}" is not exported; use gd, sgd or adam`, source);
  const X = split.train.X;
  const n = X.rows;
  const units = model.layers[model.layers.length - 1].units;
  const d = model.inputSize;
  const lr = config.learningRate ?? defaultLearningRate(config.optimizer);
  const o = optimizerOptions(config.optimizer, config) as Partial<AllOptimizerOptions>;
  const epochs = config.epochs;
  const reduction = config.reduction ?? "mean";
  const l2 = config.l2 ?? 0;
  const l1 = config.l1 ?? 0;
  const batch = config.batchSize ?? null;
  const seed = config.seed ?? 0;
  const summedLoss = torchLoss(model.loss, source);
  const functions = model.layers.map((l) => interopName("torch", l.activation, source));
  const optimiser =
    config.optimizer === "adam"
      ? `torch.optim.Adam(net.parameters(), lr=${num(lr)}, betas=(${num(o.beta1!)}, ${num(o.beta2!)}), eps=${num(o.epsilon!)})`
      : `torch.optim.SGD(net.parameters(), lr=${num(lr)}${o.momentum ? `, momentum=${num(o.momentum)}` : ""}${o.nesterov ? ", nesterov=True" : ""})`;
  const initial = model.layers.map(layerToJson);
  const classes = model.classes ? model.classes.map(String).join(",") : null;
  const importLine = `glassbox import --from onnx trained.onnx --out trained.json${classes ? ` --classes ${classes}` : ""} --features ${split.featureNames.join(",")}`;

  return `#!/usr/bin/env python3
"""Trains the Glassbox experiment ${source} with PyTorch: the same training rows, architecture,
initial weights, loss, optimiser, epochs and seed.

    python3 train.py [--epochs N] [--out trained.onnx] [--history history.json] [--device cuda]

Then, to look at the trained model in Glassbox:

    ${importLine}

Written by \`glassbox export --to pytorch\`. Glassbox records the loss of epoch k in that epoch's
forward pass, before its update; so does this script. ${batch === null ? "Full-batch steps reproduce Glassbox's losses to rounding." : "Mini-batches are shuffled by PyTorch's generator (seeded below), not in Glassbox's order."}
"""
import argparse
import json

import torch
import torch.nn.functional as F
from torch import nn

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=${epochs})
parser.add_argument("--out", default="trained.onnx", help="the trained model, as ONNX")
parser.add_argument("--history", help="also write the loss of every epoch as JSON")
parser.add_argument("--device", default="cpu")
args = parser.parse_args()

torch.manual_seed(${seed})
torch.set_default_dtype(torch.float64)  # Glassbox computes in float64
device = torch.device(args.device)

# The training rows: ${n} × ${d}, the network's input features (${split.featureNames.join(", ")}) before scaling.
X = torch.tensor(${rowsOf(X.data, n, d)}, device=device)
# The targets as the network's outputs see them (${model.classes ? `one column per output; classes ${model.classes.join(", ")}` : "the values"}).
Y = torch.tensor(${rowsOf(data.Y, n, units)}, device=device)

${model.scaler ? `# The scaler Glassbox fitted on these rows: the network sees (x − mean) / scale.
MEAN = torch.tensor(${list(model.scaler.mean)}, device=device)
SCALE = torch.tensor(${list(model.scaler.scale)}, device=device)` : `# No scaler (the experiment's "scale" is "none"); set MEAN and SCALE to tensors to add one.
MEAN = SCALE = None`}

# Layers (sizes ${[d, ...model.layers.map((l) => l.units)].join("-")}) and activations; the output's activation is kept apart so the
# cross-entropies can be computed from the logits, as Glassbox does.
SIZES = ${JSON.stringify([d, ...model.layers.map((l) => l.units)])}
HIDDEN = [${functions.slice(0, -1).join(", ")}]
OUTPUT = ${functions[functions.length - 1]}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(SIZES, SIZES[1:])])

    def logits(self, x):
        """Raw input columns → the output layer's pre-activation Z."""
        if MEAN is not None:
            x = (x - MEAN) / SCALE
        for layer, f in zip(self.layers, HIDDEN):
            x = f(layer(x))
        return self.layers[-1](x)

    def forward(self, x):
        return OUTPUT(self.logits(x))


net = Net().to(device)
# The initial weights Glassbox drew (W is out × in, as nn.Linear's weight).
INITIAL = ${JSON.stringify(initial.map((l) => ({ W: l.W, b: l.b })))}
with torch.no_grad():
    for layer, p in zip(net.layers, INITIAL):
        layer.weight.copy_(torch.tensor(p["W"]))
        layer.bias.copy_(torch.tensor(p["b"]))


def summed_loss(z, y):
    """Σ over rows of each row's ${model.loss} loss, from the logits z."""
    return ${summedLoss}


L2, L1 = ${num(l2)}, ${num(l1)}  # penalties on the weights (not the biases): + L2/2·Σw² + L1·Σ|w| on the summed loss


def objective(x, y):
    total = summed_loss(net.logits(x), y)
    weights = [layer.weight for layer in net.layers]
    if L2 > 0:
        total = total + 0.5 * L2 * sum((w ** 2).sum() for w in weights)
    if L1 > 0:
        total = total + L1 * sum(w.abs().sum() for w in weights)
    reported = ${lossOf(model.loss).reportsSum ? `total  # ${model.loss} is reported as the sum` : "total / x.shape[0]  # reported as the mean over rows"}
    # reduction "${reduction}": gradients ${reduction === "mean" ? "averaged over the rows" : "summed over the rows"}
    return reported, ${reduction === "mean" ? "total / x.shape[0]" : "total"}


optimiser = ${optimiser}
BATCH = ${batch === null ? "None  # full batch" : batch}
history = []
report_every = max(1, args.epochs // 10)
for epoch in range(1, args.epochs + 1):
    order = torch.randperm(len(X), device=device) if BATCH else torch.arange(len(X), device=device)
    epoch_loss = 0.0
    for start in range(0, len(X), BATCH or len(X)):
        rows = order[start:start + (BATCH or len(X))]
        optimiser.zero_grad()
        reported, for_gradient = objective(X[rows], Y[rows])
        for_gradient.backward()
        optimiser.step()
        epoch_loss += reported.item() * len(rows) / len(X)
    history.append(epoch_loss)
    if epoch == 1 or epoch % report_every == 0 or epoch == args.epochs:
        print(f"epoch {epoch}: loss {epoch_loss:.6g}")

if args.history:
    with open(args.history, "w") as f:
        json.dump({"epoch": list(range(1, args.epochs + 1)), "loss": history}, f)

# The trained model as ONNX (opset 13), the scaler inside it: glassbox import --from onnx reads it.
net.eval()
torch.onnx.export(net.cpu(), torch.zeros(1, ${d}), args.out, opset_version=13, input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {0: "N"}, "output": {0: "N"}})
print(f"trained model written to {args.out}; then: ${importLine.replace("trained.onnx", "{args.out}")}")
`;
}
