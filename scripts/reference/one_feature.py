"""Reference run for examples/one-feature.json (article "one-feature-from-scratch"):
12 points on a line, a 1-2-1 sigmoid network from the given init, binary
cross-entropy, gradients SUMMED over samples (no division by n), learning rate
0.1, 50,000 epochs of plain full-batch gradient descent -- as the article's
NeuralNetwork class does it:
  res = A2 - Y;  dW2 = res^T A1, db2 = sum(res);
  dZ1 = (res W2) * A1 (1 - A1);  dW1 = dZ1^T X, db1 = sum(dZ1)
(W stored out x in, samples x units). The loss reported is the MEAN BCE,
measured before each epoch's update (epoch k = history index k-1).
Also records the final loss, accuracy (> 0.5) and each hidden neuron's "cut",
the x where its pre-activation is zero (-b/w).

Writes test/fixtures/one-feature-reference.json.

Needs NumPy 1.24 (Debian 12's /usr/bin/python3). From the repository root it compares with the
committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/one_feature.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import example, finish, floats, needs, sigmoid, two_layers, write_json  # noqa: E402

needs("numpy")
import json

import numpy as np

MARKS = [1, 2, 10, 100, 1000, 10000, 50000]


def forward(X, W1, b1, W2, b2):
    _, A1, _, A2 = two_layers(X, W1, b1, W2, b2, sigmoid, sigmoid)
    return A1, A2


def bce(y, out):
    return float(-np.sum(y * np.log(out) + (1 - y) * np.log(1 - out)) / len(y))


def main():
    ex, X, y, (W1, b1, W2, b2) = example("one-feature.json")
    lr = ex["train"]["learningRate"]
    epochs = ex["train"]["epochs"]

    losses = []
    for _ in range(epochs):
        A1, A2 = forward(X, W1, b1, W2, b2)
        losses.append(bce(y, A2))
        res = A2 - y
        dW2 = res.T @ A1
        db2 = res.sum(axis=0)
        dZ1 = (res @ W2) * A1 * (1 - A1)
        dW1 = dZ1.T @ X
        db1 = dZ1.sum(axis=0)
        W1 = W1 - lr * dW1
        W2 = W2 - lr * dW2
        b1 = b1 - lr * db1
        b2 = b2 - lr * db2
    A1, A2 = forward(X, W1, b1, W2, b2)
    cuts = [float(-b1[j] / W1[j, 0]) for j in range(W1.shape[0])]

    doc = {
        "description": "examples/one-feature.json: 1-2-1 sigmoid, BCE, summed gradients, lr 0.1, "
                       "50000 epochs plain GD. losses are mean BCE before that epoch's update. "
                       "W out x in, b flat. cuts[j] = -b1[j]/W1[j][0].",
        "numpy": np.__version__,
        "learningRate": lr,
        "epochs": epochs,
        "losses": [{"epoch": k, "loss": losses[k - 1]} for k in MARKS],
        "final": {
            "params": [{"W": floats(W1), "b": floats(b1)}, {"W": floats(W2), "b": floats(b2)}],
            "loss": bce(y, A2),
            "accuracy": float(np.mean((A2 > 0.5) == (y > 0.5))),
            "outputs": floats(A2.ravel()),
            "cuts": cuts,
        },
    }
    write_json("test/fixtures/one-feature-reference.json", doc, indent=1)
    print(json.dumps(doc, indent=1))


if __name__ == "__main__":
    main()
    finish()
