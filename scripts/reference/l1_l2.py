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

Writes test/fixtures/l1-l2-reference.json.

Needs NumPy 1.24 (Debian 12's /usr/bin/python3). From the repository root it compares with the
committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/l1_l2.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, floats, needs, sigmoid, two_layers, write_json  # noqa: E402

needs("numpy")
import numpy as np

OUTPUTS = {"sigmoid": sigmoid, "linear": lambda z: z}


def run(X, Y, params, output, loss, reduction, lr, l1, l2, epochs):
    W1, b1, W2, b2 = [np.array(p, dtype=float) for p in params]
    n = X.shape[0]
    s = 1.0 / n if reduction == "mean" else 1.0
    losses = []
    for _ in range(epochs):
        _, A1, _, A2 = two_layers(X, W1, b1, W2, b2, np.tanh, OUTPUTS[output])
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
    return losses, [dict(W=floats(W1), b=floats(b1)), dict(W=floats(W2), b=floats(b2))]


def case(name, X, Y, init, output, loss, reduction, lr, l1, l2, epochs=6):
    """One run from `init` (W1, b1, W2, b2; tanh hidden layer) as the fixture lists it."""
    losses, final = run(X, Y, init, output, loss, reduction, lr, l1, l2, epochs)
    W1, b1, W2, b2 = init
    return dict(name=name, layers=[dict(units=W1.shape[0], activation="tanh"), dict(units=W2.shape[0], activation=output)],
                loss=loss, reduction=reduction, learningRate=lr, l1=l1, l2=l2, epochs=epochs,
                Y=floats(Y), init=[dict(W=floats(W1), b=floats(b1)), dict(W=floats(W2), b=floats(b2))],
                losses=losses, final=final)


def main():
    rng = np.random.RandomState(7)
    X = rng.randn(8, 2)
    W1 = rng.randn(3, 2) * 0.7
    W1[1, 0] = 0.0
    b1 = rng.randn(3) * 0.1
    y = (X[:, 0] * X[:, 1] > 0).astype(float).reshape(-1, 1)
    # Each case draws its output layer after the previous case ran, in this order.
    cases = [case("bce", X, y, [W1, b1, rng.randn(1, 3) * 0.7, rng.randn(1) * 0.1], "sigmoid", "binary-crossentropy", "mean", 0.5, 0.05, 0.1)]
    Y2 = np.stack([X[:, 0] - X[:, 1], X[:, 0] * X[:, 1]], axis=1)
    cases.append(case("sse", X, Y2, [W1, b1, rng.randn(2, 3) * 0.7, rng.randn(2) * 0.1], "linear", "sse", "sum", 0.05, 0.02, 0.03))

    write_json("test/fixtures/l1-l2-reference.json", dict(source="scripts/reference/l1_l2.py (NumPy %s)" % np.__version__, X=floats(X), cases=cases), indent=1)


if __name__ == "__main__":
    main()
    finish()
