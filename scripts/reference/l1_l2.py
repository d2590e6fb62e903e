"""Reference numbers for the L1 and L2 penalties (train.l1, train.l2), computed with NumPy alone.

scikit-learn's convention for alpha, extended to L1 in parallel: on the summed loss
    objective = sum_i loss_i + 1/2 * l2 * sum ||W||^2 + l1 * sum |W|
(biases not penalised), reported as objective / n for mean losses and as objective for sse.
Gradients: dW = dZ^T A + l2 * W + l1 * sign(W) on the summed scale (sign(0) = 0), times 1/n for
reduction "mean". Plain full-batch gradient descent, W stored out x in, samples x features.

Two small runs, each a few epochs, every loss measured before its epoch's update:
  bce:  2-3-1, tanh then sigmoid, binary cross-entropy, reduction mean
  sse:  2-3-2, tanh then linear, sse (1/2 sum of squared errors), reduction sum
The initial W1 has one weight exactly 0, to pin sign(0) = 0 at the first step.

Writes test/fixtures/l1-l2-reference.json. Rerun from the repository root:
    python3 scripts/reference/l1_l2.py

Needs Python 3 with NumPy 1.24 (Debian 12's /usr/bin/python3 with python3-numpy). It writes into a
temporary folder and compares with the committed fixtures, changing nothing; `--update`
rewrites them (scripts/reference/fixtures.py):
    /usr/bin/python3 scripts/reference/l1_l2.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, fixture, needs  # noqa: E402  (temporary folder or --update; versions)

needs("numpy")
import json
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "fixtures", "l1-l2-reference.json")


def rows(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        return [float(v) for v in a]
    return [[float(v) for v in r] for r in a]


def run(X, Y, params, output, loss, reduction, lr, l1, l2, epochs):
    W1, b1, W2, b2 = [np.array(p, dtype=float) for p in params]
    n = X.shape[0]
    s = 1.0 / n if reduction == "mean" else 1.0
    losses = []
    for _ in range(epochs):
        Z1 = X @ W1.T + b1
        A1 = np.tanh(Z1)
        Z2 = A1 @ W2.T + b2
        if output == "sigmoid":
            A2 = 1 / (1 + np.exp(-Z2))
        else:
            A2 = Z2
        if loss == "binary-crossentropy":
            total = float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
            dZ2 = A2 - Y  # sigmoid with cross-entropy
        else:  # sse
            total = float(0.5 * np.sum((A2 - Y) ** 2))
            dZ2 = A2 - Y  # linear output
        weights = [W1, W2]
        objective = total + 0.5 * l2 * sum(float(np.sum(W ** 2)) for W in weights) + l1 * sum(float(np.sum(np.abs(W))) for W in weights)
        losses.append(objective / n if loss != "sse" else objective)
        dZ2 = s * dZ2
        dW2 = dZ2.T @ A1 + s * l2 * W2 + s * l1 * np.sign(W2)
        db2 = dZ2.sum(axis=0)
        dA1 = dZ2 @ W2
        dZ1 = dA1 * (1 - A1 ** 2)
        dW1 = dZ1.T @ X + s * l2 * W1 + s * l1 * np.sign(W1)
        db1 = dZ1.sum(axis=0)
        W1 = W1 - lr * dW1
        b1 = b1 - lr * db1
        W2 = W2 - lr * dW2
        b2 = b2 - lr * db2
    return losses, [dict(W=rows(W1), b=rows(b1)), dict(W=rows(W2), b=rows(b2))]


def main():
    rng = np.random.RandomState(7)
    X = rng.randn(8, 2)
    W1 = rng.randn(3, 2) * 0.7
    W1[1, 0] = 0.0
    b1 = rng.randn(3) * 0.1
    y = (X[:, 0] * X[:, 1] > 0).astype(float).reshape(-1, 1)
    cases = []

    W2 = rng.randn(1, 3) * 0.7
    b2 = rng.randn(1) * 0.1
    init = [W1, b1, W2, b2]
    losses, final = run(X, y, init, "sigmoid", "binary-crossentropy", "mean", 0.5, 0.05, 0.1, 6)
    cases.append(dict(name="bce", layers=[dict(units=3, activation="tanh"), dict(units=1, activation="sigmoid")],
                      loss="binary-crossentropy", reduction="mean", learningRate=0.5, l1=0.05, l2=0.1, epochs=6,
                      Y=rows(y), init=[dict(W=rows(W1), b=rows(b1)), dict(W=rows(W2), b=rows(b2))],
                      losses=losses, final=final))

    W2 = rng.randn(2, 3) * 0.7
    b2 = rng.randn(2) * 0.1
    Y2 = np.stack([X[:, 0] - X[:, 1], X[:, 0] * X[:, 1]], axis=1)
    init = [W1, b1, W2, b2]
    losses, final = run(X, Y2, init, "linear", "sse", "sum", 0.05, 0.02, 0.03, 6)
    cases.append(dict(name="sse", layers=[dict(units=3, activation="tanh"), dict(units=2, activation="linear")],
                      loss="sse", reduction="sum", learningRate=0.05, l1=0.02, l2=0.03, epochs=6,
                      Y=rows(Y2), init=[dict(W=rows(W1), b=rows(b1)), dict(W=rows(W2), b=rows(b2))],
                      losses=losses, final=final))

    with open(fixture(OUT), "w") as f:
        json.dump(dict(source="scripts/reference/l1_l2.py (NumPy %s)" % np.__version__, X=rows(X), cases=cases), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
    finish()
