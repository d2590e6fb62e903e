"""scikit-learn's own mini-batch SGD, for replaying it with `train.shuffle: "sklearn"`.

MLPClassifier(solver="sgd") shuffles its rows every epoch with sklearn.utils.shuffle, which
permutes the *previous* epoch's order (sample_idx = sample_idx[permutation(n)], drawn from
RandomState(random_state)); Glassbox's default permutes the original order instead. This fits
a 2-5-1 tanh/logistic classifier on 60 moons with batches of 16 (the last one 12), Nesterov
momentum and an L2 penalty, from initial weights drawn here and written into the network (so
scikit-learn's RandomState is fresh when its shuffling starts, as Glassbox's train.seed is),
and records:

  X, y, the initial and final weights (W out x in, as Glassbox stores them, b flat),
  loss_curve_ (each epoch's sample-weighted mean of the batch losses, each with its L2 term),
  and the row order of the first epochs (what sklearn.utils.shuffle returned).

Writes test/fixtures/sklearn-shuffle-reference.json.

Needs NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository root it
compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/sklearn_shuffle.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, floats, needs, sklearn_layers, write_json  # noqa: E402

needs("numpy", "sklearn")
import numpy as np
import sklearn
import sklearn.neural_network._multilayer_perceptron as mlp_module
from sklearn.datasets import make_moons
from sklearn.neural_network import MLPClassifier

SEED = 7
EPOCHS = 40


class GivenStart(MLPClassifier):
    """scikit-learn's MLPClassifier starting from given weights: its own _initialize, then the
    weights replaced and its RandomState made afresh from random_state (the draws of the
    initialisation are not the shuffles')."""

    start = None

    def _initialize(self, y, layer_units, dtype):
        super()._initialize(y, layer_units, dtype)
        for i, (W, b) in enumerate(self.start):
            self.coefs_[i][...] = W
            self.intercepts_[i][...] = b
        self._random_state = np.random.RandomState(self.random_state)


def main():
    X, y = make_moons(60, noise=0.25, random_state=3)
    start_rng = np.random.RandomState(11)
    sizes = [2, 5, 1]
    start = [(start_rng.uniform(-0.8, 0.8, (a, b)), start_rng.uniform(-0.8, 0.8, b)) for a, b in zip(sizes, sizes[1:])]
    GivenStart.start = start

    orders = []
    original = mlp_module.shuffle

    def recording(*arrays, **kw):
        out = original(*arrays, **kw)
        if len(orders) < 3:
            orders.append([int(i) for i in out])
        return out

    mlp_module.shuffle = recording
    try:
        clf = GivenStart(hidden_layer_sizes=(5,), activation="tanh", solver="sgd", learning_rate="constant",
                         learning_rate_init=0.1, momentum=0.9, nesterovs_momentum=True, alpha=1e-3,
                         batch_size=16, max_iter=EPOCHS, shuffle=True, random_state=SEED, tol=0.0,
                         n_iter_no_change=EPOCHS + 1)
        clf.fit(X, y)
    finally:
        mlp_module.shuffle = original
    assert clf.n_iter_ == EPOCHS, clf.n_iter_

    doc = {
        "generator": "scripts/reference/sklearn_shuffle.py",
        "versions": {"numpy": np.__version__, "sklearn": sklearn.__version__},
        "call": "MLPClassifier(hidden_layer_sizes=(5,), activation='tanh', solver='sgd', learning_rate_init=0.1, "
                "momentum=0.9, nesterovs_momentum=True, alpha=1e-3, batch_size=16, max_iter=%d, shuffle=True, "
                "random_state=%d, tol=0, n_iter_no_change=%d) from the initial weights below" % (EPOCHS, SEED, EPOCHS + 1),
        "seed": SEED,
        "epochs": EPOCHS,
        "batchSize": 16,
        "learningRate": 0.1,
        "momentum": 0.9,
        "alpha": 1e-3,
        "X": floats(X),
        "y": [int(v) for v in y],
        "initial": sklearn_layers([W for W, _ in start], [b for _, b in start]),
        "final": sklearn_layers(clf.coefs_, clf.intercepts_),
        "lossCurve": floats(clf.loss_curve_),
        "orders": orders,
    }
    write_json("test/fixtures/sklearn-shuffle-reference.json", doc)
    print("loss", doc["lossCurve"][0], "→", doc["lossCurve"][-1], "first order", orders[0][:8])


if __name__ == "__main__":
    main()
    finish()
