"""scikit-learn reference for the hidden-layer-transforms article's ring figure:
make_circles(400, noise=0.08, factor=0.4, random_state=3) (examples/circles-three-neurons.json
with rng "numpy"), MLPClassifier(solver='lbfgs', hidden_layer_sizes=(3,), activation='logistic',
max_iter=1000, alpha=1e-4, random_state=RS) for RS in 0..19, unscaled inputs.

For each run: loss_, n_iter_, train accuracy, the initial params (sklearn's Glorot-uniform draw,
bound sqrt(2/(fan_in+fan_out)) for logistic) and the final ones, W out x in, b flat; and
"separable": whether a plane in the 3-D hidden space (the output neuron's) puts >= 97 % of the
points on their side (it is the output neuron's own plane: accuracy >= 0.97).

Writes test/fixtures/hidden-transforms-reference.json.

Needs NumPy 1.24, SciPy 1.10, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository
root it compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/hidden_transforms.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, needs, recording_mlp, sklearn_layers, write_json  # noqa: E402

needs("numpy", "scipy", "sklearn")
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.datasets import make_circles
from sklearn.exceptions import ConvergenceWarning


def main():
    X, y = make_circles(400, noise=0.08, factor=0.4, random_state=3)
    runs = []
    for rs in range(20):
        clf = recording_mlp(solver="lbfgs", hidden_layer_sizes=(3,), activation="logistic",
                            max_iter=1000, alpha=1e-4, random_state=rs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X, y)
        runs.append({
            "randomState": rs,
            "loss": float(clf.loss_),
            "nIter": int(clf.n_iter_),
            "accuracy": float(clf.score(X, y)),
            "initialLayers": sklearn_layers(clf.init_coefs_, clf.init_intercepts_),
            "layers": sklearn_layers(clf.coefs_, clf.intercepts_),
        })
        print("rs=%2d loss=%.4f nIter=%4d acc=%.4f" % (rs, clf.loss_, clf.n_iter_, clf.score(X, y)))
    doc = {
        "description": "make_circles(400, noise=0.08, factor=0.4, random_state=3); MLPClassifier(solver='lbfgs', "
                       "hidden_layer_sizes=(3,), activation='logistic', max_iter=1000, alpha=1e-4, random_state=RS). "
                       "W out x in, b flat.",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "circles": {"runs": runs},
    }
    write_json("test/fixtures/hidden-transforms-reference.json", doc)


if __name__ == "__main__":
    main()
    finish()
