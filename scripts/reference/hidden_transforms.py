"""scikit-learn reference for the hidden-layer-transforms article's ring figure:
make_circles(400, noise=0.08, factor=0.4, random_state=3) (examples/circles-three-neurons.json
with rng "numpy"), MLPClassifier(solver='lbfgs', hidden_layer_sizes=(3,), activation='logistic',
max_iter=1000, alpha=1e-4, random_state=RS) for RS in 0..19, unscaled inputs.

For each run: loss_, n_iter_, train accuracy, the initial params (sklearn's Glorot-uniform draw,
bound sqrt(2/(fan_in+fan_out)) for logistic) and the final ones, W out x in, b flat; and
"separable": whether a plane in the 3-D hidden space (the output neuron's) puts >= 97 % of the
points on their side (it is the output neuron's own plane: accuracy >= 0.97).

Writes test/fixtures/hidden-transforms-reference.json. Run from the repository root with
Debian's python3-sklearn:  /usr/bin/python3 scripts/reference/hidden_transforms.py

Needs Python 3 with NumPy 1.24, SciPy 1.10, scikit-learn 1.2 (Debian 12's /usr/bin/python3 with python3-numpy, python3-scipy, python3-sklearn). It writes into a
temporary folder and compares with the committed fixtures, changing nothing; `--update`
rewrites them (scripts/reference/fixtures.py):
    /usr/bin/python3 scripts/reference/hidden_transforms.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, fixture, needs  # noqa: E402  (temporary folder or --update; versions)

needs("numpy", "scipy", "sklearn")
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.datasets import make_circles
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "fixtures", "hidden-transforms-reference.json")


class RecordingMLP(MLPClassifier):
    def _fit_lbfgs(self, X, y, *args, **kwargs):
        self.init_coefs_ = [c.copy() for c in self.coefs_]
        self.init_intercepts_ = [b.copy() for b in self.intercepts_]
        return super()._fit_lbfgs(X, y, *args, **kwargs)


def layers(coefs, intercepts):
    return [{"W": [[float(v) for v in row] for row in c.T], "b": [float(v) for v in b]}
            for c, b in zip(coefs, intercepts)]


def main():
    X, y = make_circles(400, noise=0.08, factor=0.4, random_state=3)
    runs = []
    for rs in range(20):
        clf = RecordingMLP(solver="lbfgs", hidden_layer_sizes=(3,), activation="logistic",
                           max_iter=1000, alpha=1e-4, random_state=rs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X, y)
        runs.append({
            "randomState": rs,
            "loss": float(clf.loss_),
            "nIter": int(clf.n_iter_),
            "accuracy": float(clf.score(X, y)),
            "initialLayers": layers(clf.init_coefs_, clf.init_intercepts_),
            "layers": layers(clf.coefs_, clf.intercepts_),
        })
        print("rs=%2d loss=%.4f nIter=%4d acc=%.4f" % (rs, clf.loss_, clf.n_iter_, clf.score(X, y)))
    doc = {
        "description": "make_circles(400, noise=0.08, factor=0.4, random_state=3); MLPClassifier(solver='lbfgs', "
                       "hidden_layer_sizes=(3,), activation='logistic', max_iter=1000, alpha=1e-4, random_state=RS). "
                       "W out x in, b flat.",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "circles": {"runs": runs},
    }
    with open(fixture(OUT), "w") as f:
        json.dump(doc, f)
        f.write("\n")


if __name__ == "__main__":
    main()
    finish()
