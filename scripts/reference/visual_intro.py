"""scikit-learn reference for the visual-introduction article's first half (its notebook's data):

  linear:    make_classification(n_samples=40, n_features=2, n_redundant=0, n_informative=2,
             random_state=7, n_clusters_per_class=1), LogisticRegression(penalty='l2')
  nonLinear: np.random.seed(4); make_circles(n_samples=200, factor=.3, noise=.05); X = 10 * X,
             LogisticRegression(penalty='l2') (it fails), and
             MLPClassifier(hidden_layer_sizes=(n), max_iter=500000, activation=A,
             learning_rate_init=0.01, random_state=RS) for the article's panels
             (n, A) in (1, logistic), (1, identity), (1, relu), (2|3|6|8|30, relu), (30, identity),
             RS in 0..9: train accuracy, n_iter_, loss_.

scikit-learn's defaults apply: solver 'adam' (beta 0.9/0.999, epsilon 1e-8), alpha 1e-4,
batch_size min(200, n) (the whole set here), tol 1e-4 with n_iter_no_change 10.

Writes test/fixtures/visual-intro-reference.json (and the data the example files inline).

Needs NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository root it
compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/visual_intro.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, needs, write_json  # noqa: E402

needs("numpy", "sklearn")
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.datasets import make_circles, make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

PANELS = [(1, "logistic"), (1, "identity"), (1, "relu"), (2, "relu"), (3, "relu"), (6, "relu"),
          (8, "relu"), (30, "relu"), (30, "identity")]


def logistic(X, y):
    clf = LogisticRegression(penalty="l2").fit(X, y)
    return {"accuracy": float(clf.score(X, y)), "coef": clf.coef_[0].tolist(),
            "intercept": float(clf.intercept_[0])}


def main():
    Xl, yl = make_classification(n_samples=40, n_features=2, n_redundant=0, n_informative=2,
                                 random_state=7, n_clusters_per_class=1)
    np.random.seed(4)
    Xc, yc = make_circles(n_samples=200, factor=.3, noise=.05)
    Xc = 10 * Xc
    panels = []
    for n, act in PANELS:
        runs = []
        for rs in range(10):
            clf = MLPClassifier(hidden_layer_sizes=(n), max_iter=500000, activation=act,
                                learning_rate_init=0.01, random_state=rs)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                clf.fit(Xc, yc)
            runs.append({"randomState": rs, "accuracy": float(clf.score(Xc, yc)),
                         "nIter": int(clf.n_iter_), "loss": float(clf.loss_)})
        accs = [r["accuracy"] for r in runs]
        print("%2d %-8s acc median %.3f max %.3f min %.3f  nIter median %d"
              % (n, act, np.median(accs), max(accs), min(accs), np.median([r["nIter"] for r in runs])))
        panels.append({"units": n, "activation": act, "runs": runs})
    doc = {
        "description": __doc__.strip().splitlines()[0],
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "linear": {"X": Xl.tolist(), "y": yl.tolist(), "logistic": logistic(Xl, yl)},
        "nonLinear": {"X": Xc.tolist(), "y": yc.tolist(), "logistic": logistic(Xc, yc), "panels": panels},
    }
    print("logistic regression: linear %.3f, non-linear %.3f"
          % (doc["linear"]["logistic"]["accuracy"], doc["nonLinear"]["logistic"]["accuracy"]))
    write_json("test/fixtures/visual-intro-reference.json", doc)


if __name__ == "__main__":
    main()
    finish()
