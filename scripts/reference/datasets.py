#!/usr/bin/python3
"""Reference datasets from scikit-learn for Glassbox's data tests.

Writes test/fixtures/datasets-reference.json. Floats are written with repr, so they round-trip.

Needs NumPy 1.24, scikit-learn 1.2 (Debian 12's /usr/bin/python3). From the repository root it
compares with the committed fixtures, or rewrites them with --update (fixtures.py):
    /usr/bin/python3 scripts/reference/datasets.py [--update]
"""
import sys

sys.dont_write_bytecode = True  # importing fixtures.py leaves no __pycache__ behind
from fixtures import finish, needs, write_json  # noqa: E402

needs("numpy", "sklearn")
import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler



def case(call, X, y):
    return {"call": call, "X": X.tolist(), "y": y.tolist()}


def main():
    cases = {
        "moons-1000": case("make_moons(1000, noise=0.2, random_state=100)",
                           *make_moons(1000, noise=0.2, random_state=100)),
        "moons-50": case("make_moons(50, noise=0.1, random_state=3)",
                         *make_moons(50, noise=0.1, random_state=3)),
        "circles-400": case("make_circles(400, noise=0.08, factor=0.4, random_state=3)",
                            *make_circles(400, noise=0.08, factor=0.4, random_state=3)),
        "blobs-300": case("make_blobs(300, centers=3, cluster_std=1.2, random_state=7)",
                          *make_blobs(300, centers=3, cluster_std=1.2, random_state=7)),
    }

    # train_test_split(test_size=0.1, random_state=42) on n = 1000: sklearn's ShuffleSplit takes
    # RandomState(42).permutation(n); test = perm[:ceil(0.1 n)], train = the rest, in order.
    n, test_size, seed = 1000, 0.1, 42
    perm = np.random.RandomState(seed).permutation(n)
    idx_train, idx_test = train_test_split(np.arange(n), test_size=test_size, random_state=seed)
    n_test = int(np.ceil(test_size * n))
    assert np.array_equal(idx_test, perm[:n_test]), "test indices differ from the permutation"
    assert np.array_equal(idx_train, perm[n_test:]), "train indices differ from the permutation"

    split = {
        "call": "train_test_split(np.arange(1000), test_size=0.1, random_state=42)",
        "n": n, "testSize": test_size, "seed": seed,
        "permutation": perm.tolist(), "train": idx_train.tolist(), "test": idx_test.tolist(),
    }

    # The hidden-layer article's three Gaussian groups, drawn feature by feature.
    np.random.seed(1)
    x1 = np.concatenate([np.random.normal(0.5, 0.1, 100), np.random.normal(0.2, 0.05, 50),
                         np.random.normal(0.8, 0.05, 50)])
    x2 = np.concatenate([np.random.normal(0.5, 0.2, 100), np.random.normal(0.5, 0.2, 50),
                         np.random.normal(0.5, 0.2, 50)])
    y = np.concatenate([np.zeros(100, dtype=int), np.ones(100, dtype=int)])
    cases["gaussian-groups-article"] = case(
        "np.random.seed(1); x1 = concat(normal(.5,.1,100), normal(.2,.05,50), normal(.8,.05,50)); "
        "x2 = concat(normal(.5,.2,100), normal(.5,.2,50), normal(.5,.2,50))",
        np.column_stack([x1, x2]), y)

    # StandardScaler on the moons, and on data with a constant column (its scale becomes 1).
    Xm = np.array(cases["moons-1000"]["X"])
    Xc = np.column_stack([Xm[:20, 0], np.full(20, 3.7), Xm[:20, 1] * 1e6])
    scalers = {}
    for name, X in [("moons-1000", Xm), ("constant-column", Xc)]:
        sc = StandardScaler().fit(X)
        scalers[name] = {"X": X.tolist(), "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                         "transformed": sc.transform(X).tolist()}

    doc = {
        "generatedBy": "scripts/reference/datasets.py",
        "numpy": np.__version__, "sklearn": sklearn.__version__,
        "datasets": cases, "split": split, "scalers": scalers,
    }
    write_json("test/fixtures/datasets-reference.json", doc, separators=(",", ":"))


if __name__ == "__main__":
    main()
    finish()
