"""Reference numbers for examples/twelve-steps.json (article "twelve-steps-matrices"):
X 3x4, y [1,1,0], a 4-3-1 sigmoid network with the given W/b, loss
sse = 1/2 sum (y - output)^2, learning rate 0.1, gradients summed over samples,
plain gradient descent.

One named matrix per step, samples x units orientation (W stored out x in):
  Z1 = X W1^T + b1 (hidden input), A1 = sigmoid(Z1) (hidden activation),
  Z2 = A1 W2^T + b2, A2 = sigmoid(Z2) (output), E = y - A2,
  slopeOutput = A2(1-A2), slopeHidden = A1(1-A1),
  deltaOutput = E * slopeOutput, errorHidden = deltaOutput W2,
  deltaHidden = errorHidden * slopeHidden,
  W2' = W2 + lr deltaOutput^T A1, W1' = W1 + lr deltaHidden^T X,
  b2' = b2 + lr sum(deltaOutput), b1' = b1 + lr sum(deltaHidden).
The gradient form is dW2 = -deltaOutput^T A1, dW1 = -deltaHidden^T X,
db2 = -sum deltaOutput, db1 = -sum deltaHidden (so W' = W - lr dW).
Then 5,000 iterations of the same update: losses (before the update) at
iterations 1, 2, 10, 100, 1000, 5000, and the final params and outputs.

Writes test/fixtures/twelve-steps-reference.json.

Needs NumPy 1.24 (Debian 12's /usr/bin/python3). From the repository root it compares with the
committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/twelve_steps.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import example, finish, floats, needs, sigmoid, two_layers, write_json  # noqa: E402

needs("numpy")
import json

import numpy as np

MARKS = [1, 2, 10, 100, 1000, 5000]


def steps(X, y, W1, b1, W2, b2, lr):
    Z1, A1, Z2, A2 = two_layers(X, W1, b1, W2, b2, sigmoid, sigmoid)
    E = y - A2
    slopeOutput = A2 * (1 - A2)
    slopeHidden = A1 * (1 - A1)
    deltaOutput = E * slopeOutput
    errorHidden = deltaOutput @ W2
    deltaHidden = errorHidden * slopeHidden
    return dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2, E=E, slopeOutput=slopeOutput,
                slopeHidden=slopeHidden, deltaOutput=deltaOutput,
                errorHidden=errorHidden, deltaHidden=deltaHidden,
                W2=W2 + lr * deltaOutput.T @ A1, W1=W1 + lr * deltaHidden.T @ X,
                b2=b2 + lr * deltaOutput.sum(axis=0), b1=b1 + lr * deltaHidden.sum(axis=0),
                loss=0.5 * float(np.sum(E ** 2)))


def main():
    ex, X, y, (W1, b1, W2, b2) = example("twelve-steps.json")
    p = ex["init"]["params"]
    lr = ex["train"]["learningRate"]
    iters = ex["train"]["epochs"]

    s = steps(X, y, W1, b1, W2, b2, lr)
    first = {
        "hiddenInput_Z1": floats(s["Z1"]),
        "hiddenActivation_A1": floats(s["A1"]),
        "outputInput_Z2": floats(s["Z2"]),
        "output_A2": floats(s["A2"]),
        "error_E": floats(s["E"]),
        "slopeOutput": floats(s["slopeOutput"]),
        "slopeHidden": floats(s["slopeHidden"]),
        "deltaOutput": floats(s["deltaOutput"]),
        "errorHidden": floats(s["errorHidden"]),
        "deltaHidden": floats(s["deltaHidden"]),
        "lossBefore": s["loss"],
        "updated": [{"W": floats(s["W1"]), "b": floats(s["b1"])},
                    {"W": floats(s["W2"]), "b": floats(s["b2"])}],
        "gradients": [
            {"dW": floats(-s["deltaHidden"].T @ X), "db": floats(-s["deltaHidden"].sum(axis=0))},
            {"dW": floats(-s["deltaOutput"].T @ s["A1"]), "db": floats(-s["deltaOutput"].sum(axis=0))},
        ],
    }
    after_one = steps(X, y, s["W1"], s["b1"], s["W2"], s["b2"], lr)["loss"]

    losses = []
    for i in range(iters):
        s = steps(X, y, W1, b1, W2, b2, lr)
        losses.append(s["loss"])
        W1, b1, W2, b2 = s["W1"], s["b1"], s["W2"], s["b2"]
    final = steps(X, y, W1, b1, W2, b2, lr)

    doc = {
        "description": "examples/twelve-steps.json: 4-3-1 sigmoid, sse = 1/2 sum (y-out)^2, lr 0.1, summed "
                       "gradients, plain GD. Matrices samples x units; W out x in. Loss at iteration k is "
                       "measured before that iteration's update.",
        "numpy": np.__version__,
        "initial": [{"W": floats(p[0]["W"]), "b": floats(p[0]["b"])},
                    {"W": floats(p[1]["W"]), "b": floats(p[1]["b"])}],
        "learningRate": lr,
        "firstIteration": first,
        "lossAfterFirstUpdate": after_one,
        "iterations": iters,
        "losses": [{"iteration": k, "loss": losses[k - 1]} for k in MARKS],
        "final": {
            "params": [{"W": floats(W1), "b": floats(b1)}, {"W": floats(W2), "b": floats(b2)}],
            "outputs": floats(final["A2"].ravel()),
            "loss": final["loss"],
        },
    }
    write_json("test/fixtures/twelve-steps-reference.json", doc, indent=1)
    print(json.dumps({"lossBefore": first["lossBefore"], "output": first["output_A2"],
                      "losses": doc["losses"], "final": doc["final"]}, indent=1))


if __name__ == "__main__":
    main()
    finish()
