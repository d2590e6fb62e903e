"""The "gaussian groups" data set of the article "hidden-layer-transforms"
(examples/gauss-two-neurons.json), drawn exactly as the article does:

    np.random.seed(1)
    x1 = concat(normal(0.5, 0.1, 100), normal(0.2, 0.05, 50), normal(0.8, 0.05, 50))
    x2 = concat(normal(0.5, 0.2, 100), normal(0.5, 0.2, 50),  normal(0.5, 0.2, 50))
    X = hstack(x1, x2); y = 100 zeros then 100 ones

then scikit-learn's StandardScaler (population std, ddof 0). Records the raw X
(before scaling), y, the scaler's mean_ and scale_, and the scaled X.

Writes test/fixtures/gaussian-groups-reference.json. Rerun from the repository root:
    python3 scripts/reference/gaussian_groups.py

Needs Python 3 with NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3 with python3-numpy, python3-sklearn). It writes into a
temporary folder and compares with the committed fixtures, changing nothing; `--update`
rewrites them (scripts/reference/fixtures.py):
    /usr/bin/python3 scripts/reference/gaussian_groups.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, fixture, needs  # noqa: E402  (temporary folder or --update; versions)

needs("numpy", "sklearn")
import json
import os

import numpy as np
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "fixtures", "gaussian-groups-reference.json")


def make_gaussian_groups():
    """Returns (X raw 200x2, y length 200) exactly as in the article."""
    np.random.seed(1)
    x1 = np.concatenate((np.random.normal(0.5, 0.1, 100),
                         np.random.normal(0.2, 0.05, 50),
                         np.random.normal(0.8, 0.05, 50))).reshape(-1, 1)
    x2 = np.concatenate((np.random.normal(0.5, 0.2, 100),
                         np.random.normal(0.5, 0.2, 50),
                         np.random.normal(0.5, 0.2, 50))).reshape(-1, 1)
    X = np.hstack((x1, x2))
    y = np.concatenate((np.repeat(0, 100), np.repeat(1, 100)))
    return X, y


def main():
    X, y = make_gaussian_groups()
    scaler = StandardScaler()
    Xs = scaler.fit_transform(X)
    doc = {
        "description": "hidden-layer-transforms article data: np.random.seed(1); x1 = normal(0.5,0.1,100), "
                       "normal(0.2,0.05,50), normal(0.8,0.05,50); then x2 = normal(0.5,0.2,100), "
                       "normal(0.5,0.2,50), normal(0.5,0.2,50); y = 100 zeros, 100 ones; "
                       "StandardScaler (ddof 0). X rows are samples, columns [x1, x2].",
        "numpy": np.__version__,
        "X": [[float(v) for v in row] for row in X],
        "y": [int(v) for v in y],
        "scalerMean": [float(v) for v in scaler.mean_],
        "scalerScale": [float(v) for v in scaler.scale_],
        "Xscaled": [[float(v) for v in row] for row in Xs],
    }
    with open(fixture(OUT), "w") as f:
        json.dump(doc, f)
        f.write("\n")
    print("mean", doc["scalerMean"], "scale", doc["scalerScale"], "X[0]", doc["X"][0])


if __name__ == "__main__":
    main()
    finish()
