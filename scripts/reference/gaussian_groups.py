"""The "gaussian groups" data set of the article "hidden-layer-transforms"
(examples/gauss-two-neurons.json), drawn exactly as the article does:

    np.random.seed(1)
    x1 = concat(normal(0.5, 0.1, 100), normal(0.2, 0.05, 50), normal(0.8, 0.05, 50))
    x2 = concat(normal(0.5, 0.2, 100), normal(0.5, 0.2, 50),  normal(0.5, 0.2, 50))
    X = hstack(x1, x2); y = 100 zeros then 100 ones

then scikit-learn's StandardScaler (population std, ddof 0). Records the raw X
(before scaling), y, the scaler's mean_ and scale_, and the scaled X.

Writes test/fixtures/gaussian-groups-reference.json.

Needs NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository root it
compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/gaussian_groups.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, floats, needs, write_json  # noqa: E402

needs("numpy", "sklearn")
import numpy as np
from sklearn.preprocessing import StandardScaler


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
        "X": floats(X),
        "y": [int(v) for v in y],
        "scalerMean": floats(scaler.mean_),
        "scalerScale": floats(scaler.scale_),
        "Xscaled": floats(Xs),
    }
    write_json("test/fixtures/gaussian-groups-reference.json", doc)
    print("mean", doc["scalerMean"], "scale", doc["scalerScale"], "X[0]", doc["X"][0])


if __name__ == "__main__":
    main()
    finish()
